/**
 * Every node's log side by side: one row per node, one column per log index, each entry coloured
 * by its term. Committed entries are solid, uncommitted ones hatched, so a projector shows at a
 * glance how far each log agrees. Markers (C, A, D, N, M) show commitIndex, lastApplied, the
 * durable end, and the leader's nextIndex and matchIndex on each follower's row.
 *
 * Long logs are shown through a window of columns ([from, from + count)); the parent owns the
 * window (it asks the worker for those entries) and moves it through onScroll.
 */
import type { KeyboardEvent, WheelEvent } from 'react';
import type { ClusterView, Command, NodeView } from '../../core/index.ts';
import type { LessonHighlight } from '../../scenario/index.ts';
import { assertNever, shortCommand } from '../format.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import type { LogCell, LogMark, LogWindow } from '../log-rows.ts';
import { leaderProgress, logMarkOrder, logMarkTag, logWindow, rowCells, rowMarks } from '../log-rows.ts';
import { termColor, termTextColor } from '../viz/palette.ts';
import { presentNodes } from '../present-nodes.ts';
import './panels.css';

export interface LogTableProps {
  readonly view: ClusterView;
  /** The first log index shown. */
  readonly from: number;
  /** How many index columns to show. */
  readonly count: number;
  /** Asks the parent to move the window so that it starts at `from`. */
  readonly onScroll: (from: number) => void;
  /**
   * The catalogue to speak in: LogPanel passes the screen's (useMessages). English when left
   * out, so the table also renders on its own, outside the app's store.
   */
  readonly m?: Messages;
  /** Log entries a lesson points at (outlined). */
  readonly highlighted?: readonly LessonHighlight[];
}

/**
 * The table's fixed column widths, in rems: fixed so the number of entry columns that fit can be
 * computed before rendering (LogPanel), and no column is ever half hidden.
 */
export const logLayout = {
  nodeColumnEms: 4.4,
  stateColumnEms: 12,
  entryColumnEms: 3.9,
  /** The table's border spacing between columns (3 px). */
  spacingEms: 0.17,
  /** The panel's padding and the table's outer spacing. */
  slackEms: 2.6,
} as const;

export function LogTable({ view, from, count, onScroll, m = messagesFor(defaultLocale), highlighted = [] }: LogTableProps) {
  const shown = logWindow(view, { from, count });
  const progress = leaderProgress(view);
  const columns: number[] = [];
  for (let index = shown.first; index <= shown.last; index += 1) columns.push(index);
  const moveTo = (next: number) => {
    const clamped = Math.min(Math.max(1, next), shown.fromMax);
    if (clamped !== shown.first) onScroll(clamped);
  };

  return (
    <section className="panel log-panel" aria-label={m.log.table.name}>
      <LogWindowControls m={m} shown={shown} count={count} moveTo={moveTo} />
      <div className="log-scroll" tabIndex={0} role="group" aria-label={m.log.table.window} onKeyDown={(event) => onLogKey(event, shown, moveTo)} onWheel={(event) => onLogWheel(event, shown, moveTo)}>
        <table className="log-table">
          <caption>{m.log.table.caption}</caption>
          <colgroup>
            <col style={{ width: `${logLayout.nodeColumnEms}rem` }} />
            <col style={{ width: `${logLayout.stateColumnEms}rem` }} />
            {columns.map((index) => (
              <col key={index} style={{ width: `${logLayout.entryColumnEms}rem` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{m.log.table.node}</th>
              <th scope="col">{m.log.table.state}</th>
              {columns.map((index) => (
                <th scope="col" key={index} className="log-index">{index}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {presentNodes(view).map((node) => (
              <LogRow key={node.id} m={m} node={node} isLeader={view.leader?.id === node.id} shown={shown} marks={rowMarks(node, progress.get(node.id))} highlighted={highlighted} />
            ))}
          </tbody>
        </table>
      </div>
      <LogLegend m={m} />
    </section>
  );
}

function onLogKey(event: KeyboardEvent, shown: LogWindow, moveTo: (from: number) => void): void {
  const page = Math.max(1, shown.last - shown.first);
  const target = { ArrowLeft: shown.first - 1, ArrowRight: shown.first + 1, PageUp: shown.first - page, PageDown: shown.first + page, Home: 1, End: shown.fromMax }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  moveTo(target);
}

/** Horizontal wheel (or shift + wheel) moves the window; about one column per notch. */
function onLogWheel(event: WheelEvent, shown: LogWindow, moveTo: (from: number) => void): void {
  const delta = event.deltaX !== 0 ? event.deltaX : event.shiftKey ? event.deltaY : 0;
  if (delta === 0) return;
  moveTo(shown.first + Math.sign(delta) * Math.max(1, Math.round(Math.abs(delta) / 40)));
}

function LogWindowControls({ m, shown, count, moveTo }: { m: Messages; shown: LogWindow; count: number; moveTo: (from: number) => void }) {
  const step = Math.max(1, Math.floor(count / 2));
  const atStart = shown.first <= 1;
  const atEnd = shown.first >= shown.fromMax;
  return (
    <div className="panel-toolbar log-controls">
      <button type="button" aria-label={m.log.controls.start} disabled={atStart} onClick={() => moveTo(1)}>{m.log.controls.startText}</button>
      <button type="button" aria-label={m.log.controls.earlier} disabled={atStart} onClick={() => moveTo(shown.first - step)}>{m.log.controls.earlierText}</button>
      <input
        type="range"
        aria-label={m.log.controls.slider}
        min={1}
        max={shown.fromMax}
        value={shown.first}
        disabled={shown.fromMax <= 1}
        onChange={(event) => moveTo(Number(event.target.value))}
      />
      <button type="button" aria-label={m.log.controls.later} disabled={atEnd} onClick={() => moveTo(shown.first + step)}>{m.log.controls.laterText}</button>
      <button type="button" aria-label={m.log.controls.end} disabled={atEnd} onClick={() => moveTo(shown.fromMax)}>{m.log.controls.endText}</button>
      <span className="muted">{m.log.controls.shown(shown.first, shown.last, shown.lastIndexMax)}</span>
    </div>
  );
}

function LogRow({ m, node, isLeader, shown, marks, highlighted }: { m: Messages; node: NodeView; isLeader: boolean; shown: LogWindow; marks: ReturnType<typeof rowMarks>; highlighted: readonly LessonHighlight[] }) {
  const cells = rowCells(node, marks, shown);
  return (
    <tr className={node.alive ? 'log-row' : 'log-row is-crashed'} data-node={node.id}>
      <th scope="row">{m.common.node(node.id)}</th>
      <td className="log-state">
        <RowState m={m} node={node} isLeader={isLeader} marks={marks} />
      </td>
      {cells.map((cell) => (
        <LogCellView key={cell.kind === 'snapshot' ? `s${cell.first}` : cell.index} m={m} cell={cell} node={node} highlighted={cell.kind === 'entry' && highlighted.some((mark) => mark.kind === 'entry' && mark.node === node.id && mark.index === cell.index)} />
      ))}
    </tr>
  );
}

function RowState({ m, node, isLeader, marks }: { m: Messages; node: NodeView; isLeader: boolean; marks: ReturnType<typeof rowMarks> }) {
  const log = node.log;
  const role = node.alive ? m.common.role[node.role ?? 'follower'] : m.log.row.crashed;
  const numbers = node.alive ? m.log.row.numbers(log.committed, log.applied, log.stabled) : m.log.row.disk(log.stabled);
  return (
    <>
      <span className="log-role">
        {role}
        {isLeader ? ' ★' : ''} · {m.log.row.term(node.term)}
      </span>
      <span className="log-numbers">{numbers}</span>
      {marks.nextIndex !== null ? <span className="log-numbers">{m.log.row.progress(marks.nextIndex, marks.matchIndex ?? 0)}</span> : null}
      {log.snapshotIndex > 0 ? <span className="log-numbers">{m.log.cell.snapshotText(log.snapshotIndex)}</span> : null}
    </>
  );
}

function entryStatus(m: Messages, node: NodeView, index: number): string {
  if (!node.alive) return m.log.cell.onDisk;
  return m.log.cell.status(index <= node.log.committed, index <= node.log.applied, index <= node.log.stabled);
}

/** A cell's label with the words of the markers on it. */
function withMarks(m: Messages, label: string, marks: readonly LogMark[]): string {
  return m.log.cell.withMarks(label, marks.map((mark) => m.log.mark[mark].words));
}

function LogCellView({ m, cell, node, highlighted }: { m: Messages; cell: LogCell; node: NodeView; highlighted: boolean }) {
  const tags = <MarkTags m={m} marks={cell.marks} />;
  switch (cell.kind) {
    case 'snapshot': {
      const label = withMarks(m, m.log.cell.snapshot(cell.first, node.log.snapshotIndex, node.log.snapshotTerm), cell.marks);
      return (
        <td colSpan={cell.last - cell.first + 1} className="log-cell log-snapshot" aria-label={label} title={label}>
          {m.log.cell.snapshotText(node.log.snapshotIndex)}
          {tags}
        </td>
      );
    }
    case 'entry': {
      const { entry } = cell;
      const committed = node.alive && entry.index <= node.log.committed;
      const unstable = node.alive && entry.index > node.log.stabled;
      const label = withMarks(m, m.log.cell.entry(entry.index, entry.term, shortCommand(entry.command), entryStatus(m, node, entry.index)), cell.marks);
      const className = ['log-cell', 'log-entry', committed || !node.alive ? 'is-committed' : 'is-uncommitted', unstable ? 'is-unstable' : '', highlighted ? 'is-highlighted' : ''].filter(Boolean).join(' ');
      return (
        <td className={className} style={{ background: termColor(entry.term), color: termTextColor(entry.term) }} aria-label={label} title={m.log.cell.title(label, m.common.command(entry.command))}>
          <span className="log-term">{entry.term}</span>
          <CommandText command={entry.command} />
          {tags}
        </td>
      );
    }
    case 'unloaded':
      return (
        <td className="log-cell log-unloaded" aria-label={withMarks(m, m.log.cell.unloaded(cell.index), cell.marks)}>
          …{tags}
        </td>
      );
    case 'empty':
      return (
        <td className="log-cell log-empty" aria-label={cell.marks.length > 0 ? withMarks(m, m.log.cell.empty(cell.index), cell.marks) : undefined}>
          {tags}
        </td>
      );
    default:
      return assertNever(cell, 'log cell');
  }
}

/** A put as key over value, each cut by the cell's width (the whole command is in the title). */
function CommandText({ command }: { command: Command }) {
  if (command.type === 'put') {
    return (
      <>
        <span className="log-command">{command.key}</span>
        <span className="log-command log-command-value">={command.value}</span>
      </>
    );
  }
  return <span className="log-command">{shortCommand(command)}</span>;
}

function MarkTags({ m, marks }: { m: Messages; marks: readonly LogMark[] }) {
  if (marks.length === 0) return null;
  return (
    <span className="log-marks" aria-hidden="true">
      {marks.map((mark) => (
        <span key={mark} className={`log-mark log-mark-${mark}`} title={m.log.mark[mark].legend}>
          {logMarkTag[mark]}
        </span>
      ))}
    </span>
  );
}

function LogLegend({ m }: { m: Messages }) {
  return (
    <p className="log-legend muted">
      {m.log.legend}
      {logMarkOrder.map((mark) => (
        <span key={mark} className="log-legend-item">
          <span className={`log-mark log-mark-${mark}`}>{logMarkTag[mark]}</span> {m.log.mark[mark].legend}
        </span>
      ))}
    </p>
  );
}

/**
 * Pure layout of the log table: which cells a node's row has in a window of indexes, and which
 * markers sit on each cell. Kept apart from LogTable.tsx so the component only renders.
 */
import type { ClusterView, Entry, NodeView, ProgressView } from '../core/index.ts';

/** Most index columns the table renders at once, whatever it is asked for (a bound on the DOM). */
export const logColumnsMax = 200;

export type LogMark = 'commitIndex' | 'lastApplied' | 'stabled' | 'nextIndex' | 'matchIndex';

/**
 * Short tags drawn in the cell, the same in every language: the initials of Figure 2's names
 * (and D for the durable end). The words read out by screen readers and the legend are the
 * catalogue's (m.log.mark).
 */
export const logMarkTag = {
  commitIndex: 'C',
  lastApplied: 'A',
  stabled: 'D',
  nextIndex: 'N',
  matchIndex: 'M',
} as const satisfies Record<LogMark, string>;

export const logMarkOrder = Object.keys(logMarkTag) as LogMark[];

/** Where each marker sits on one row (null: not shown on this row). */
export type RowMarks = Record<LogMark, number | null>;

export type LogCell =
  | { readonly kind: 'snapshot'; readonly first: number; readonly last: number; readonly marks: readonly LogMark[] }
  | { readonly kind: 'entry'; readonly index: number; readonly entry: Entry; readonly marks: readonly LogMark[] }
  /** Inside the log, but the view carries no entry for it (the worker sent another window). */
  | { readonly kind: 'unloaded'; readonly index: number; readonly marks: readonly LogMark[] }
  | { readonly kind: 'empty'; readonly index: number; readonly marks: readonly LogMark[] };

export interface LogWindow {
  /** First and last index shown (last >= first). */
  readonly first: number;
  readonly last: number;
  /** The largest `from` that still shows the end of the longest log. */
  readonly fromMax: number;
  /** The longest log's last index in the cluster. */
  readonly lastIndexMax: number;
}

/**
 * The indexes shown for a requested window: at most `count` columns, and never past one column
 * after the longest log (where the next entry, and a follower's nextIndex, will appear).
 */
export function logWindow(view: ClusterView, options: { from: number; count: number }): LogWindow {
  const count = Math.max(1, Math.min(logColumnsMax, Math.floor(options.count)));
  let lastIndexMax = 0;
  for (const node of view.nodes) lastIndexMax = Math.max(lastIndexMax, node.log.lastIndex);
  const fromMax = Math.max(1, lastIndexMax + 2 - count);
  const first = Math.min(Math.max(1, Math.floor(options.from)), fromMax);
  const last = Math.max(first, Math.min(first + count - 1, lastIndexMax + 1));
  return { first, last, fromMax, lastIndexMax };
}

/** The leader's progress for each follower, when there is a live leader. */
export function leaderProgress(view: ClusterView): ReadonlyMap<number, ProgressView> {
  const leaderId = view.leader?.id;
  const leader = leaderId === undefined ? undefined : view.nodes.find((node) => node.id === leaderId);
  return new Map((leader?.progress ?? []).map((progress) => [progress.follower, progress]));
}

export function rowMarks(node: NodeView, progress: ProgressView | undefined): RowMarks {
  const log = node.log;
  return {
    // A crashed node lost its volatile state: commitIndex and lastApplied are not known.
    commitIndex: node.alive ? log.committed : null,
    lastApplied: node.alive ? log.applied : null,
    stabled: log.stabled,
    nextIndex: progress?.nextIndex ?? null,
    matchIndex: progress?.matchIndex ?? null,
  };
}

function marksBetween(marks: RowMarks, first: number, last: number): LogMark[] {
  return logMarkOrder.filter((mark) => {
    const at = marks[mark];
    return at !== null && at >= first && at <= last && at > 0;
  });
}

/** The cells of one row across the window; the compacted prefix folds into one snapshot cell. */
export function rowCells(node: NodeView, marks: RowMarks, window: LogWindow): LogCell[] {
  const log = node.log;
  const entries = new Map<number, Entry>();
  for (const entry of log.entries) entries.set(entry.index, entry);
  const cells: LogCell[] = [];
  let index = window.first;
  if (log.snapshotIndex >= index) {
    const last = Math.min(log.snapshotIndex, window.last);
    cells.push({ kind: 'snapshot', first: index, last, marks: marksBetween(marks, index, last) });
    index = last + 1;
  }
  for (; index <= window.last; index += 1) {
    const at = marksBetween(marks, index, index);
    const entry = entries.get(index);
    if (entry !== undefined) cells.push({ kind: 'entry', index, entry, marks: at });
    else if (index <= log.lastIndex) cells.push({ kind: 'unloaded', index, marks: at });
    else cells.push({ kind: 'empty', index, marks: at });
  }
  return cells;
}

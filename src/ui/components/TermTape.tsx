/**
 * The term tape: the whole run at a glance, above the timeline. Each band is a stretch of ticks
 * in which one term was the newest, in that term's colour (as the nodes and log entries show
 * it), solid while a leader held it and pale while none did, labelled "T3 · L2" where it is wide
 * enough. Marks above it show elections, new leaders, crashes, restarts, splits, heals and
 * violations; marks too close to tell apart share one. A click on a mark or a band goes to that
 * tick. The worker builds the tape in the background (src/worker/run-tape.ts): the part it has
 * not read yet is hatched.
 *
 * The marks stay out of the Tab order, like the timeline's: the keyboard has Jump back and Jump
 * ahead for the same moments.
 */
import { memo, useMemo, useRef } from 'react';
import type { MouseEvent } from 'react';
import { tapeMarksMax } from '../../protocol/worker-protocol.ts';
import type { RunTape, TapeMark } from '../../protocol/worker-protocol.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';
import { branchForks, branchName } from './BranchesPanel.tsx';
import { breakpointName } from './BreakpointsPanel.tsx';
import { termColor, termTextColor } from '../viz/palette.ts';
import './tape.css';

/** Marks closer than this share of the run share one button. */
const markBucketShare = 0.006;
/** About how wide a band label's character is (0.75rem type), in px; wide (CJK) characters count twice. */
const labelCharPx = 7.5;

/** Whether `label` fits in a band `px` wide (with its padding). */
export function labelFits(label: string, px: number): boolean {
  let chars = 0;
  for (const char of label) chars += /[\u2e80-\uffef]/u.test(char) ? 2 : 1;
  return chars * labelCharPx + 8 <= px;
}

const markGlyph: Record<TapeMark['kind'], string> = { election: '◇', leader: '★', crash: '✕', restart: '↻', partition: '╫', heal: '═', violation: '!', stall: '⧗', halt: '■' };

function markText(m: Messages, mark: TapeMark): string {
  return m.tape.kinds[mark.kind](mark.node);
}

/** The marks in buckets of nearby ticks, each bucket named by its first mark. */
export function bucketMarks(marks: readonly TapeMark[], span: number): TapeMark[][] {
  const buckets: TapeMark[][] = [];
  for (const mark of marks) {
    const last = buckets.at(-1);
    if (last !== undefined && (mark.tick - last[0]!.tick) / span < markBucketShare) last.push(mark);
    else buckets.push([mark]);
  }
  return buckets;
}

/** The bands to draw: each segment up to the next one, or to the tape's end. */
export function tapeBands(tape: RunTape): { from: number; to: number; term: number; leader: number | null }[] {
  return tape.segments
    .map((segment, index) => ({ ...segment, to: tape.segments[index + 1]?.from ?? tape.until }))
    .filter((band) => band.to > band.from);
}

export function TermTape() {
  const m = useMessages();
  const tape = useAppStore((state) => state.tape);
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const seek = useAppStore((state) => state.seek);
  const bands = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidth(bands, 800);
  if (tape === null) return null;
  const span = Math.max(maxTick, tape.until, 1);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    seek(Math.round(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * maxTick));
  };
  // The marks and bands are laid out along the part the tape has read (`until`), in a box as wide
  // as that part of the run: while the run grows, only that box's width and the line of the tick
  // on screen change, and the memoized marks and bands are not drawn again every frame.
  const read = shareOf(tape.until, span);
  return (
    <div className="term-tape" role="group" aria-label={m.tape.name} title={m.tape.hint}>
      <div className="term-tape__marks">
        <div className="term-tape__read" style={{ width: read }}>
          <TapeMarks tape={tape} seek={seek} />
        </div>
        <DebugMarks span={span} />
      </div>
      <div className="term-tape__bands" ref={bands} onClick={onClick}>
        <div className="term-tape__read" style={{ width: read }}>
          <TapeBands tape={tape} widthPx={(widthPx * tape.until) / span} />
        </div>
        {tape.until < span ? <span className="term-tape__pending" style={{ left: read, right: 0 }} title={m.tape.pending(tape.until)} /> : null}
        <span className="term-tape__now" style={{ left: shareOf(tick, span) }} aria-hidden="true" />
      </div>
      {tape.truncated ? <p className="muted term-tape__note">{m.tape.truncated(tapeMarksMax)}</p> : null}
    </div>
  );
}

/**
 * Where breakpoints paused this branch (‖) and where branches leave it or it left its parent
 * (↱): the debugger's moments on the tape too. A click goes there (to the other branch, for a
 * branch that leaves this one).
 */
function DebugMarks({ span }: { span: number }) {
  const m = useMessages();
  const hits = useAppStore((state) => state.breakpointHits);
  const settings = useAppStore((state) => state.annotations.breakpoints);
  const listing = useAppStore((state) => state.branches);
  const seek = useAppStore((state) => state.seek);
  const switchBranch = useAppStore((state) => state.switchBranch);
  const { own, children } = branchForks(listing, span);
  const mark = (key: string, tick: number, label: string, glyph: string, onClick: () => void) => (
    <button key={key} type="button" tabIndex={-1} className="term-tape__mark term-tape__mark--debug" style={{ left: shareOf(tick, span) }} aria-label={label} title={label} onClick={onClick}>
      {glyph}
    </button>
  );
  return (
    <>
      {hits.map((hit) => {
        const setting = settings[hit.index];
        return mark(`stop-${hit.tick}-${hit.index}`, hit.tick, m.tape.stop(hit.tick, setting === undefined ? '' : breakpointName(m, setting.breakpoint)), '‖', () => seek(hit.tick));
      })}
      {own !== null ? mark('own', own.branch.forkTick, m.tape.branchStart(own.branch.forkTick, branchName(m, own.branch), branchName(m, own.parent)), '↱', () => seek(own.branch.forkTick)) : null}
      {children.map((child) => mark(`branch-${child.id}`, child.forkTick, m.tape.branchLeaves(child.forkTick, branchName(m, child)), '↱', () => switchBranch(child.id, child.forkTick)))}
    </>
  );
}

/** Where `at` sits along `span` ticks, as a CSS length in %. */
function shareOf(at: number, span: number): string {
  return `${((Math.min(at, span) / Math.max(span, 1)) * 100).toFixed(3)}%`;
}

const TapeMarks = memo(function TapeMarks({ tape, seek }: { tape: RunTape; seek: (tick: number) => void }) {
  const m = useMessages();
  const span = Math.max(tape.until, 1);
  const buckets = useMemo(() => bucketMarks(tape.marks, span), [tape, span]);
  return (
    <>
      {buckets.map((bucket) => {
        const first = bucket[0]!;
        const last = bucket.at(-1)!;
        const label = bucket.length === 1 ? m.tape.mark(first.tick, markText(m, first)) : m.tape.marks(bucket.length, first.tick, last.tick, markText(m, first));
        const kind = bucket.find((mark) => mark.kind === 'violation' || mark.kind === 'halt' || mark.kind === 'stall')?.kind ?? first.kind;
        return (
          <button
            key={`${first.tick}-${first.kind}-${first.node ?? 0}`}
            type="button"
            tabIndex={-1}
            className={`term-tape__mark term-tape__mark--${kind}`}
            style={{ left: shareOf(first.tick, span) }}
            aria-label={label}
            title={label}
            onClick={() => seek(first.tick)}
          >
            {markGlyph[kind]}
          </button>
        );
      })}
    </>
  );
});

/** The bands along the tape's read part; `widthPx` is that part's width on screen (for the labels). */
const TapeBands = memo(function TapeBands({ tape, widthPx }: { tape: RunTape; widthPx: number }) {
  const m = useMessages();
  const span = Math.max(tape.until, 1);
  // Labels are placed for the width at the tape's last update; a growing run squeezes them a little until the next.
  const roundedPx = Math.round(widthPx / 40) * 40;
  return (
    <>
      {tapeBands(tape).map((band) => {
        const width = (band.to - band.from) / span;
        const label = m.tape.band(band.term, band.leader);
        return (
          <span
            key={band.from}
            className={band.term === 0 ? 'term-tape__band is-before' : band.leader === null ? 'term-tape__band is-leaderless' : 'term-tape__band'}
            style={{ left: shareOf(band.from, span), width: `${(width * 100).toFixed(3)}%`, ...(band.term === 0 ? {} : { backgroundColor: termColor(band.term), color: termTextColor(band.term) }) }}
            title={m.tape.bandTitle(band.term, band.leader, band.from, band.to)}
          >
            {band.term > 0 && labelFits(label, width * roundedPx) ? label : null}
          </span>
        );
      })}
    </>
  );
});

/**
 * The term tape: a run's whole history at a glance, for the timeline. Which term is the newest
 * and who leads it, tick by tick (segments), and marks where an election started, a leader won,
 * a node crashed or restarted, the network split or healed, or the checker found a violation.
 *
 * The frame's events cover only the recent past, so the tape is built by a follower with its own
 * simulation, replaying the run's recorded actions as far as the timeline has gone (like the
 * scenario's ExpectationWatch, but reading only the leadership, term and fault topics, in chunks,
 * and within a time budget, so it never holds up playback). An act in the past, or a switch to
 * another branch, gives it other actions: it starts over from tick 0.
 */
import { Simulation } from '../core/index.ts';
import type { NodeId, SimEvent, SimulationOptions, Tick, TimedAction } from '../core/index.ts';
import type { RunTape, TapeMark, TapeSegment } from '../protocol/worker-protocol.ts';
import { tapeMarksMax, tapeSegmentsMax } from '../protocol/worker-protocol.ts';

/** Ticks the follower runs before it reads the new events. */
const chunkTicks = 200;
/** Events the follower's simulation keeps: far more than one chunk makes, so none is missed. */
const eventRoom = 200_000;

export class TapeFollower {
  private simulation!: Simulation;
  /** actions[0, applied) are applied; `last` is the last of them (to notice a fork). */
  private applied = 0;
  private last: TimedAction | null = null;
  private seen = 0;
  private violationsSeen = 0;
  private segments: TapeSegment[] = [];
  private marks: TapeMark[] = [];
  private truncated = false;
  private topTerm = 0;
  private leader: NodeId | null = null;
  /** Bumped whenever the tape changes, so the worker posts it only then. */
  revision = 0;

  constructor(private readonly options: SimulationOptions) {
    this.reset();
  }

  /** The tick the tape has reached. */
  get tick(): Tick {
    return this.simulation.tick;
  }

  get tape(): RunTape {
    return { until: this.simulation.tick, segments: this.segments, marks: this.marks, truncated: this.truncated };
  }

  /**
   * Catches up with a run that has these actions and has reached `reached`, until `stop()` says
   * the time is up (asked between chunks). Returns whether it caught up.
   */
  follow(actions: readonly TimedAction[], reached: Tick, stop: () => boolean): boolean {
    const forked = actions.length < this.applied || (this.applied > 0 && actions[this.applied - 1] !== this.last);
    const late = actions[this.applied] !== undefined && actions[this.applied]!.tick < this.simulation.tick;
    if (forked || late || reached < this.simulation.tick) this.reset();
    this.actUpTo(actions, this.simulation.tick);
    while (this.simulation.tick < reached) {
      const next = actions[this.applied]?.tick ?? Infinity;
      this.simulation.advance(Math.min(reached, next, this.simulation.tick + chunkTicks) - this.simulation.tick);
      this.actUpTo(actions, this.simulation.tick);
      this.read();
      if (this.simulation.tick < reached && stop()) return false;
    }
    return true;
  }

  private reset(): void {
    this.simulation = new Simulation({ ...this.options, eventLimit: eventRoom });
    this.applied = 0;
    this.last = null;
    this.seen = this.simulation.lastEventSeq;
    this.violationsSeen = 0;
    this.segments = [{ from: 0, term: 0, leader: null }];
    this.marks = [];
    this.truncated = false;
    this.topTerm = 0;
    this.leader = null;
    this.revision += 1;
  }

  private actUpTo(actions: readonly TimedAction[], tick: Tick): void {
    let acted = false;
    for (let next = actions[this.applied]; next !== undefined && next.tick <= tick; next = actions[this.applied]) {
      this.simulation.act(next.action);
      this.last = next;
      this.applied += 1;
      acted = true;
    }
    if (acted) this.read();
  }

  private read(): void {
    if (this.simulation.lastEventSeq !== this.seen) {
      for (const event of this.simulation.events({ afterSeq: this.seen, topics: ['LEAD', 'TERM', 'FAULT'] })) this.observe(event);
      this.seen = this.simulation.lastEventSeq;
    }
    const violations = this.simulation.violations();
    for (; this.violationsSeen < violations.length; this.violationsSeen += 1) this.mark({ tick: violations[this.violationsSeen]!.tick, kind: 'violation', node: null });
  }

  private observe(event: SimEvent): void {
    switch (event.type) {
      case 'term-changed':
        if (event.to > this.topTerm) {
          this.topTerm = event.to;
          this.leader = null;
          this.segment(event.tick);
        }
        return;
      case 'became-candidate':
        this.mark({ tick: event.tick, kind: 'election', node: event.node });
        return;
      case 'became-leader':
        this.mark({ tick: event.tick, kind: 'leader', node: event.node });
        if (event.term >= this.topTerm) {
          this.topTerm = event.term;
          this.leader = event.node;
          this.segment(event.tick);
        }
        return;
      case 'became-follower':
        if (event.node === this.leader) this.leaderGone(event.tick);
        return;
      case 'node-crashed':
        this.mark({ tick: event.tick, kind: 'crash', node: event.node });
        if (event.node === this.leader) this.leaderGone(event.tick);
        return;
      case 'node-restarted':
        this.mark({ tick: event.tick, kind: 'restart', node: event.node });
        return;
      case 'liveness-stalled':
        this.mark({ tick: event.tick, kind: 'stall', node: event.node });
        return;
      case 'run-halted':
        this.mark({ tick: event.tick, kind: 'halt', node: null });
        return;
      case 'partition-changed':
        this.mark({ tick: event.tick, kind: event.groups.length > 1 ? 'partition' : 'heal', node: null });
        return;
      case 'link-cut':
        this.mark({ tick: event.tick, kind: 'partition', node: null });
        return;
      case 'link-restored':
      case 'network-healed':
        this.mark({ tick: event.tick, kind: 'heal', node: null });
        return;
      default:
        return;
    }
  }

  private leaderGone(tick: Tick): void {
    this.leader = null;
    this.segment(tick);
  }

  /** The newest term and its leader from `tick` on; one segment per tick, the latest word kept. */
  private segment(from: Tick): void {
    const segment = { from, term: this.topTerm, leader: this.leader };
    const last = this.segments.at(-1)!;
    if (last.from === from) this.segments[this.segments.length - 1] = segment;
    else if (last.term === segment.term && last.leader === segment.leader) return;
    else if (this.segments.length >= tapeSegmentsMax) this.truncated = true;
    else this.segments.push(segment);
    this.revision += 1;
  }

  private mark(mark: TapeMark): void {
    if (this.marks.length >= tapeMarksMax) {
      this.truncated = true;
      return;
    }
    this.marks.push(mark);
    this.revision += 1;
  }
}

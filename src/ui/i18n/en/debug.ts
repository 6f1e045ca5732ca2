/**
 * The debugging area's messages: the Breakpoints panel (the conditions to pause on, the message
 * and tick breakpoints, where the run paused) and the marks of the stops on the timeline
 * (English, the source catalogue).
 */
import type { VoteRefusal } from '../../../core/index.ts';

/** A message breakpoint's condition, as the panel names it. */
interface MessageCondition {
  /** The message type in words (the paper's name), or null for any message. */
  readonly type: string | null;
  readonly on: 'sent' | 'delivered';
  readonly from: number | null;
  readonly to: number | null;
}

const route = (from: number | null, to: number | null) => `${from === null ? '' : ` from node ${from}`}${to === null ? '' : ` to node ${to}`}`;

export const debug = {
  region: 'Breakpoints',
  intro: 'Pause the run when a condition first holds, while playing, stepping or going to the next event.',
  conditions: 'Conditions',
  keyboardHint: 'Enter turns a checkbox here on or off (Space is Play and Pause everywhere).',
  /** The checkboxes of the conditions that take no setting. */
  pauseOn: {
    'new-leader': 'Pause on new leader',
    'term-change': 'Pause on term change',
    candidate: 'Pause on candidate',
    commit: 'Pause on commit',
    truncation: 'Pause on truncation',
    violation: 'Pause on violation',
  },
  voteRefused: 'Pause on vote refused',
  /** A vote-refused breakpoint for one reason, as listed. */
  voteRefusedFor: (reason: string) => `Pause on vote refused (${reason})`,
  reason: 'Reason',
  anyReason: 'any reason',
  reasonName: {
    'stale-term': 'stale term',
    'already-voted': 'already voted',
    'log-not-up-to-date': 'log not up to date',
    'leader-known': 'a leader is known',
    'just-started': 'just started (lease reads)',
  } satisfies Record<VoteRefusal, string>,
  message: {
    legend: 'Message breakpoint',
    on: 'When',
    sent: 'sent',
    delivered: 'delivered',
    type: 'Message type',
    anyType: 'any message',
    from: 'From',
    to: 'To',
    anyNode: 'any node',
    add: 'Add message breakpoint',
    /** "Pause on RequestVote sent from node 2 to node 4", "Pause on any message delivered". */
    name: (condition: MessageCondition) => `Pause on ${condition.type ?? 'any message'} ${condition.on}${route(condition.from, condition.to)}`,
  },
  tick: {
    legend: 'Tick breakpoint',
    label: 'Pause at tick',
    add: 'Add tick breakpoint',
    name: (tick: number) => `Pause at tick ${tick}`,
  },
  listed: 'Message and tick breakpoints',
  remove: 'Remove',
  removeNamed: (name: string) => `Remove: ${name}`,
  /** Where the run paused, shown while the screen is at that tick. */
  stop: {
    /** "Paused at tick 812: node 3 won the election for term 2 …" (the event log's sentence). */
    event: (tick: number, node: string, sentence: string) => `Paused at tick ${tick}: ${node} ${sentence}`,
    clusterEvent: (tick: number, sentence: string) => `Paused at tick ${tick}: ${sentence}`,
    tick: (tick: number) => `Paused at tick ${tick}, as the tick breakpoint asked`,
    violation: (tick: number, property: string) => `Paused at tick ${tick}: the safety checker found a violation of ${property}`,
    violationUnnamed: (tick: number) => `Paused at tick ${tick}: the safety checker found a violation`,
  },
  stops: 'Stops',
  stopsIntro: 'Where the run paused; the timeline marks each one.',
  /** A stop in the list and its mark on the timeline: "Tick 812: Pause on new leader". */
  stopAt: (tick: number, name: string) => `Tick ${tick}: ${name}`,
  goToStop: (tick: number, name: string) => `Go to tick ${tick}, where the run paused (${name})`,
  earlierStops: (count: number) => (count === 1 ? 'and 1 earlier stop' : `and ${count} earlier stops`),
  full: (max: number) => `A run keeps at most ${max} breakpoints: remove one to add another.`,
};

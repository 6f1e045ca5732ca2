import type { VoteRefusal } from './raft/events.ts';
import type { RemoteMessageType } from './raft/message.ts';
import { remoteMessageTypes } from './raft/message.ts';
import type { NodeId, Tick } from './raft/types.ts';
import { describeValue, requireInteger, SimulationInputError } from './sim/errors.ts';
import type { SimEvent, Topic } from './sim/events.ts';
import { nodeCountMax } from './sim/options.ts';

/**
 * Breakpoints: conditions that pause a run when they first hold, as plain data (so a run file or
 * a permalink can carry them, and the headless API, the worker and the app share them). Each
 * event-based kind is decided on the core's own decision events, never re-derived:
 *
 * | kind | holds at the tick of |
 * | --- | --- |
 * | `new-leader` | a `became-leader` event |
 * | `term-change` | a `term-changed` event |
 * | `candidate` | a `became-candidate` event |
 * | `message` | a `message-sent` (`on: 'sent'`) or `message-delivered` (`on: 'delivered'`) event, of `messageType` from `from` to `to` (null: any) |
 * | `commit` | a `commit-advanced` event (on any node) |
 * | `truncation` | an `entries-truncated` event |
 * | `vote-refused` | a `vote-refused` event, for `reason` (null: any reason) |
 * | `violation` | a tick at which the safety checker finds a violation |
 * | `tick` | tick `tick` itself |
 *
 * Timeline.advanceUntilBreak (timeline.ts) runs a timeline until one holds.
 */
export type Breakpoint =
  | { readonly kind: 'new-leader' }
  | { readonly kind: 'term-change' }
  | { readonly kind: 'candidate' }
  | {
      readonly kind: 'message';
      readonly on: 'sent' | 'delivered';
      readonly messageType: RemoteMessageType | null;
      readonly from: NodeId | null;
      readonly to: NodeId | null;
    }
  | { readonly kind: 'commit' }
  | { readonly kind: 'truncation' }
  | { readonly kind: 'vote-refused'; readonly reason: VoteRefusal | null }
  | { readonly kind: 'violation' }
  | { readonly kind: 'tick'; readonly tick: Tick };

export type BreakpointKind = Breakpoint['kind'];

/** Where a run stopped: the tick, the breakpoint's position in the list given, and the event that made it hold (null for `tick` and `violation`). */
export interface BreakpointHit {
  readonly tick: Tick;
  readonly index: number;
  readonly event: SimEvent | null;
}

/** Every kind, in the order the app lists them. */
export const breakpointKinds: readonly BreakpointKind[] = ['new-leader', 'term-change', 'candidate', 'message', 'commit', 'truncation', 'vote-refused', 'violation', 'tick'];

const refusals = { 'stale-term': true, 'already-voted': true, 'log-not-up-to-date': true, 'leader-known': true, 'just-started': true } as const satisfies Record<VoteRefusal, true>;
/** Every reason a vote is refused (raft/events.ts VoteRefusal). */
export const voteRefusals: readonly VoteRefusal[] = Object.keys(refusals) as VoteRefusal[];

/** The kinds that are only their kind (no other field). */
const plainKinds = new Set<BreakpointKind>(['new-leader', 'term-change', 'candidate', 'commit', 'truncation', 'violation']);

/** The topic of the events a breakpoint looks at; null for those that look at no event. */
export function breakpointTopic(breakpoint: Breakpoint): Topic | null {
  switch (breakpoint.kind) {
    case 'new-leader':
    case 'candidate':
      return 'LEAD';
    case 'term-change':
      return 'TERM';
    case 'message':
      return breakpoint.on === 'sent' ? 'SEND' : 'RECV';
    case 'commit':
      return 'CMIT';
    case 'truncation':
      return 'LOG';
    case 'vote-refused':
      return 'VOTE';
    case 'violation':
    case 'tick':
      return null;
  }
}

/**
 * Whether `event` makes an event-based breakpoint hold. Always false for `violation` and `tick`,
 * which look at the checker and the clock instead (advanceUntilBreak decides those).
 */
export function matchesBreakpoint(breakpoint: Breakpoint, event: SimEvent): boolean {
  switch (breakpoint.kind) {
    case 'new-leader':
      return event.type === 'became-leader';
    case 'term-change':
      return event.type === 'term-changed';
    case 'candidate':
      return event.type === 'became-candidate';
    case 'message': {
      if (event.type !== (breakpoint.on === 'sent' ? 'message-sent' : 'message-delivered')) return false;
      const { message } = event;
      return (breakpoint.messageType === null || message.type === breakpoint.messageType) && (breakpoint.from === null || message.from === breakpoint.from) && (breakpoint.to === null || message.to === breakpoint.to);
    }
    case 'commit':
      return event.type === 'commit-advanced';
    case 'truncation':
      return event.type === 'entries-truncated';
    case 'vote-refused':
      return event.type === 'vote-refused' && (breakpoint.reason === null || event.reason === breakpoint.reason);
    case 'violation':
    case 'tick':
      return false;
  }
}

/** Whether two breakpoints are the same condition. */
export function sameBreakpoint(a: Breakpoint, b: Breakpoint): boolean {
  return breakpointKey(a) === breakpointKey(b);
}

/** One canonical text per condition (fields in a fixed order), e.g. for finding a breakpoint in a list. */
export function breakpointKey(breakpoint: Breakpoint): string {
  switch (breakpoint.kind) {
    case 'message':
      return JSON.stringify([breakpoint.kind, breakpoint.on, breakpoint.messageType, breakpoint.from, breakpoint.to]);
    case 'vote-refused':
      return JSON.stringify([breakpoint.kind, breakpoint.reason]);
    case 'tick':
      return JSON.stringify([breakpoint.kind, breakpoint.tick]);
    default:
      return JSON.stringify([breakpoint.kind]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf(values: readonly string[]): string {
  return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
}

/** What each field of a breakpoint allows, as the errors say it (src/ui words the same in the user's language). */
export const breakpointAllowed = {
  object: 'an object { kind, ... }',
  kind: oneOf(breakpointKinds),
  on: '"sent" or "delivered"',
  messageType: `null or ${oneOf(remoteMessageTypes)}`,
  node: `null or a node id from 1 to ${nodeCountMax}`,
  reason: `null or ${oneOf(voteRefusals)}`,
  tick: 'an integer of at least 1',
} as const;

function choice<T extends string>(field: string, value: unknown, allowed: readonly T[], words: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new SimulationInputError(field, words, describeValue(value));
}

function nullable<T>(value: unknown, read: (value: unknown) => T): T | null {
  return value === undefined || value === null ? null : read(value);
}

function nodeOrNull(field: string, value: unknown): NodeId | null {
  return nullable(value, (given) => {
    if (typeof given === 'number' && Number.isInteger(given) && given >= 1 && given <= nodeCountMax) return given;
    throw new SimulationInputError(field, breakpointAllowed.node, describeValue(given));
  });
}

/**
 * A breakpoint from unknown input (a file, a permalink, a script): a fresh copy with only its
 * own fields, the optional ones (`messageType`, `from`, `to`, `reason`) null when left out. Bad
 * input throws SimulationInputError naming the field, e.g. `breakpoint.messageType must be null
 * or one of "MsgVote", … (got "MsgFoo")`; `field` is the name of the whole value.
 */
export function validateBreakpoint(value: unknown, field = 'breakpoint'): Breakpoint {
  if (!isRecord(value)) throw new SimulationInputError(field, breakpointAllowed.object, describeValue(value));
  const kind = choice(`${field}.kind`, value.kind, breakpointKinds, breakpointAllowed.kind);
  if (plainKinds.has(kind)) return { kind } as Breakpoint;
  switch (kind) {
    case 'message':
      return {
        kind,
        on: choice(`${field}.on`, value.on, ['sent', 'delivered'] as const, breakpointAllowed.on),
        messageType: nullable(value.messageType, (given) => choice(`${field}.messageType`, given, remoteMessageTypes, breakpointAllowed.messageType)),
        from: nodeOrNull(`${field}.from`, value.from),
        to: nodeOrNull(`${field}.to`, value.to),
      };
    case 'vote-refused':
      return { kind, reason: nullable(value.reason, (given) => choice(`${field}.reason`, given, voteRefusals, breakpointAllowed.reason)) };
    case 'tick':
      return { kind, tick: requireInteger(`${field}.tick`, value.tick, { min: 1 }) };
    default:
      throw new SimulationInputError(`${field}.kind`, breakpointAllowed.kind, describeValue(kind));
  }
}

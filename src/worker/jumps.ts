/**
 * Jumps through a run by what happened: to the next or the previous election, leader change,
 * commit, term change, or message of a chosen type, optionally only on one node (the event log's
 * node filter). Each kind is a breakpoint of the core (src/core/breakpoints.ts), so a jump stops
 * where that breakpoint would, decided on the core's own events.
 *
 * Next: runs on (through the recorded run, then live, at most jumpLiveTicksMax past its end)
 * until the kind next happens. Previous: looks back in widening windows before the tick on screen for the last
 * tick it happened, and goes there. Either way a jump that finds nothing leaves the run where it was.
 */
import type { Breakpoint, NodeId, SimEvent, Tick, Timeline } from '../core/index.ts';
import { remoteMessageTypes, SimulationInputError } from '../core/index.ts';
import type { JumpRequest } from '../protocol/worker-protocol.ts';
import { jumpKinds } from '../protocol/worker-protocol.ts';

/** How far past the end of the run a jump ahead looks before it gives up. */
export const jumpLiveTicksMax = 10_000;

/** Checks a jump request from the app; throws SimulationInputError naming the field. */
export function requireJumpRequest(value: unknown): JumpRequest {
  const request = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof JumpRequest, unknown>>;
  if (request.direction !== 'next' && request.direction !== 'previous') throw new SimulationInputError('direction', '"next" or "previous"', String(request.direction));
  if (!jumpKinds.includes(request.kind as JumpRequest['kind'])) throw new SimulationInputError('kind', jumpKinds.join(', '), String(request.kind));
  const messageType = request.messageType ?? null;
  if (messageType !== null && !remoteMessageTypes.includes(messageType as never)) throw new SimulationInputError('messageType', remoteMessageTypes.join(', '), JSON.stringify(messageType) ?? 'undefined');
  const node = request.node ?? null;
  if (node !== null && !(typeof node === 'number' && Number.isInteger(node) && node >= 1)) throw new SimulationInputError('node', 'a node id or null', JSON.stringify(node) ?? 'undefined');
  return { direction: request.direction, kind: request.kind as JumpRequest['kind'], messageType: messageType as JumpRequest['messageType'], node: node };
}
/** The first window a jump back looks at; it doubles until the run's start. */
const backWindowTicks = 2_000;

function breakpointFor(request: JumpRequest): Breakpoint {
  switch (request.kind) {
    case 'election':
      return { kind: 'candidate' };
    case 'leader':
      return { kind: 'new-leader' };
    case 'commit':
      return { kind: 'commit' };
    case 'term':
      return { kind: 'term-change' };
    case 'message':
      return { kind: 'message', on: 'delivered', messageType: request.messageType, from: null, to: request.node };
  }
}

function onNode(event: SimEvent | null, node: NodeId | null): boolean {
  return node === null || event?.node === node;
}

/** Moves the timeline to the jump's tick; returns it, or null (the timeline back where it was) when there is none. */
export function jump(timeline: Timeline, request: JumpRequest): Tick | null {
  const breakpoint = breakpointFor(request);
  const start = timeline.tick;
  if (request.direction === 'next') {
    let left = timeline.maxTick - start + jumpLiveTicksMax;
    while (left > 0) {
      const from = timeline.tick;
      const hit = timeline.advanceUntilBreak(left, [breakpoint]);
      if (hit === null) break;
      left -= timeline.tick - from;
      if (onNode(hit.event, request.node)) return hit.tick;
    }
    timeline.seek(start);
    return null;
  }
  if (start === 0) return null;
  for (let window = backWindowTicks; window < 2 * (start + backWindowTicks); window *= 2) {
    const from = Math.max(0, start - window);
    // advanceUntilBreak counts only ticks after the one it starts at: start one earlier.
    timeline.seek(Math.max(0, from - 1));
    let found: Tick | null = null;
    for (;;) {
      const hit = timeline.advanceUntilBreak(start - 1 - timeline.tick, [breakpoint]);
      if (hit === null || hit.tick >= start) break;
      if (onNode(hit.event, request.node)) found = hit.tick;
      if (timeline.tick >= start - 1) break;
    }
    if (found !== null) {
      timeline.seek(found);
      return found;
    }
    if (from === 0) break;
  }
  timeline.seek(start);
  return null;
}

import type { ActionResult } from '../core/index.ts';
import type { ActionOutcome } from '../protocol/worker-protocol.ts';

/**
 * What the user reads after acting: the core's one sentence for the action (its action table
 * says what each action did), and for a proposal where it went or why it was refused.
 */
export function describeOutcome(result: ActionResult): ActionOutcome {
  if (result.type !== 'proposed') return { ok: true, summary: result.summary, proposal: null };
  const { node, result: answer } = result;
  return { ok: true, summary: result.summary, proposal: { node, index: answer.index, term: answer.term, isLeader: answer.isLeader, leaderHint: answer.leaderHint } };
}

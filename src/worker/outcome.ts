import type { ActionResult, NodeId, NodeView, Simulation, Tick } from '../core/index.ts';
import type { ActionFacts, ActionOutcome, MembershipFacts } from '../protocol/worker-protocol.ts';

/**
 * What the user reads after acting, as data the app words in its own language: for a proposal
 * where it went or why it was refused, and the facts only the state after the action has (the
 * partition after a partition, isolate or rejoin; the role of a node that refused a proposal),
 * read from the simulation once the action is done. The core's English sentence travels along as
 * `summary` (the headless API and the CLI say it).
 */
export function describeOutcome(result: ActionResult, after: Simulation): ActionOutcome {
  if (result.type === 'membership') return { ok: true, summary: result.summary, proposal: null, facts: { membership: membershipFacts(result) } };
  const facts = outcomeFacts(result, after);
  if (result.type !== 'proposed') return { ok: true, summary: result.summary, proposal: null, ...(facts === null ? {} : { facts }) };
  const { node, result: answer } = result;
  const proposal = { node, index: answer.index, term: answer.term, isLeader: answer.isLeader, leaderHint: answer.leaderHint };
  return { ok: true, summary: result.summary, proposal, ...(facts === null ? {} : { facts }) };
}

function membershipFacts(result: Extract<ActionResult, { type: 'membership' }>): MembershipFacts {
  const { change, leader, refusal, configuration } = result;
  return {
    change,
    leader,
    refusal: refusal?.reason ?? null,
    ...(refusal?.pendingIndex === undefined ? {} : { pendingIndex: refusal.pendingIndex }),
    index: configuration.index,
    voters: configuration.voters,
    learners: configuration.learners,
  };
}

/** When the chosen nodes' election timers fire now, and the soonest of the others'. */
function timerFacts(after: Simulation, chosen: readonly NodeId[]): { firesAt: Tick; othersAt: Tick | null } {
  const view = after.view({ logWindow: { from: 0, count: 0 }, kvNode: null });
  const firesAt = (node: NodeView) => view.tick + node.electionTimeout - node.electionElapsed;
  const timed = view.nodes.filter((node) => node.alive && node.role !== 'leader');
  const others = timed.filter((node) => !chosen.includes(node.id)).map(firesAt);
  return { firesAt: firesAt(timed.find((node) => node.id === chosen[0])!), othersAt: others.length === 0 ? null : Math.min(...others) };
}

function outcomeFacts(result: ActionResult, after: Simulation): ActionFacts | null {
  switch (result.action.type) {
    case 'partition':
    case 'isolate':
    case 'rejoin':
      // The smallest view there is: no log entries, no key-value pairs.
      return { groups: after.view({ logWindow: { from: 0, count: 0 }, kvNode: null }).partition };
    case 'propose': {
      if (result.type !== 'proposed' || result.node === null || result.result.isLeader) return null;
      return { role: after.nodeState(result.node).role ?? 'crashed' };
    }
    case 'set-timer':
    case 'spread-timers':
      return { timers: timerFacts(after, [result.action.node]) };
    case 'align-timers':
      return { timers: timerFacts(after, result.action.nodes) };
    case 'get': {
      const read = after.view({ logWindow: { from: 0, count: 0 }, kvNode: null }).reads.at(-1);
      return read === undefined ? null : { read };
    }
    default:
      return null;
  }
}

import type { Action, ActionResult, NodeId, Simulation } from '../core/index.ts';
import { describeCommand } from '../core/index.ts';
import type { ActionOutcome } from '../protocol/worker-protocol.ts';

/**
 * What the user reads after acting: one sentence saying what happened, and for a proposal where
 * it went or why it was refused, in the words of the paper (§5.1: only the leader takes client
 * requests; §8: a follower redirects the client to the leader it knows).
 */
export function describeOutcome(action: Action, result: ActionResult, simulation: Simulation): ActionOutcome {
  if (result.type === 'proposed') return proposalOutcome(result, simulation);
  return { ok: true, summary: actionSummary(action, simulation), proposal: null };
}

function proposalOutcome(result: Extract<ActionResult, { type: 'proposed' }>, simulation: Simulation): ActionOutcome {
  const { node } = result;
  const { index, term, isLeader, leaderHint } = result.result;
  const proposal = { node, index, term, isLeader, leaderHint };
  if (node === null) {
    return { ok: true, summary: 'No leader right now: the proposal was not sent. Wait for an election to finish.', proposal };
  }
  if (isLeader) {
    const entry = simulation.node(node, { logWindow: { from: index, count: 1 }, kvNode: null }).log.entries[0];
    const what = entry === undefined ? 'the command' : describeCommand(entry.command);
    return { ok: true, summary: `Node ${node} (leader, term ${term}) appended ${what} at index ${index}; it commits once a majority stores it`, proposal };
  }
  const role = simulation.nodeState(node).role ?? 'crashed';
  const hint = leaderHint === null ? 'no leader known' : `leader is node ${leaderHint}`;
  return { ok: true, summary: `Node ${node} is a ${role}: not leader, ${hint}`, proposal };
}

function nodeList(nodes: readonly NodeId[]): string {
  return `{${nodes.join(', ')}}`;
}

function actionSummary(action: Action, simulation: Simulation): string {
  switch (action.type) {
    case 'crash':
      return `Node ${action.node} crashed: only what it wrote to disk survives`;
    case 'restart':
      return `Node ${action.node} restarted from its disk as a follower`;
    case 'campaign':
      return `Node ${action.node} starts an election`;
    case 'partition':
    case 'isolate':
    case 'rejoin': {
      const groups = simulation.view({ logWindow: { from: 1, count: 0 }, kvNode: null }).partition;
      const prefix = action.type === 'isolate' ? `Node ${action.node} isolated` : action.type === 'rejoin' ? `Node ${action.node} rejoined` : 'Network split';
      return `${prefix}: ${groups.map(nodeList).join(' | ')}`;
    }
    case 'cut-link':
    case 'restore-link': {
      const arrow = action.bothWays ? '↔' : '→';
      return `Link ${action.from}${arrow}${action.to} ${action.type === 'cut-link' ? 'cut' : 'restored'}`;
    }
    case 'heal':
      return 'Network healed: every node can reach every other';
    case 'configure-network': {
      const c = simulation.view({ logWindow: { from: 1, count: 0 }, kvNode: null }).network;
      return `Network set to latency ${c.delayTicksMin}-${c.delayTicksMax} ticks, loss ${c.dropRatio}, duplicates ${c.duplicateRatio}, reorder ${c.reorderRatio}`;
    }
    case 'configure-workload': {
      const every = simulation.workload.proposeEveryTicks;
      return every === 0 ? 'Client load stopped' : `Client load: a put to the leader every ${every} ticks`;
    }
    case 'propose':
      return 'Proposal sent';
    default: {
      const unknown: never = action;
      throw new Error(`no summary for action ${JSON.stringify(unknown)}`);
    }
  }
}

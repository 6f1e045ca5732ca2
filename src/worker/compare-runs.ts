/**
 * The worker's side of Compare: the run on screen against the same run with one setting changed,
 * played to the end of the run (src/core/compare.ts finds the first divergence), and both side
 * by side at the tick on screen.
 */
import type { Divergence, NodeView, Simulation, SimulationOptions, Timeline } from '../core/index.ts';
import { defaultRaftConfig, firstDivergence, replay, SimulationInputError } from '../core/index.ts';
import type { CompareChange, ComparedNode, NodeBrief } from '../protocol/worker-protocol.ts';
import { compareChanges } from '../protocol/worker-protocol.ts';

export function requireCompareChange(value: unknown): CompareChange {
  if (compareChanges.includes(value as CompareChange)) return value as CompareChange;
  throw new SimulationInputError('change', compareChanges.join(', '), JSON.stringify(value) ?? 'undefined');
}

/** The run's options with `change` made. */
export function changedOptions(options: SimulationOptions, change: CompareChange): SimulationOptions {
  const raft = options.raft ?? {};
  switch (change) {
    case 'fast-backup':
      return { ...options, raft: { ...raft, fastBackup: !(raft.fastBackup ?? defaultRaftConfig.fastBackup) } };
    case 'election-timeout': {
      const min = raft.electionTimeoutTicksMin ?? defaultRaftConfig.electionTimeoutTicksMin;
      const max = raft.electionTimeoutTicksMax ?? defaultRaftConfig.electionTimeoutTicksMax;
      return { ...options, raft: { ...raft, electionTimeoutTicksMin: min * 2, electionTimeoutTicksMax: max * 2 } };
    }
    case 'seed':
      return { ...options, seed: (options.seed ?? 1) + 1 };
    case 'pre-vote':
      return { ...options, raft: { ...raft, preVote: !(raft.preVote ?? defaultRaftConfig.preVote) } };
    case 'batching':
      return { ...options, raft: { ...raft, batchProposals: !(raft.batchProposals ?? defaultRaftConfig.batchProposals) } };
    case 'pipelining': {
      // One append in flight per follower, or the default window if there was one.
      const inflight = raft.inflightMax ?? defaultRaftConfig.inflightMax;
      return { ...options, raft: { ...raft, inflightMax: inflight === 1 ? defaultRaftConfig.inflightMax : 1 } };
    }
    case 'check-quorum':
      return { ...options, raft: { ...raft, checkQuorum: !(raft.checkQuorum ?? defaultRaftConfig.checkQuorum) } };
  }
}

export function compareWith(timeline: Timeline, change: CompareChange): { options: SimulationOptions; divergence: Divergence | null } {
  const options = changedOptions(timeline.options, change);
  const actions = timeline.recordedActions;
  return { options, divergence: firstDivergence({ options: timeline.options, actions }, { options, actions }, timeline.maxTick) };
}

/** Both runs at the tick on screen, node by node: the other one is replayed to that tick. */
export function compareStates(timeline: Timeline, change: CompareChange): { tick: number; nodes: ComparedNode[] } {
  const tick = timeline.tick;
  const options = changedOptions(timeline.options, change);
  const other = replay({ options, actions: timeline.recordedActions.filter((entry) => entry.tick <= tick) }, tick);
  const here = briefs(timeline.current);
  const there = briefs(other);
  return { tick, nodes: here.map((brief, index) => ({ id: index + 1, here: brief, there: there[index]! })) };
}

function briefs(simulation: Simulation): NodeBrief[] {
  return simulation.view({ logWindow: { from: 0, count: 0 } }).nodes.map(brief);
}

function brief(node: NodeView): NodeBrief {
  if (!node.alive || node.role === null) return { alive: false, term: node.disk.term };
  return { alive: true, role: node.role, term: node.term, lead: node.lead, commit: node.log.committed, lastIndex: node.log.lastIndex };
}

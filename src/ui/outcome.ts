/**
 * What the user reads after acting, and where: each outcome belongs to the place the action was
 * taken (the inspector's node buttons, the client form, the load control, the fault panel, the
 * network settings), is shown there for a few seconds, and carries ✓ only for a success.
 */
import type { Action, NetworkConfig } from '../core/index.ts';
import type { ActionOutcome } from '../protocol/worker-protocol.ts';
import { ratioAsPercent } from './settings-form.ts';

/** The places an action can be taken from; each shows the outcomes of its own actions. */
export type ActionSource = 'inspector' | 'client' | 'load' | 'faults' | 'network';

/** success ✓; warning: accepted but not done (a follower refused, no leader); error ✗: rejected. */
export type OutcomeTone = 'success' | 'warning' | 'error';

/** An outcome as the store keeps it: the worker's answer, with the action and where it came from. */
export type ShownOutcome = ActionOutcome & {
  /** Counts up with each action, so a repeated sentence is still a new outcome. */
  readonly seq: number;
  readonly source: ActionSource;
  readonly action: Action;
  readonly tone: OutcomeTone;
};

/** How long an outcome stays on screen, in ms: long enough to read from the back of a room. */
export const outcomeShownMs = 6_000;

/** Where an action is taken when its caller does not say: the one place that offers it. */
export function defaultSource(action: Action): ActionSource {
  switch (action.type) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
      return 'inspector';
    case 'propose':
      return 'client';
    case 'configure-workload':
      return 'load';
    case 'configure-network':
      return 'network';
    case 'partition':
    case 'cut-link':
    case 'restore-link':
    case 'heal':
      return 'faults';
  }
}

export function outcomeTone(outcome: ActionOutcome): OutcomeTone {
  if (!outcome.ok) return 'error';
  // A proposal that no leader took (a follower's refusal, or no leader at all) did nothing.
  return outcome.proposal !== null && !outcome.proposal.isLeader ? 'warning' : 'success';
}

export const toneMark = { success: '✓', warning: '⚠', error: '✗' } as const satisfies Record<OutcomeTone, string>;

/**
 * The worker's answer to `action`, ready to show. The core words network ratios as ratios ("loss
 * 0.125"); the settings form speaks percent, so its outcome does too. `networkBefore` (the
 * network before the action) fills in what a partial configure-network left unchanged.
 */
export function showOutcome(outcome: ActionOutcome, context: { seq: number; source: ActionSource; action: Action; networkBefore: NetworkConfig | null }): ShownOutcome {
  const { action, networkBefore } = context;
  const tone = outcomeTone(outcome);
  const summary = outcome.ok && action.type === 'configure-network' && networkBefore !== null ? `Network set to ${describeNetwork({ ...networkBefore, ...action.network })}` : outcome.summary;
  return { ...outcome, summary, tone, seq: context.seq, source: context.source, action };
}

/** The network as the settings form words it: latency in ticks, the rest in percent. */
export function describeNetwork(network: NetworkConfig): string {
  const percent = (ratio: number) => `${ratioAsPercent(ratio)}%`;
  return `latency ${network.delayTicksMin}-${network.delayTicksMax} ticks, loss ${percent(network.dropRatio)}, duplicates ${percent(network.duplicateRatio)}, reorder ${percent(network.reorderRatio)}`;
}

/** The node an action is about, if it is about one node (the inspector shows only its own). */
export function actionNode(action: Action): number | null {
  return action.type === 'crash' || action.type === 'restart' || action.type === 'isolate' || action.type === 'rejoin' || action.type === 'campaign' ? action.node : null;
}

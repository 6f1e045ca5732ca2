/**
 * What the user reads after acting, and where: each outcome belongs to the place the action was
 * taken (the inspector's node buttons, the client form, the load control, the fault panel, the
 * network settings), is shown there for a few seconds, and carries ✓ only for a success.
 */
import type { Action, NetworkConfig, Workload } from '../core/index.ts';
import type { ActionFacts, ActionOutcome, MembershipFacts } from '../protocol/worker-protocol.ts';
import type { Messages } from './i18n/catalogue.ts';
import { ratioAsPercent } from './settings-form.ts';

/** The places an action can be taken from; each shows the outcomes of its own actions. */
export type ActionSource = 'inspector' | 'client' | 'load' | 'faults' | 'network' | 'timers' | 'message' | 'delivery' | 'membership';

/** success ✓; warning: accepted but not done (a follower refused, no leader); error ✗: rejected. */
export type OutcomeTone = 'success' | 'warning' | 'error';

/**
 * What an outcome's sentence needs beyond the action: the worker's facts (the partition after it,
 * a refusing node's role), and the network or steady load after a configure action (the one
 * before it with the action's changes, merged as the core merges them).
 */
export interface OutcomeFacts extends ActionFacts {
  readonly network?: NetworkConfig;
  /** The steady client's period after a configure-workload; 0 is off. */
  readonly proposeEveryTicks?: number;
}

/** An outcome as the store keeps it: the worker's answer, with the action and where it came from. */
export type ShownOutcome = ActionOutcome & {
  /** Counts up with each action, so a repeated sentence is still a new outcome. */
  readonly seq: number;
  readonly source: ActionSource;
  readonly action: Action;
  readonly tone: OutcomeTone;
  /** The worker's own words: the core's English sentence, or the English detail of a rejection. */
  readonly detail: string;
  readonly facts: OutcomeFacts;
  /**
   * The sentence in the language on screen when the answer came (outcomeText); useShownOutcome
   * words it again in the language on screen now, so switching language re-words it.
   */
  readonly summary: string;
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
    case 'transfer-leadership':
    case 'remove-node':
    case 'set-timer':
      return 'inspector';
    case 'add-node':
      return 'membership';
    case 'align-timers':
    case 'spread-timers':
      return 'timers';
    case 'drop-message':
    case 'duplicate-message':
    case 'delay-message':
    case 'deliver-message':
      return 'message';
    case 'set-manual-delivery':
    case 'deliver-next':
    case 'deliver-all':
    case 'freeze-timers':
      return 'delivery';
    case 'propose':
    case 'get':
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
  // A proposal or a get that no leader took (a follower's refusal, or no leader at all) did nothing.
  if (outcome.facts?.read?.state === 'refused') return 'warning';
  const membership = outcome.facts?.membership;
  if (membership !== undefined && (membership.leader === null || membership.refusal !== null)) return 'warning';
  return outcome.proposal !== null && !outcome.proposal.isLeader ? 'warning' : 'success';
}

export const toneMark = { success: '✓', warning: '⚠', error: '✗' } as const satisfies Record<OutcomeTone, string>;

/**
 * The worker's answer to `action`, ready to show. `networkBefore` and `workloadBefore` (the state
 * before the action) fill in what a partial configure action left unchanged; the core words
 * network ratios as ratios ("loss 0.125"), the settings form and so its outcome speak percent.
 */
export function showOutcome(
  m: Messages,
  outcome: ActionOutcome,
  context: { seq: number; source: ActionSource; action: Action; networkBefore: NetworkConfig | null; workloadBefore: Workload | null },
): ShownOutcome {
  const { action } = context;
  const shown: ShownOutcome = { ...outcome, detail: outcome.summary, facts: outcomeFacts(outcome, context), tone: outcomeTone(outcome), seq: context.seq, source: context.source, action };
  return { ...shown, summary: outcomeText(m, shown) };
}

function outcomeFacts(outcome: ActionOutcome, { action, networkBefore, workloadBefore }: { action: Action; networkBefore: NetworkConfig | null; workloadBefore: Workload | null }): OutcomeFacts {
  const facts: OutcomeFacts = outcome.ok ? (outcome.facts ?? {}) : {};
  if (action.type === 'configure-network' && networkBefore !== null) return { ...facts, network: { ...networkBefore, ...action.network } };
  if (action.type === 'configure-workload') {
    const every = action.workload.proposeEveryTicks ?? workloadBefore?.proposeEveryTicks;
    return every === undefined ? facts : { ...facts, proposeEveryTicks: every };
  }
  return facts;
}

/**
 * What the action did, in the language of `m`: one message per action type. Where a sentence
 * needs a fact the outcome does not carry (an answer from elsewhere than the worker), the worker's
 * own English sentence stands in.
 */
export function outcomeText(m: Messages, outcome: ShownOutcome): string {
  if (!outcome.ok) return m.actions.outcome.rejected(outcome.detail);
  const { action, facts, detail } = outcome;
  switch (action.type) {
    case 'crash':
      return m.actions.outcome.crash(action.node);
    case 'restart':
      return m.actions.outcome.restart(action.node);
    case 'campaign':
      return m.actions.outcome.campaign(action.node);
    case 'transfer-leadership':
      return m.actions.outcome.transferLeadership(action.node);
    case 'set-timer':
      return m.actions.outcome.setTimer(action.node, action.ticks, facts.timers?.firesAt ?? 0);
    case 'align-timers':
      return facts.timers === undefined ? detail : m.actions.outcome.alignTimers(action.nodes, facts.timers.firesAt, facts.timers.othersAt);
    case 'spread-timers':
      return facts.timers === undefined ? detail : m.actions.outcome.spreadTimers(action.node, facts.timers.firesAt, facts.timers.othersAt);
    case 'drop-message':
      return m.actions.outcome.dropMessage(action.id);
    case 'duplicate-message':
      return m.actions.outcome.duplicateMessage(action.id);
    case 'delay-message':
      return m.actions.outcome.delayMessage(action.id, action.ticks);
    case 'deliver-message':
      return m.actions.outcome.deliverMessage(action.id);
    case 'set-manual-delivery':
      return action.on ? m.actions.outcome.manualOn : m.actions.outcome.manualOff;
    case 'freeze-timers':
      return action.on ? m.actions.outcome.frozen : m.actions.outcome.unfrozen;
    case 'deliver-next':
      return m.actions.outcome.deliveredNext;
    case 'deliver-all':
      return m.actions.outcome.deliveredAll;
    case 'partition':
      return facts.groups === undefined ? detail : m.actions.outcome.partition(facts.groups);
    case 'isolate':
      return facts.groups === undefined ? detail : m.actions.outcome.isolate(action.node, facts.groups);
    case 'rejoin':
      return facts.groups === undefined ? detail : m.actions.outcome.rejoin(action.node, facts.groups);
    case 'cut-link':
      return m.actions.outcome.cutLink(action.from, action.to, action.bothWays);
    case 'restore-link':
      return m.actions.outcome.restoreLink(action.from, action.to, action.bothWays);
    case 'heal':
      return m.actions.outcome.heal;
    case 'configure-network':
      return facts.network === undefined ? detail : m.actions.outcome.network(describeNetwork(m, facts.network));
    case 'configure-workload':
      return facts.proposeEveryTicks === undefined ? detail : m.actions.outcome.workload(facts.proposeEveryTicks);
    case 'propose': {
      const proposal = outcome.proposal;
      if (proposal === null || proposal.node === null) return m.actions.outcome.noLeader;
      if (proposal.isLeader) return m.actions.outcome.appended(proposal.node, proposal.term, action.command, proposal.index);
      return facts.role === undefined ? detail : m.actions.outcome.refused(proposal.node, facts.role, proposal.leaderHint);
    }
    case 'add-node':
    case 'remove-node':
      return facts.membership === undefined ? detail : membershipText(m, facts.membership);
    case 'get': {
      const read = facts.read;
      if (read === undefined) return detail;
      if (read.node === null) return m.actions.outcome.getNowhere;
      if (read.state === 'refused') return m.actions.outcome.getRefused(read.node, read.key, read.lead);
      return m.actions.outcome.getSent(read.node, read.key, read.id);
    }
  }
}

function membershipText(m: Messages, facts: MembershipFacts): string {
  const { change, leader } = facts;
  if (leader === null) return m.actions.outcome.membershipNoLeader(change.kind, change.node);
  if (facts.refusal !== null) return m.actions.outcome.membershipRefused(leader, m.events.explain.config.refused({ change: change.kind, target: change.node, reason: facts.refusal, ...(facts.pendingIndex === undefined ? {} : { pendingIndex: facts.pendingIndex }) }));
  return m.actions.outcome.membershipAppended(leader, change.kind, change.node, facts.index, m.common.groups([facts.voters]), facts.learners.length === 0 ? null : m.common.groups([facts.learners]));
}

/** The network as the settings form words it: latency in ticks, the rest in percent. */
export function describeNetwork(m: Messages, network: NetworkConfig): string {
  return m.actions.outcome.networkConfig({
    latencyMin: network.delayTicksMin,
    latencyMax: network.delayTicksMax,
    loss: ratioAsPercent(network.dropRatio),
    duplicates: ratioAsPercent(network.duplicateRatio),
    reorder: ratioAsPercent(network.reorderRatio),
  });
}

/** The node an action is about, if it is about one node (the inspector shows only its own). */
export function actionNode(action: Action): number | null {
  return action.type === 'crash' || action.type === 'restart' || action.type === 'isolate' || action.type === 'rejoin' || action.type === 'campaign' || action.type === 'transfer-leadership' || action.type === 'remove-node' || action.type === 'set-timer' ? action.node : null;
}

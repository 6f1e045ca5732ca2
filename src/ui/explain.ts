/**
 * One readable sentence per event, with the numbers that decided it: the event log's "why".
 *
 * Sentences leave out their subject (the event log's row already names the node), so they read
 * "refused vote to node 3 in term 4: …". Every event type has a function of its own, and
 * explain() dispatches with an exhaustive switch: adding an event type to the core breaks the
 * build here until it is explained. The words come from the catalogue `m` (m.events.explain);
 * this module decides which message fits the event and hands it the numbers.
 */
import type { RemoteMessage, SimEvent, SimEventType } from '../core/index.ts';
import { assertNever } from './format.ts';
import type { Messages } from './i18n/catalogue.ts';

type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** A number the event may lack, shown as "?" in every language. */
const missing = '?';

function termChanged(m: Messages, event: EventOf<'term-changed'>): string {
  if (event.cause === 'election') return m.events.explain.termChanged.election(event);
  return event.sender === null ? m.events.explain.termChanged.message(event) : m.events.explain.termChanged.messageFrom(event, event.sender);
}

function electionTimeout(m: Messages, event: EventOf<'election-timeout'>): string {
  return m.events.explain.electionTimeout(event);
}

function heartbeatTimeout(m: Messages, event: EventOf<'heartbeat-timeout'>): string {
  return m.events.explain.heartbeatTimeout(event);
}

function becameCandidate(m: Messages, event: EventOf<'became-candidate'>): string {
  return m.events.explain.becameCandidate(event);
}

function preCampaignStarted(m: Messages, event: EventOf<'pre-campaign-started'>): string {
  return m.events.explain.preVote.started(event);
}

function becameLeader(m: Messages, event: EventOf<'became-leader'>): string {
  return m.events.explain.becameLeader(event, m.common.nodes(event.votes));
}

function becameFollower(m: Messages, event: EventOf<'became-follower'>): string {
  const leader = event.lead === null ? m.events.explain.becameFollower.leaderUnknown : m.events.explain.becameFollower.leaderKnown(event.lead);
  switch (event.reason) {
    case 'higher-term':
      return event.previousRole === 'follower'
        ? m.events.explain.becameFollower.higherTerm(event.term, leader)
        : m.events.explain.becameFollower.steppedDown(event.term, m.common.role[event.previousRole], leader);
    case 'leader-found':
      return m.events.explain.becameFollower.leaderFound(event.term, event.lead ?? missing);
    case 'check-quorum':
      return m.events.explain.becameFollower.checkQuorum(event.term, m.common.nodes(event.heardFrom ?? []));
    case 'removed':
      return m.events.explain.becameFollower.removed(event.term);
    default:
      return assertNever(event.reason, 'reason');
  }
}

function voteGranted(m: Messages, event: EventOf<'vote-granted'>): string {
  // §5.4.1's test, read off the event: only the unsafe vote-without-log-check switch grants past it.
  const upToDate = event.candidateLastTerm > event.ownLastTerm || (event.candidateLastTerm === event.ownLastTerm && event.candidateLastIndex >= event.ownLastIndex);
  if (event.pre === true) return m.events.explain.preVote.granted(event);
  return upToDate ? m.events.explain.voteGranted(event) : m.events.explain.voteGrantedUnchecked(event);
}

function voteRefused(m: Messages, event: EventOf<'vote-refused'>): string {
  if (event.pre === true) return m.events.explain.preVote.refused(event, m.debug.reasonName[event.reason]);
  switch (event.reason) {
    case 'stale-term':
      return m.events.explain.voteRefused.staleTerm(event);
    case 'already-voted':
      return m.events.explain.voteRefused.alreadyVoted(event, event.votedFor ?? missing);
    case 'log-not-up-to-date':
      return m.events.explain.voteRefused.logNotUpToDate(event);
    case 'leader-known':
      return m.events.explain.voteRefused.leaderKnown(event);
    case 'just-started':
      return m.events.explain.voteRefused.justStarted(event);
    default:
      return assertNever(event.reason, 'reason');
  }
}

function voteReceived(m: Messages, event: EventOf<'vote-received'>): string {
  if (event.pre === true) return event.granted ? m.events.explain.preVote.receivedGranted(event) : m.events.explain.preVote.receivedRefused(event);
  return event.granted ? m.events.explain.voteReceived.granted(event) : m.events.explain.voteReceived.refused(event);
}

function electionLost(m: Messages, event: EventOf<'election-lost'>): string {
  if (event.pre === true) return m.events.explain.preVote.lost(event, m.common.nodes(event.refused));
  return m.events.explain.electionLost(event, m.common.nodes(event.refused));
}

function entriesAppended(m: Messages, event: EventOf<'entries-appended'>): string {
  const range = m.common.indexRange(event.first, event.last);
  if (event.source === 'proposal') {
    return event.entries.length === 1
      ? m.events.explain.entriesAppended.proposalOne(range, m.common.command(event.entries[0]!.command))
      : m.events.explain.entriesAppended.proposal(range);
  }
  return m.events.explain.entriesAppended.fromLeader(range, event.prevTerm);
}

function entriesTruncated(m: Messages, event: EventOf<'entries-truncated'>): string {
  return m.events.explain.entriesTruncated(event, m.common.indexRange(event.first, event.last));
}

function appendAccepted(m: Messages, event: EventOf<'append-accepted'>): string {
  if (event.ownTermAtPrev !== undefined) return m.events.explain.appendAccepted.unchecked(event, event.ownTermAtPrev);
  return event.entries === 0 ? m.events.explain.appendAccepted.heartbeat(event) : m.events.explain.appendAccepted.entries(event, event.entries);
}

/** The fast-backup hint of a rejected append, or nothing when the follower sent none. */
function hint(m: Messages, conflictTerm: number | null, conflictIndex: number | null): string {
  if (conflictIndex === null) return '';
  return conflictTerm === null ? m.events.explain.hint.logTooShort(conflictIndex) : m.events.explain.hint.conflictingTerm(conflictTerm, conflictIndex);
}

function appendRejected(m: Messages, event: EventOf<'append-rejected'>): string {
  const given = hint(m, event.conflictTerm, event.conflictIndex);
  switch (event.reason) {
    case 'stale-term':
      return m.events.explain.appendRejected.staleTerm(event);
    case 'log-too-short':
      return m.events.explain.appendRejected.logTooShort(event, given);
    case 'prev-term-mismatch':
      return m.events.explain.appendRejected.prevTermMismatch(event, event.ownTermAtPrev ?? missing, given);
    default:
      return assertNever(event.reason, 'reason');
  }
}

function nextIndexBackedOff(m: Messages, event: EventOf<'next-index-backed-off'>): string {
  if (!event.fastBackup || event.conflictIndex === null) return m.events.explain.nextIndexBackedOff.oneStep(event);
  return m.events.explain.nextIndexBackedOff.fastBackup(event, hint(m, event.conflictTerm, event.conflictIndex));
}

function progressUpdated(m: Messages, event: EventOf<'progress-updated'>): string {
  return m.events.explain.progressUpdated(event, m.events.progressState[event.state]);
}

function commitAdvanced(m: Messages, event: EventOf<'commit-advanced'>): string {
  switch (event.by) {
    case 'quorum':
      return m.events.explain.commitAdvanced.quorum(event);
    case 'counting':
      return m.events.explain.commitAdvanced.counting(event, event.entryTerm ?? missing);
    case 'leader-commit':
      return m.events.explain.commitAdvanced.leaderCommit(event, event.leaderCommit ?? missing, event.lastNewIndex ?? missing);
    case 'snapshot':
      return m.events.explain.commitAdvanced.snapshot(event);
    default:
      return assertNever(event.by, 'commit cause');
  }
}

function livenessStalled(m: Messages, event: EventOf<'liveness-stalled'>): string {
  switch (event.kind) {
    case 'no-leader':
      return m.events.explain.livenessStalled.noLeader(event.ticks);
    case 'commit-stalled':
      return m.events.explain.livenessStalled.commitStalled(event.ticks, event.term ?? missing, event.index ?? missing);
    default:
      return assertNever(event.kind, 'stall kind');
  }
}

function commitHeldBack(m: Messages, event: EventOf<'commit-held-back'>): string {
  return m.events.explain.commitHeldBack(event);
}

function snapshotSent(m: Messages, event: EventOf<'snapshot-sent'>): string {
  return m.events.explain.snapshotSent(event);
}

function snapshotInstalled(m: Messages, event: EventOf<'snapshot-installed'>): string {
  return m.events.explain.snapshotInstalled(event);
}

function snapshotIgnored(m: Messages, event: EventOf<'snapshot-ignored'>): string {
  return m.events.explain.snapshotIgnored(event);
}

function proposalAccepted(m: Messages, event: EventOf<'proposal-accepted'>): string {
  return m.events.explain.proposalAccepted(event, m.common.command(event.command));
}

function proposalRefused(m: Messages, event: EventOf<'proposal-refused'>): string {
  if (event.transferringTo !== undefined) return m.events.explain.proposalRefused.transferring(m.common.command(event.command), event.transferringTo);
  const leader = event.lead === null ? m.events.explain.proposalRefused.noLeader : m.events.explain.proposalRefused.tryNode(event.lead);
  return m.events.explain.proposalRefused.refused(m.common.command(event.command), m.common.role[event.role], leader);
}

function transferRefused(m: Messages, event: EventOf<'transfer-refused'>): string {
  switch (event.reason) {
    case 'not-leader':
      return m.events.explain.transfer.notLeader(event, m.common.role[event.role], event.lead);
    case 'self':
      return m.events.explain.transfer.self(event);
    case 'not-a-peer':
      return m.events.explain.transfer.notAPeer(event);
    default:
      return assertNever(event.reason, 'reason');
  }
}

function vote(m: Messages, votedFor: number | null): string {
  return votedFor === null ? m.events.explain.disk.noVote : m.events.explain.disk.vote(votedFor);
}

function persisted(m: Messages, event: EventOf<'persisted'>): string {
  const parts = [m.events.explain.disk.term(event.term), vote(m, event.vote)];
  if (event.snapshotIndex !== null) parts.push(m.events.explain.disk.snapshot(event.snapshotIndex));
  if (event.entriesFrom !== null && event.entriesTo !== null) parts.push(m.common.indexRange(event.entriesFrom, event.entriesTo));
  return m.events.explain.persisted(parts);
}

function applied(m: Messages, event: EventOf<'applied'>): string {
  return m.events.explain.applied(event, m.common.command(event.command));
}

function snapshotTaken(m: Messages, event: EventOf<'snapshot-taken'>): string {
  return m.events.explain.snapshotTaken(event);
}

function stateRestored(m: Messages, event: EventOf<'state-restored'>): string {
  return m.events.explain.stateRestored(event);
}

/** The arguments (requests) or results (replies) of an RPC, in Figure 2's field names. */
function rpcArguments(m: Messages, message: RemoteMessage): string {
  switch (message.type) {
    case 'MsgVote':
      return m.events.rpcArguments.vote(message);
    case 'MsgVoteResp':
      return message.granted ? m.events.rpcArguments.voteGranted : m.events.rpcArguments.voteRefused;
    case 'MsgApp': {
      const entries = message.entries;
      const carried = entries.length === 0 ? m.events.rpcArguments.noEntries : m.common.indexRange(entries[0]!.index, entries[entries.length - 1]!.index);
      return m.events.rpcArguments.append(message, carried);
    }
    case 'MsgAppResp':
      if (message.success) return m.events.rpcArguments.appendSucceeded(message.matchIndex);
      return m.events.rpcArguments.appendRejected(message.rejectedIndex, hint(m, message.conflictTerm, message.conflictIndex));
    case 'MsgSnap':
      return m.events.rpcArguments.snapshot(message.snapshot.index, message.snapshot.term, message.snapshot.data.length);
    case 'MsgSnapResp':
      return m.events.rpcArguments.snapshotReply(message.matchIndex);
    case 'MsgTimeoutNow':
      return m.events.rpcArguments.timeoutNow;
    default:
      return assertNever(message, 'message');
  }
}

function messageSent(m: Messages, event: EventOf<'message-sent'>): string {
  const message = event.message;
  const rpc = m.events.rpc[message.type];
  const args = rpcArguments(m, message);
  return event.dropReason === null
    ? m.events.explain.messageSent.due(message, rpc, args, event.deliverTick)
    : m.events.explain.messageSent.lost(message, rpc, args, m.common.dropReason[event.dropReason]);
}

function messageDuplicated(m: Messages, event: EventOf<'message-duplicated'>): string {
  return m.events.explain.messageDuplicated(event, m.events.rpc[event.message.type], event.message.to);
}

function messageDelivered(m: Messages, event: EventOf<'message-delivered'>): string {
  const message = event.message;
  return m.events.explain.messageDelivered(message, m.events.rpc[message.type], rpcArguments(m, message), event.sentTick);
}

function messageDropped(m: Messages, event: EventOf<'message-dropped'>): string {
  const message = event.message;
  return m.events.explain.messageDropped(message, m.events.rpc[message.type], event.sentTick, m.common.dropReason[event.reason]);
}

function nodeCrashed(m: Messages): string {
  return m.events.explain.nodeCrashed;
}

function nodeRestarted(m: Messages, event: EventOf<'node-restarted'>): string {
  return m.events.explain.nodeRestarted(event, vote(m, event.vote));
}

function partitionChanged(m: Messages, event: EventOf<'partition-changed'>): string {
  const groups = m.common.groups(event.groups);
  return event.groups.length <= 1 ? m.events.explain.partitionChanged.whole(groups) : m.events.explain.partitionChanged.split(event.groups.length, groups);
}

function linkCut(m: Messages, event: EventOf<'link-cut'>): string {
  return m.events.explain.linkCut(event);
}

function linkRestored(m: Messages, event: EventOf<'link-restored'>): string {
  return m.events.explain.linkRestored(event);
}

function networkHealed(m: Messages): string {
  return m.events.explain.networkHealed;
}

function networkConfigured(m: Messages, event: EventOf<'network-configured'>): string {
  return m.events.explain.networkConfigured(event.network);
}

function workloadConfigured(m: Messages, event: EventOf<'workload-configured'>): string {
  const every = event.workload.proposeEveryTicks;
  return every === 0 ? m.events.explain.workloadConfigured.stopped : m.events.explain.workloadConfigured.running(every, event.workload.keys);
}

/** The sentence for one event, in the language of the catalogue `m`. */
export function explain(m: Messages, event: SimEvent): string {
  switch (event.type) {
    case 'term-changed': return termChanged(m, event);
    case 'election-timeout': return electionTimeout(m, event);
    case 'heartbeat-timeout': return heartbeatTimeout(m, event);
    case 'became-candidate': return becameCandidate(m, event);
    case 'pre-campaign-started': return preCampaignStarted(m, event);
    case 'became-leader': return becameLeader(m, event);
    case 'became-follower': return becameFollower(m, event);
    case 'vote-granted': return voteGranted(m, event);
    case 'vote-refused': return voteRefused(m, event);
    case 'vote-received': return voteReceived(m, event);
    case 'election-lost': return electionLost(m, event);
    case 'entries-appended': return entriesAppended(m, event);
    case 'entries-truncated': return entriesTruncated(m, event);
    case 'append-accepted': return appendAccepted(m, event);
    case 'append-rejected': return appendRejected(m, event);
    case 'next-index-backed-off': return nextIndexBackedOff(m, event);
    case 'progress-updated': return progressUpdated(m, event);
    case 'commit-advanced': return commitAdvanced(m, event);
    case 'commit-held-back': return commitHeldBack(m, event);
    case 'snapshot-sent': return snapshotSent(m, event);
    case 'snapshot-installed': return snapshotInstalled(m, event);
    case 'snapshot-ignored': return snapshotIgnored(m, event);
    case 'proposal-accepted': return proposalAccepted(m, event);
    case 'proposal-refused': return proposalRefused(m, event);
    case 'transfer-started': return m.events.explain.transfer.started(event);
    case 'transfer-refused': return transferRefused(m, event);
    case 'transfer-aborted': return event.reason === 'timeout' ? m.events.explain.transfer.timedOut(event) : m.events.explain.transfer.superseded(event);
    case 'timeout-now-sent': return m.events.explain.transfer.timeoutNowSent(event);
    case 'timeout-now-received': return m.events.explain.transfer.timeoutNowReceived(event);
    case 'read-refused': return m.events.explain.read.refused(event, m.common.role[event.role], event.lead === null ? m.events.explain.proposalRefused.noLeader : m.events.explain.proposalRefused.tryNode(event.lead));
    case 'read-awaiting-commit': return m.events.explain.read.awaitingCommit(event);
    case 'read-round-started': return m.events.explain.read.roundStarted(event);
    case 'read-confirmed': return m.events.explain.read.confirmed(event, m.common.nodes(event.acks));
    case 'read-by-lease': return m.events.explain.read.byLease(event);
    case 'read-aborted': return m.events.explain.read.aborted(event.ids);
    case 'config-changed': return m.events.explain.config.changed(event, m.common.nodes(event.voters), m.common.nodes(event.learners));
    case 'config-proposed': return m.events.explain.config.proposed(event);
    case 'config-refused': return m.events.explain.config.refused(event);
    case 'read-requested': return event.node === null ? m.events.explain.read.requestedNowhere(event) : m.events.explain.read.requested(event);
    case 'read-served': return m.events.explain.read.served(event);
    case 'persisted': return persisted(m, event);
    case 'applied': return applied(m, event);
    case 'snapshot-taken': return snapshotTaken(m, event);
    case 'state-restored': return stateRestored(m, event);
    case 'message-sent': return messageSent(m, event);
    case 'message-duplicated': return messageDuplicated(m, event);
    case 'message-delivered': return messageDelivered(m, event);
    case 'message-dropped': return messageDropped(m, event);
    case 'node-crashed': return nodeCrashed(m);
    case 'node-added': return m.events.explain.nodeAdded;
    case 'node-removed': return m.events.explain.nodeRemoved;
    case 'node-restarted': return nodeRestarted(m, event);
    case 'partition-changed': return partitionChanged(m, event);
    case 'link-cut': return linkCut(m, event);
    case 'link-restored': return linkRestored(m, event);
    case 'network-healed': return networkHealed(m);
    case 'network-configured': return networkConfigured(m, event);
    case 'workload-configured': return workloadConfigured(m, event);
    case 'timer-set': return m.events.explain.timerSet[event.cause](event);
    case 'message-delayed': return m.events.explain.messageDelayed(event, m.events.rpc[event.message.type], event.message.to);
    case 'manual-delivery-changed': return event.on ? m.events.explain.manualDelivery.on(event.waiting) : m.events.explain.manualDelivery.off;
    case 'liveness-stalled': return livenessStalled(m, event);
    case 'run-halted': return m.events.explain.runHalted(event.reason);
    case 'timers-freeze-changed': return event.on ? m.events.explain.timersFrozen.on : m.events.explain.timersFrozen.off;
    default: return assertNever(event, 'event');
  }
}

/**
 * One readable sentence per event, with the numbers that decided it: the event log's "why".
 *
 * Sentences leave out their subject (the event log's row already names the node), so they read
 * "refused vote to node 3 in term 4: …". Every event type has a function of its own, and
 * explain() dispatches with an exhaustive switch: adding an event type to the core breaks the
 * build here until it is explained.
 */
import type { SimEvent, SimEventType } from '../core/index.ts';
import { assertNever, describeGroups, describeHint, describeRpc, dropReasonText, indexRange, longCommand, nodeList, paperName, plural } from './format.ts';

type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

function termChanged(event: EventOf<'term-changed'>): string {
  if (event.cause === 'election') return `moved to term ${event.to} (was ${event.from}) to stand for election`;
  const sender = event.sender === null ? 'a message' : `a message from node ${event.sender}`;
  return `moved to term ${event.to} (was ${event.from}): ${sender} carried the higher term (§5.1)`;
}

function electionTimeout(event: EventOf<'election-timeout'>): string {
  return `election timer fired after ${event.elapsed} ticks (timeout ${event.timeout}) without word from a leader: starts an election (§5.2)`;
}

function heartbeatTimeout(event: EventOf<'heartbeat-timeout'>): string {
  return `heartbeat interval of ${event.elapsed} ticks passed: sends AppendEntries to every follower`;
}

function becameCandidate(event: EventOf<'became-candidate'>): string {
  return `became candidate in term ${event.term}, voted for itself and asked the others for votes; next election timeout ${event.electionTimeout} ticks`;
}

function becameLeader(event: EventOf<'became-leader'>): string {
  return `won the election for term ${event.term} with votes from ${nodeList(event.votes)}; its log ends at index ${event.lastIndex}`;
}

function becameFollower(event: EventOf<'became-follower'>): string {
  const leader = event.lead === null ? 'leader not known yet' : `leader is node ${event.lead}`;
  switch (event.reason) {
    case 'higher-term':
      return event.previousRole === 'follower'
        ? `follows term ${event.term} now: saw a higher term (${leader})`
        : `stepped down from ${event.previousRole} to follower in term ${event.term}: saw a higher term (${leader})`;
    case 'leader-found':
      return `gave up its candidacy in term ${event.term}: node ${event.lead ?? '?'} won the election`;
    default:
      return assertNever(event.reason, 'reason');
  }
}

function logPosition(lastTerm: number, lastIndex: number): string {
  return `last term ${lastTerm}, index ${lastIndex}`;
}

function voteGranted(event: EventOf<'vote-granted'>): string {
  const theirs = logPosition(event.candidateLastTerm, event.candidateLastIndex);
  const ours = logPosition(event.ownLastTerm, event.ownLastIndex);
  return `granted vote to node ${event.candidate} in term ${event.term}: candidate's log (${theirs}) is at least as up to date as ours (${ours}) (§5.4.1)`;
}

function voteRefused(event: EventOf<'vote-refused'>): string {
  const head = `refused vote to node ${event.candidate} in term ${event.term}`;
  switch (event.reason) {
    case 'stale-term':
      return `${head}: that term is older than ours (${event.ownTerm}) (§5.1)`;
    case 'already-voted':
      return `${head}: already voted for node ${event.votedFor ?? '?'} in this term (one vote per term, §5.2)`;
    case 'log-not-up-to-date': {
      const theirs = logPosition(event.candidateLastTerm, event.candidateLastIndex);
      const ours = logPosition(event.ownLastTerm, event.ownLastIndex);
      return `${head}: candidate's log (${theirs}) is behind ours (${ours}) (§5.4.1)`;
    }
    default:
      return assertNever(event.reason, 'reason');
  }
}

function voteReceived(event: EventOf<'vote-received'>): string {
  const tally = `${event.grantedCount} granted, ${event.refusedCount} refused, ${event.quorum} needed`;
  return event.granted
    ? `got a vote from node ${event.voter} in term ${event.term} (${tally})`
    : `was refused a vote by node ${event.voter} in term ${event.term} (${tally})`;
}

function electionLost(event: EventOf<'election-lost'>): string {
  return `lost the election for term ${event.term}: refused by ${nodeList(event.refused)}, so a majority of ${event.quorum} is out of reach; waits for its timer to try again`;
}

function entriesAppended(event: EventOf<'entries-appended'>): string {
  const range = indexRange(event.first, event.last);
  if (event.source === 'proposal') {
    const only = event.entries.length === 1 ? ` (${longCommand(event.entries[0]!.command)})` : '';
    return `appended ${range}${only} to its own log as leader`;
  }
  return `appended ${range} from the leader, after an entry of term ${event.prevTerm}`;
}

function entriesTruncated(event: EventOf<'entries-truncated'>): string {
  return `deleted ${indexRange(event.first, event.last)}: its entry at index ${event.conflictIndex} has term ${event.ownTerm} but leader node ${event.leader} has term ${event.leaderTerm} there, so it and everything after it go (§5.3)`;
}

function appendAccepted(event: EventOf<'append-accepted'>): string {
  const what = event.entries === 0 ? 'heartbeat' : `AppendEntries with ${plural(event.entries, 'entry', 'entries')}`;
  return `accepted ${what} from node ${event.leader}: log matches at index ${event.prevLogIndex} (term ${event.prevLogTerm}); agrees with the leader through index ${event.matchIndex}`;
}

function appendRejected(event: EventOf<'append-rejected'>): string {
  const head = `rejected AppendEntries from node ${event.leader}`;
  const hint = describeHint(event.conflictTerm, event.conflictIndex);
  switch (event.reason) {
    case 'stale-term':
      return `${head}: its term ${event.term} is older than ours (${event.ownTerm}) (§5.1)`;
    case 'log-too-short':
      return `${head}: no entry at prevLogIndex ${event.prevLogIndex}, our log ends at ${event.ownLastIndex} (§5.3)${hint}`;
    case 'prev-term-mismatch':
      return `${head}: our entry at prevLogIndex ${event.prevLogIndex} has term ${event.ownTermAtPrev ?? '?'}, not ${event.prevLogTerm} (§5.3)${hint}`;
    default:
      return assertNever(event.reason, 'reason');
  }
}

function nextIndexBackedOff(event: EventOf<'next-index-backed-off'>): string {
  const head = `moved nextIndex for node ${event.follower} back from ${event.from} to ${event.to} after it rejected prevLogIndex ${event.rejectedIndex}`;
  if (!event.fastBackup || event.conflictIndex === null) return `${head} (one step at a time)`;
  return `${head} (fast backup${describeHint(event.conflictTerm, event.conflictIndex)})`;
}

function progressUpdated(event: EventOf<'progress-updated'>): string {
  return `node ${event.follower} now agrees through index ${event.matchIndex} (matchIndex); nextIndex ${event.nextIndex}, ${event.state} mode`;
}

function commitAdvanced(event: EventOf<'commit-advanced'>): string {
  const head = `commitIndex advanced from ${event.from} to ${event.to}`;
  switch (event.by) {
    case 'quorum':
      return `${head}: a majority stores index ${event.to}, an entry of the current term ${event.term} (§5.3, §5.4.2)`;
    case 'leader-commit':
      return `${head}: the leader's commit is ${event.leaderCommit ?? '?'} and its last new entry here is ${event.lastNewIndex ?? '?'} (the smaller of the two)`;
    case 'snapshot':
      return `${head} by installing the leader's snapshot`;
    default:
      return assertNever(event.by, 'commit cause');
  }
}

function commitHeldBack(event: EventOf<'commit-held-back'>): string {
  return `did not commit index ${event.quorumIndex}: it is from term ${event.entryTerm}, not the current term ${event.currentTerm} (§5.4.2); commitIndex stays at ${event.committed}`;
}

function snapshotSent(event: EventOf<'snapshot-sent'>): string {
  return `sent a snapshot through index ${event.index} (term ${event.term}) to node ${event.follower}: it needs index ${event.nextIndex}, but the log now starts at ${event.firstIndex} (§7)`;
}

function snapshotInstalled(event: EventOf<'snapshot-installed'>): string {
  return `installed node ${event.leader}'s snapshot through index ${event.index} (term ${event.term}); kept ${plural(event.keptEntries, 'later entry', 'later entries')}, discarded ${event.discardedEntries}`;
}

function snapshotIgnored(event: EventOf<'snapshot-ignored'>): string {
  return `ignored node ${event.leader}'s snapshot through index ${event.index}: already committed through ${event.committed}`;
}

function proposalAccepted(event: EventOf<'proposal-accepted'>): string {
  return `accepted client request "${longCommand(event.command)}" as entry ${event.index} in term ${event.term}`;
}

function proposalRefused(event: EventOf<'proposal-refused'>): string {
  const leader = event.lead === null ? 'no leader known' : `try node ${event.lead}`;
  return `refused client request "${longCommand(event.command)}": it is a ${event.role}, not the leader (${leader})`;
}

function persisted(event: EventOf<'persisted'>): string {
  const parts = [`term ${event.term}`, event.vote === null ? 'no vote' : `vote for node ${event.vote}`];
  if (event.snapshotIndex !== null) parts.push(`snapshot through ${event.snapshotIndex}`);
  if (event.entriesFrom !== null && event.entriesTo !== null) parts.push(indexRange(event.entriesFrom, event.entriesTo));
  return `wrote to disk: ${parts.join(', ')}`;
}

function applied(event: EventOf<'applied'>): string {
  return `applied entry ${event.index} (term ${event.term}) to its key-value state: ${longCommand(event.command)}`;
}

function snapshotTaken(event: EventOf<'snapshot-taken'>): string {
  return `compacted its log: snapshot through index ${event.index} (term ${event.term}) replaces ${plural(event.entriesDropped, 'entry', 'entries')}`;
}

function stateRestored(event: EventOf<'state-restored'>): string {
  return `rebuilt its key-value state from the snapshot through index ${event.snapshotIndex}`;
}

function messageSent(event: EventOf<'message-sent'>): string {
  const message = event.message;
  const fate = event.dropReason === null ? `due at tick ${event.deliverTick}` : `it will be lost: ${dropReasonText[event.dropReason]}`;
  return `sent ${paperName[message.type]} to node ${message.to} in term ${message.term} (${describeRpc(message)}); ${fate}`;
}

function messageDuplicated(event: EventOf<'message-duplicated'>): string {
  return `the network duplicated message #${event.copyOf} (${paperName[event.message.type]} to node ${event.message.to}) as #${event.id}, due at tick ${event.deliverTick}`;
}

function messageDelivered(event: EventOf<'message-delivered'>): string {
  const message = event.message;
  return `received ${paperName[message.type]} from node ${message.from} in term ${message.term}, sent at tick ${event.sentTick} (${describeRpc(message)})`;
}

function messageDropped(event: EventOf<'message-dropped'>): string {
  const message = event.message;
  return `${paperName[message.type]} from node ${message.from} to node ${message.to} (sent at tick ${event.sentTick}) was lost: ${dropReasonText[event.reason]}`;
}

function nodeCrashed(): string {
  return 'crashed: its volatile state is gone; the disk keeps term, vote, snapshot and log';
}

function nodeRestarted(event: EventOf<'node-restarted'>): string {
  const vote = event.vote === null ? 'no vote' : `vote for node ${event.vote}`;
  return `restarted from disk: term ${event.term}, ${vote}, snapshot through ${event.snapshotIndex}, log through index ${event.lastIndex}`;
}

function partitionChanged(event: EventOf<'partition-changed'>): string {
  if (event.groups.length <= 1) return `network whole again: ${describeGroups(event.groups)}`;
  return `network split into ${event.groups.length} groups that cannot reach each other: ${describeGroups(event.groups)}`;
}

function linkCut(event: EventOf<'link-cut'>): string {
  return `cut the link from node ${event.from} to node ${event.to}: messages that way are lost`;
}

function linkRestored(event: EventOf<'link-restored'>): string {
  return `restored the link from node ${event.from} to node ${event.to}`;
}

function networkHealed(): string {
  return 'healed the network: partitions removed and every link restored';
}

function networkConfigured(event: EventOf<'network-configured'>): string {
  const c = event.network;
  return `network settings changed: latency ${c.delayTicksMin}-${c.delayTicksMax} ticks, loss ${c.dropRatio}, duplicates ${c.duplicateRatio}, reorder ${c.reorderRatio}`;
}

function workloadConfigured(event: EventOf<'workload-configured'>): string {
  const every = event.workload.proposeEveryTicks;
  return every === 0 ? 'client load stopped' : `client load: a put to the leader every ${every} ticks, over ${plural(event.workload.keys, 'key', 'keys')}`;
}

/** The sentence for one event. */
export function explain(event: SimEvent): string {
  switch (event.type) {
    case 'term-changed': return termChanged(event);
    case 'election-timeout': return electionTimeout(event);
    case 'heartbeat-timeout': return heartbeatTimeout(event);
    case 'became-candidate': return becameCandidate(event);
    case 'became-leader': return becameLeader(event);
    case 'became-follower': return becameFollower(event);
    case 'vote-granted': return voteGranted(event);
    case 'vote-refused': return voteRefused(event);
    case 'vote-received': return voteReceived(event);
    case 'election-lost': return electionLost(event);
    case 'entries-appended': return entriesAppended(event);
    case 'entries-truncated': return entriesTruncated(event);
    case 'append-accepted': return appendAccepted(event);
    case 'append-rejected': return appendRejected(event);
    case 'next-index-backed-off': return nextIndexBackedOff(event);
    case 'progress-updated': return progressUpdated(event);
    case 'commit-advanced': return commitAdvanced(event);
    case 'commit-held-back': return commitHeldBack(event);
    case 'snapshot-sent': return snapshotSent(event);
    case 'snapshot-installed': return snapshotInstalled(event);
    case 'snapshot-ignored': return snapshotIgnored(event);
    case 'proposal-accepted': return proposalAccepted(event);
    case 'proposal-refused': return proposalRefused(event);
    case 'persisted': return persisted(event);
    case 'applied': return applied(event);
    case 'snapshot-taken': return snapshotTaken(event);
    case 'state-restored': return stateRestored(event);
    case 'message-sent': return messageSent(event);
    case 'message-duplicated': return messageDuplicated(event);
    case 'message-delivered': return messageDelivered(event);
    case 'message-dropped': return messageDropped(event);
    case 'node-crashed': return nodeCrashed();
    case 'node-restarted': return nodeRestarted(event);
    case 'partition-changed': return partitionChanged(event);
    case 'link-cut': return linkCut(event);
    case 'link-restored': return linkRestored(event);
    case 'network-healed': return networkHealed();
    case 'network-configured': return networkConfigured(event);
    case 'workload-configured': return workloadConfigured(event);
    default: return assertNever(event, 'event');
  }
}

/**
 * The event explanations in both languages. One hand-made event for every branch of every event
 * type (the table is typed by the core's SimEventType, so a new event type fails the type check
 * here until it has a sample): the English sentence is exactly the one Raftlab has always written,
 * and the Chinese one is Chinese, with no English left but the names the terminology keeps (RPC
 * names, Figure 2's fields, tick) and the client's own commands. Then a real run with loss,
 * crashes, partitions, cut links and snapshots: every event it reports reads as Chinese too.
 */
import { describe, expect, it } from 'vitest';
import type { Command, SimEvent, SimEventType } from '../../src/core/index.ts';
import { createSimulation, topicOf } from '../../src/core/index.ts';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';

type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
type Body<T extends SimEventType> = Omit<EventOf<T>, 'seq' | 'tick' | 'node' | 'topic'>;

const english = messagesFor('en');
const chinese = messagesFor('zh-CN');

const put: Command = { type: 'put', key: 'x', value: '1' };
const entry = (index: number, term: number, command: Command = put) => ({ index, term, command });
const vote = { type: 'MsgVote', from: 2, to: 3, term: 4, lastLogIndex: 7, lastLogTerm: 3 } as const;
const append = { type: 'MsgApp', from: 1, to: 2, term: 4, prevLogIndex: 5, prevLogTerm: 3, entries: [entry(6, 4), entry(7, 4)], leaderCommit: 5 } as const;
const heartbeat = { ...append, entries: [] };
const appendOk = { type: 'MsgAppResp', from: 2, to: 1, term: 4, success: true, matchIndex: 7, rejectedIndex: 0, conflictTerm: null, conflictIndex: null } as const;
const appendNo = { ...appendOk, success: false, matchIndex: 0, rejectedIndex: 9, conflictTerm: 2, conflictIndex: 5 };
const snap = { type: 'MsgSnap', from: 1, to: 4, term: 3, snapshot: { index: 100, term: 3, data: [['a', '1'], ['b', '2']] } } as const;
const snapReply = { type: 'MsgSnapResp', from: 4, to: 1, term: 3, matchIndex: 100 } as const;
const network = { delayTicksMin: 2, delayTicksMax: 8, dropRatio: 0.05, duplicateRatio: 0, reorderRatio: 0.1 };

/**
 * Every branch of every event type, with the English sentence each has always had (docs and
 * tests quote them; users know them).
 */
const samples: { readonly [T in SimEventType]: readonly (readonly [Body<T>, string])[] } = {
  'term-changed': [
    [{ type: 'term-changed', from: 3, to: 4, cause: 'election', sender: null }, 'moved to term 4 (was 3) to stand for election'],
    [{ type: 'term-changed', from: 3, to: 4, cause: 'message', sender: 2 }, 'moved to term 4 (was 3): a message from node 2 carried the higher term (§5.1)'],
    [{ type: 'term-changed', from: 3, to: 4, cause: 'message', sender: null }, 'moved to term 4 (was 3): a message carried the higher term (§5.1)'],
  ],
  'election-timeout': [
    [{ type: 'election-timeout', elapsed: 12, timeout: 12 }, 'election timer fired after 12 ticks (timeout 12) without word from a leader: starts an election (§5.2)'],
  ],
  'heartbeat-timeout': [[{ type: 'heartbeat-timeout', elapsed: 3 }, 'heartbeat interval of 3 ticks passed: sends AppendEntries to every follower']],
  'became-candidate': [
    [{ type: 'became-candidate', term: 4, electionTimeout: 15 }, 'became candidate in term 4, voted for itself and asked the others for votes; next election timeout 15 ticks (§5.2)'],
  ],
  'became-leader': [
    [{ type: 'became-leader', term: 4, votes: [1, 2, 4], lastIndex: 9 }, 'won the election for term 4 with votes from nodes 1, 2 and 4, a majority; its log ends at index 9 (§5.2)'],
    [{ type: 'became-leader', term: 1, votes: [1], lastIndex: 0 }, 'won the election for term 1 with votes from node 1, a majority; its log ends at index 0 (§5.2)'],
  ],
  'became-follower': [
    [{ type: 'became-follower', term: 5, lead: null, previousRole: 'follower', reason: 'higher-term' }, 'follows term 5 now: saw a higher term (§5.1; leader not known yet)'],
    [{ type: 'became-follower', term: 5, lead: 3, previousRole: 'leader', reason: 'higher-term' }, 'stepped down from leader to follower in term 5: saw a higher term (§5.1; leader is node 3)'],
    [{ type: 'became-follower', term: 5, lead: null, previousRole: 'candidate', reason: 'higher-term' }, 'stepped down from candidate to follower in term 5: saw a higher term (§5.1; leader not known yet)'],
    [{ type: 'became-follower', term: 5, lead: 3, previousRole: 'candidate', reason: 'leader-found' }, 'gave up its candidacy in term 5: node 3 won the election (§5.2)'],
  ],
  'vote-granted': [
    [
      { type: 'vote-granted', candidate: 3, term: 4, candidateLastIndex: 7, candidateLastTerm: 3, ownLastIndex: 7, ownLastTerm: 3 },
      "granted vote to node 3 in term 4: candidate's log (last term 3, index 7) is at least as up to date as ours (last term 3, index 7) (§5.4.1)",
    ],
    [
      { type: 'vote-granted', candidate: 3, term: 4, candidateLastIndex: 9, candidateLastTerm: 2, ownLastIndex: 7, ownLastTerm: 3 },
      "granted vote to node 3 in term 4 without the up-to-date check: candidate's log (last term 2, index 9) is behind ours (last term 3, index 7); the unsafe switch drops §5.4.1",
    ],
    [
      { type: 'vote-granted', candidate: 3, term: 4, pre: true, candidateLastIndex: 7, candidateLastTerm: 3, ownLastIndex: 7, ownLastTerm: 3 },
      'granted a pre-vote to node 3 for term 4: it could win; nothing changes here (PreVote)',
    ],
  ],
  'pre-campaign-started': [
    [
      { type: 'pre-campaign-started', term: 3, electionTimeout: 420 },
      'asked the others for pre-votes for term 3, keeping its term and vote until a majority would elect it (PreVote, §9.6); next election timeout 420 ticks',
    ],
  ],
  'vote-refused': [
    [
      { type: 'vote-refused', candidate: 3, term: 2, reason: 'stale-term', votedFor: null, candidateLastIndex: 1, candidateLastTerm: 1, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      'refused vote to node 3 in term 2: that term is older than ours (4) (§5.1)',
    ],
    [
      { type: 'vote-refused', candidate: 3, term: 4, reason: 'already-voted', votedFor: 2, candidateLastIndex: 5, candidateLastTerm: 3, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      'refused vote to node 3 in term 4: already voted for node 2 in this term (one vote per term, §5.2)',
    ],
    [
      { type: 'vote-refused', candidate: 3, term: 4, reason: 'log-not-up-to-date', votedFor: null, candidateLastIndex: 7, candidateLastTerm: 2, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      "refused vote to node 3 in term 4: candidate's log (last term 2, index 7) is behind ours (last term 3, index 5) (§5.4.1)",
    ],
    [
      { type: 'vote-refused', candidate: 3, term: 5, pre: true, reason: 'log-not-up-to-date', votedFor: null, candidateLastIndex: 1, candidateLastTerm: 1, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      'refused node 3 a pre-vote for term 5: log not up to date (PreVote)',
    ],
    [
      { type: 'vote-refused', candidate: 3, term: 5, reason: 'leader-known', votedFor: 1, candidateLastIndex: 5, candidateLastTerm: 3, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      "ignored node 3's RequestVote for term 5: it heard from its leader within the minimum election timeout (leader stickiness, CheckQuorum)",
    ],
    [
      { type: 'vote-refused', candidate: 3, term: 5, reason: 'just-started', votedFor: null, candidateLastIndex: 5, candidateLastTerm: 3, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 },
      "ignored node 3's RequestVote for term 5: it started less than the minimum election timeout ago, so a leader's lease may still run (lease reads, §6.4.1)",
    ],
  ],
  'vote-received': [
    [{ type: 'vote-received', voter: 2, term: 4, granted: true, grantedCount: 2, refusedCount: 0, quorum: 3 }, 'got a vote from node 2 in term 4 (2 granted, 0 refused, 3 needed)'],
    [{ type: 'vote-received', voter: 5, term: 4, granted: false, grantedCount: 1, refusedCount: 2, quorum: 3 }, 'was refused a vote by node 5 in term 4 (1 granted, 2 refused, 3 needed)'],
  ],
  'election-lost': [
    [
      { type: 'election-lost', term: 4, refused: [2, 3, 5], quorum: 3 },
      'lost the election for term 4: refused by nodes 2, 3 and 5, so a majority of 3 is out of reach; waits for its timer to try again (§5.2)',
    ],
  ],
  'entries-appended': [
    [{ type: 'entries-appended', first: 6, last: 6, prevTerm: 4, entries: [entry(6, 4)], source: 'proposal' }, 'appended entry 6 (put x=1) to its own log as leader'],
    [{ type: 'entries-appended', first: 6, last: 7, prevTerm: 4, entries: [entry(6, 4), entry(7, 4, { type: 'delete', key: 'x' })], source: 'proposal' }, 'appended entries 6..7 to its own log as leader'],
    [{ type: 'entries-appended', first: 6, last: 7, prevTerm: 3, entries: [entry(6, 4), entry(7, 4)], source: 'leader' }, 'appended entries 6..7 from the leader, after an entry of term 3'],
  ],
  'entries-truncated': [
    [
      { type: 'entries-truncated', first: 5, last: 7, conflictIndex: 5, ownTerm: 2, leaderTerm: 3, leader: 1 },
      'deleted entries 5..7: its entry at index 5 has term 2 but leader node 1 has term 3 there, so it and everything after it go (§5.3)',
    ],
  ],
  'append-accepted': [
    [
      { type: 'append-accepted', leader: 1, prevLogIndex: 7, prevLogTerm: 4, entries: 0, matchIndex: 7 },
      'accepted heartbeat from node 1: log matches at index 7 (term 4); agrees with the leader through index 7 (§5.3)',
    ],
    [
      { type: 'append-accepted', leader: 1, prevLogIndex: 5, prevLogTerm: 3, entries: 1, matchIndex: 6 },
      'accepted AppendEntries with 1 entry from node 1: log matches at index 5 (term 3); agrees with the leader through index 6 (§5.3)',
    ],
    [
      { type: 'append-accepted', leader: 1, prevLogIndex: 5, prevLogTerm: 3, entries: 2, matchIndex: 7 },
      'accepted AppendEntries with 2 entries from node 1: log matches at index 5 (term 3); agrees with the leader through index 7 (§5.3)',
    ],
    [
      { type: 'append-accepted', leader: 1, prevLogIndex: 5, prevLogTerm: 3, entries: 1, matchIndex: 6, ownTermAtPrev: 2 },
      "accepted node 1's AppendEntries without the consistency check: the leader's entry 5 has term 3, ours has term 2; the unsafe switch drops §5.3's check",
    ],
  ],
  'append-rejected': [
    [
      { type: 'append-rejected', leader: 2, reason: 'stale-term', term: 3, ownTerm: 4, prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 10, ownTermAtPrev: null, conflictTerm: null, conflictIndex: null },
      'rejected AppendEntries from node 2: its term 3 is older than ours (4) (§5.1)',
    ],
    [
      { type: 'append-rejected', leader: 2, reason: 'log-too-short', term: 4, ownTerm: 4, prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 6, ownTermAtPrev: null, conflictTerm: null, conflictIndex: 7 },
      'rejected AppendEntries from node 2: no entry at prevLogIndex 9, our log ends at 6 (§5.3); hint: log too short, retry from index 7',
    ],
    [
      { type: 'append-rejected', leader: 2, reason: 'log-too-short', term: 4, ownTerm: 4, prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 6, ownTermAtPrev: null, conflictTerm: null, conflictIndex: null },
      'rejected AppendEntries from node 2: no entry at prevLogIndex 9, our log ends at 6 (§5.3)',
    ],
    [
      { type: 'append-rejected', leader: 2, reason: 'prev-term-mismatch', term: 4, ownTerm: 4, prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 10, ownTermAtPrev: 2, conflictTerm: 2, conflictIndex: 5 },
      'rejected AppendEntries from node 2: our entry at prevLogIndex 9 has term 2, not 3 (§5.3); hint: conflicting term 2 starts at index 5',
    ],
  ],
  'next-index-backed-off': [
    [
      { type: 'next-index-backed-off', follower: 4, from: 10, to: 9, rejectedIndex: 9, conflictTerm: null, conflictIndex: null, fastBackup: false },
      'moved nextIndex for node 4 back from 10 to 9 after it rejected prevLogIndex 9 (one step at a time, §5.3)',
    ],
    [
      { type: 'next-index-backed-off', follower: 4, from: 10, to: 5, rejectedIndex: 9, conflictTerm: 2, conflictIndex: 5, fastBackup: true },
      'moved nextIndex for node 4 back from 10 to 5 after it rejected prevLogIndex 9 (fast backup; hint: conflicting term 2 starts at index 5; §5.3)',
    ],
    [
      { type: 'next-index-backed-off', follower: 4, from: 10, to: 7, rejectedIndex: 9, conflictTerm: null, conflictIndex: 7, fastBackup: true },
      'moved nextIndex for node 4 back from 10 to 7 after it rejected prevLogIndex 9 (fast backup; hint: log too short, retry from index 7; §5.3)',
    ],
  ],
  'progress-updated': [
    [{ type: 'progress-updated', follower: 3, matchIndex: 7, nextIndex: 8, state: 'replicate' }, 'node 3 now agrees through index 7 (matchIndex); nextIndex 8, replicate mode'],
    [{ type: 'progress-updated', follower: 3, matchIndex: 0, nextIndex: 5, state: 'probe' }, 'node 3 now agrees through index 0 (matchIndex); nextIndex 5, probe mode'],
    [{ type: 'progress-updated', follower: 3, matchIndex: 100, nextIndex: 101, state: 'snapshot' }, 'node 3 now agrees through index 100 (matchIndex); nextIndex 101, snapshot mode'],
  ],
  'commit-advanced': [
    [{ type: 'commit-advanced', from: 5, to: 7, term: 4, by: 'quorum' }, 'commitIndex advanced from 5 to 7: a majority stores index 7, an entry of the current term 4 (§5.3, §5.4.2)'],
    [
      { type: 'commit-advanced', from: 5, to: 6, term: 4, by: 'leader-commit', leaderCommit: 7, lastNewIndex: 6 },
      "commitIndex advanced from 5 to 6: the leader's commit is 7 and its last new entry here is 6 (the smaller of the two)",
    ],
    [
      { type: 'commit-advanced', from: 0, to: 3, term: 4, by: 'counting', entryTerm: 2 },
      'commitIndex advanced from 0 to 3 by counting replicas: a majority stores index 3, but it is of term 2, not the current term 4; the unsafe switch drops §5.4.2',
    ],
    [{ type: 'commit-advanced', from: 5, to: 100, term: 3, by: 'snapshot' }, "commitIndex advanced from 5 to 100 by installing the leader's snapshot (§7)"],
  ],
  'commit-held-back': [
    [
      { type: 'commit-held-back', quorumIndex: 6, entryTerm: 2, currentTerm: 4, committed: 3 },
      'did not commit index 6: it is from term 2, not the current term 4 (§5.4.2); commitIndex stays at 3',
    ],
  ],
  'snapshot-sent': [
    [
      { type: 'snapshot-sent', follower: 4, index: 100, term: 3, nextIndex: 50, firstIndex: 101 },
      'sent a snapshot through index 100 (term 3) to node 4: it needs index 50, but the log now starts at 101 (§7)',
    ],
  ],
  'snapshot-installed': [
    [{ type: 'snapshot-installed', index: 100, term: 3, leader: 2, keptEntries: 1, discardedEntries: 4 }, "installed node 2's snapshot through index 100 (term 3); kept 1 later entry, discarded 4"],
    [{ type: 'snapshot-installed', index: 100, term: 3, leader: 2, keptEntries: 0, discardedEntries: 0 }, "installed node 2's snapshot through index 100 (term 3); kept 0 later entries, discarded 0"],
  ],
  'snapshot-ignored': [[{ type: 'snapshot-ignored', index: 50, committed: 60, leader: 2 }, "ignored node 2's snapshot through index 50: already committed through 60 (§7)"]],
  'proposal-accepted': [[{ type: 'proposal-accepted', index: 8, term: 4, command: put }, 'accepted client request "put x=1" as entry 8 in term 4']],
  'proposal-refused': [
    [{ type: 'proposal-refused', role: 'follower', lead: 3, command: { type: 'delete', key: 'x' } }, 'refused client request "delete x": it is a follower, not the leader (try node 3; §8)'],
    [{ type: 'proposal-refused', role: 'candidate', lead: null, command: put }, 'refused client request "put x=1": it is a candidate, not the leader (no leader known; §8)'],
    [{ type: 'proposal-refused', role: 'leader', lead: 1, command: put, transferringTo: 3 }, 'refused client request "put x=1": it is handing its leadership to node 3 and takes no proposals meanwhile (try node 3; §3.10)'],
  ],
  'transfer-started': [
    [{ type: 'transfer-started', target: 2, targetMatch: 7, lastIndex: 7 }, 'began handing its leadership to node 2, whose log already holds every entry through 7; stops taking proposals (§3.10)'],
    [{ type: 'transfer-started', target: 3, targetMatch: 2, lastIndex: 9 }, 'began handing its leadership to node 3: stops taking proposals and first brings its log from index 2 up to 9 (§3.10)'],
  ],
  'transfer-refused': [
    [{ type: 'transfer-refused', target: 2, reason: 'not-leader', role: 'follower', lead: 1 }, 'cannot hand leadership to node 2: it is a follower, not the leader (node 1 leads)'],
    [{ type: 'transfer-refused', target: 2, reason: 'not-leader', role: 'candidate', lead: null }, 'cannot hand leadership to node 2: it is a candidate, not the leader'],
    [{ type: 'transfer-refused', target: 1, reason: 'self', role: 'leader', lead: 1 }, 'cannot hand leadership to node 1: it already leads'],
    [{ type: 'transfer-refused', target: 9, reason: 'not-a-peer', role: 'leader', lead: 1 }, 'cannot hand leadership to node 9: not a member of its cluster'],
  ],
  'transfer-aborted': [
    [{ type: 'transfer-aborted', target: 3, reason: 'timeout', elapsed: 300 }, 'gave up handing its leadership to node 3 after 300 ticks without it taking over; takes proposals again'],
    [{ type: 'transfer-aborted', target: 3, reason: 'superseded', elapsed: 12 }, 'stopped handing its leadership to node 3: asked to hand it to another node instead'],
  ],
  'timeout-now-sent': [
    [{ type: 'timeout-now-sent', target: 2, matchIndex: 7 }, 'sent TimeoutNow to node 2: its log matches through index 7, the whole log, so it can win (§3.10)'],
  ],
  'timeout-now-received': [
    [{ type: 'timeout-now-received', leader: 1, term: 4 }, 'got TimeoutNow from node 1, leader of term 4: stands for election at once, without waiting for its timer or asking for pre-votes (§3.10)'],
  ],
  'read-refused': [
    [{ type: 'read-refused', id: 3, role: 'follower', lead: 1 }, 'refused read 3: it is a follower, not the leader (try node 1)'],
    [{ type: 'read-refused', id: 3, role: 'candidate', lead: null }, 'refused read 3: it is a candidate, not the leader (no leader known)'],
  ],
  'read-awaiting-commit': [
    [{ type: 'read-awaiting-commit', id: 2, committed: 4 }, 'holds read 2 until it commits an entry of its own term: its commitIndex 4 may lag behind what earlier leaders committed (§6.4)'],
  ],
  'read-round-started': [
    [{ type: 'read-round-started', id: 2, readIndex: 7, round: 3 }, 'took read 2 at read index 7 (its commitIndex) and sent heartbeat round 3 to confirm it still leads (ReadIndex, §6.4)'],
  ],
  'read-confirmed': [
    [{ type: 'read-confirmed', id: 2, readIndex: 7, round: 3, acks: [1, 2, 4] }, 'round 3 confirmed by a majority (nodes 1, 2 and 4): no other leader can exist, so read 2 is answered once index 7 is applied'],
  ],
  'read-by-lease': [
    [{ type: 'read-by-lease', id: 5, readIndex: 9, leaseRemaining: 120 }, 'answered read 5 at read index 9 by lease, with no round: a majority confirmed it recently and 120 ticks of the lease remain (§6.4.1)'],
  ],
  'read-aborted': [
    [{ type: 'read-aborted', ids: [4, 5], reason: 'stepped-down' }, 'stepped down before confirming reads 4 and 5: they fail, and their clients may ask the new leader'],
    [{ type: 'read-aborted', ids: [4], reason: 'stepped-down' }, 'stepped down before confirming read 4: it fails, and its client may ask the new leader'],
  ],
  'config-changed': [
    [{ type: 'config-changed', voters: [1, 2, 3], learners: [4], index: 9, cause: 'appended' }, 'uses the configuration at index 9 at once, committed or not: voters nodes 1, 2 and 3, learners node 4 (thesis §4.1)'],
    [{ type: 'config-changed', voters: [1, 2, 3], learners: [], index: 0, cause: 'truncated' }, 'went back to the configuration at index 0 at once, committed or not: voters nodes 1, 2 and 3, learners no nodes (thesis §4.1)'],
  ],
  'config-proposed': [
    [{ type: 'config-proposed', change: 'add', target: 4, index: 9, voters: [1, 2, 3], learners: [4] }, 'appended configuration entry 9: node 4 joins as a learner, which gets the log but does not vote yet (one change at a time, thesis §4.1)'],
    [{ type: 'config-proposed', change: 'remove', target: 1, index: 12, voters: [2, 3], learners: [] }, 'appended configuration entry 12: node 1 is removed (one change at a time, thesis §4.1)'],
  ],
  'config-refused': [
    [{ type: 'config-refused', change: 'add', target: 5, reason: 'pending', role: 'leader', lead: 1, pendingIndex: 9 }, 'refused to add node 5: configuration entry 9 has not committed yet (one change at a time)'],
    [{ type: 'config-refused', change: 'remove', target: 2, reason: 'not-leader', role: 'follower', lead: 1 }, 'refused to remove node 2: only the leader changes the configuration'],
  ],
  'read-requested': [
    [{ type: 'read-requested', id: 1, key: 'x' }, 'got read 1, a get of "x"'],
  ],
  'read-served': [
    [{ type: 'read-served', id: 1, key: 'x', value: '5', readIndex: 7, applied: 8 }, 'answered read 1: "x" = "5", its state machine applied through 8 ≥ read index 7'],
    [{ type: 'read-served', id: 1, key: 'y', value: null, readIndex: 7, applied: 7 }, 'answered read 1: "y" is not set, its state machine applied through 7 ≥ read index 7'],
  ],
  persisted: [
    [{ type: 'persisted', term: 4, vote: 2, entriesFrom: 6, entriesTo: 7, snapshotIndex: null }, 'wrote to disk: term 4, vote for node 2, entries 6..7'],
    [{ type: 'persisted', term: 4, vote: null, entriesFrom: null, entriesTo: null, snapshotIndex: 100 }, 'wrote to disk: term 4, no vote, snapshot through 100'],
  ],
  applied: [
    [{ type: 'applied', index: 6, term: 4, command: put }, 'applied entry 6 (term 4) to its key-value state: put x=1'],
    [{ type: 'applied', index: 1, term: 1, command: { type: 'noop' } }, 'applied entry 1 (term 1) to its key-value state: no-op'],
  ],
  'snapshot-taken': [[{ type: 'snapshot-taken', index: 100, term: 3, entriesDropped: 100 }, 'compacted its log: snapshot through index 100 (term 3) replaces 100 entries']],
  'state-restored': [[{ type: 'state-restored', snapshotIndex: 100 }, 'rebuilt its key-value state from the snapshot through index 100']],
  'message-sent': [
    [{ type: 'message-sent', id: 7, message: vote, deliverTick: 40, dropReason: null }, 'sent RequestVote to node 3 in term 4 (lastLogIndex 7, lastLogTerm 3); due at tick 40'],
    [
      { type: 'message-sent', id: 7, message: { type: 'MsgVoteResp', from: 3, to: 2, term: 4, granted: true }, deliverTick: 40, dropReason: 'loss' },
      'sent RequestVote reply to node 2 in term 4 (vote granted); it will be lost: the network dropped it at random (message loss)',
    ],
    [
      { type: 'message-sent', id: 7, message: { type: 'MsgVoteResp', from: 3, to: 2, term: 4, granted: false }, deliverTick: 40, dropReason: 'partition' },
      'sent RequestVote reply to node 2 in term 4 (vote refused); it will be lost: sender and receiver are in different partitions',
    ],
    [
      { type: 'message-sent', id: 8, message: append, deliverTick: 41, dropReason: null },
      'sent AppendEntries to node 2 in term 4 (prevLogIndex 5, prevLogTerm 3, entries 6..7, leaderCommit 5); due at tick 41',
    ],
    [
      { type: 'message-sent', id: 8, message: heartbeat, deliverTick: 41, dropReason: 'link-cut' },
      'sent AppendEntries to node 2 in term 4 (prevLogIndex 5, prevLogTerm 3, no entries (heartbeat), leaderCommit 5); it will be lost: the link between them is cut',
    ],
    [{ type: 'message-sent', id: 9, message: appendOk, deliverTick: 42, dropReason: null }, 'sent AppendEntries reply to node 1 in term 4 (success, matchIndex 7); due at tick 42'],
    [
      { type: 'message-sent', id: 9, message: appendNo, deliverTick: 42, dropReason: 'receiver-crashed' },
      'sent AppendEntries reply to node 1 in term 4 (rejected at prevLogIndex 9; hint: conflicting term 2 starts at index 5); it will be lost: the receiver is crashed',
    ],
    [{ type: 'message-sent', id: 10, message: snap, deliverTick: 43, dropReason: null }, 'sent InstallSnapshot to node 4 in term 3 (snapshot through index 100 (term 3), 2 keys); due at tick 43'],
    [{ type: 'message-sent', id: 11, message: snapReply, deliverTick: 44, dropReason: null }, 'sent InstallSnapshot reply to node 1 in term 3 (matchIndex 100); due at tick 44'],
  ],
  'message-duplicated': [
    [{ type: 'message-duplicated', id: 12, copyOf: 8, message: append, deliverTick: 45 }, 'the network duplicated message #8 (AppendEntries to node 2) as #12, due at tick 45'],
  ],
  'message-delivered': [
    [{ type: 'message-delivered', id: 7, message: vote, sentTick: 38 }, 'received RequestVote from node 2 in term 4, sent at tick 38 (lastLogIndex 7, lastLogTerm 3)'],
    [
      { type: 'message-delivered', id: 9, message: { ...appendNo, conflictTerm: null, conflictIndex: 7 }, sentTick: 38 },
      'received AppendEntries reply from node 2 in term 4, sent at tick 38 (rejected at prevLogIndex 9; hint: log too short, retry from index 7)',
    ],
  ],
  'message-dropped': [
    [
      { type: 'message-dropped', id: 8, message: append, sentTick: 38, reason: 'receiver-crashed' },
      'AppendEntries from node 1 to node 2 (sent at tick 38) was lost: the receiver is crashed',
    ],
  ],
  'node-crashed': [[{ type: 'node-crashed' }, 'crashed: its volatile state is gone; the disk keeps term, vote, snapshot and log']],
  'node-added': [[{ type: 'node-added' }, 'started as a new server: an empty disk and no configuration; it waits for the leader to send it the log (thesis §4.2.1)']],
  'node-removed': [[{ type: 'node-removed' }, 'left the cluster: its removal is committed and applied, so it is shut down for good (thesis §4.2.2)']],
  'node-restarted': [
    [{ type: 'node-restarted', term: 4, vote: 2, snapshotIndex: 0, lastIndex: 9 }, 'restarted from disk: term 4, vote for node 2, snapshot through 0, log through index 9'],
    [{ type: 'node-restarted', term: 4, vote: null, snapshotIndex: 100, lastIndex: 120 }, 'restarted from disk: term 4, no vote, snapshot through 100, log through index 120'],
  ],
  'partition-changed': [
    [{ type: 'partition-changed', groups: [[1, 2], [3, 4, 5]] }, 'network split into 2 groups that cannot reach each other: {1, 2} | {3, 4, 5}'],
    [{ type: 'partition-changed', groups: [[1, 2, 3, 4, 5]] }, 'network whole again: {1, 2, 3, 4, 5}'],
  ],
  'link-cut': [[{ type: 'link-cut', from: 1, to: 2 }, 'cut the link from node 1 to node 2: messages that way are lost']],
  'link-restored': [[{ type: 'link-restored', from: 1, to: 2 }, 'restored the link from node 1 to node 2']],
  'network-healed': [[{ type: 'network-healed' }, 'healed the network: partitions removed and every link restored']],
  'network-configured': [[{ type: 'network-configured', network }, 'network settings changed: latency 2-8 ticks, loss 0.05, duplicates 0, reorder 0.1']],
  'workload-configured': [
    [{ type: 'workload-configured', workload: { proposeEveryTicks: 20, keys: 16 } }, 'client load: a put to the leader every 20 ticks, over 16 keys'],
    [{ type: 'workload-configured', workload: { proposeEveryTicks: 20, keys: 1 } }, 'client load: a put to the leader every 20 ticks, over 1 key'],
    [{ type: 'workload-configured', workload: { proposeEveryTicks: 0, keys: 16 } }, 'client load stopped'],
  ],
  'message-delayed': [
    [{ type: 'message-delayed', id: 12, message: { type: 'MsgVote', from: 2, to: 4, term: 3, lastLogIndex: 0, lastLogTerm: 0 } as never, by: 30, deliverTick: 345 }, 'message #12 (RequestVote to node 4) held back by hand for 30 ticks: it now arrives at tick 345'],
  ],
  'manual-delivery-changed': [
    [{ type: 'manual-delivery-changed', on: true, waiting: 3 }, 'manual delivery on: messages wait in the network until delivered by hand (3 messages wait now)'],
    [{ type: 'manual-delivery-changed', on: false, waiting: 0 }, 'manual delivery off: messages arrive by themselves again'],
  ],
  'timers-freeze-changed': [
    [{ type: 'timers-freeze-changed', on: true }, 'timers frozen: no node times out or sends a heartbeat until they run again'],
    [{ type: 'timers-freeze-changed', on: false }, 'timers run again'],
  ],
  'liveness-stalled': [
    [
      { type: 'liveness-stalled', kind: 'no-leader', ticks: 3000, term: null, index: null },
      'liveness watch: no leader for 3000 ticks while a majority could talk',
    ],
    [
      { type: 'liveness-stalled', kind: 'commit-stalled', ticks: 1000, term: 2, index: 1 },
      'liveness watch: as leader of term 2, held entries through index 1 on a majority for 1000 ticks without committing them: none of its own term is among them (§5.4.2)',
    ],
  ],
  'run-halted': [
    [
      { type: 'run-halted', reason: 'invariant broken: truncating at 2 would drop committed entries (commit 2)' },
      'the run stopped: the broken Raft reached a state Raftlab cannot go on from (invariant broken: truncating at 2 would drop committed entries (commit 2)); nothing more happens',
    ],
  ],
  'timer-set': [
    [{ type: 'timer-set', firesIn: 40, firesAt: 1240, electionTimeout: 420, cause: 'set' }, 'election timer set by hand: fires in 40 ticks, at tick 1240'],
    [{ type: 'timer-set', firesIn: 12, firesAt: 512, electionTimeout: 350, cause: 'align' }, "election timer aligned with other nodes by hand: fires in 12 ticks, at tick 512"],
    [{ type: 'timer-set', firesIn: 312, firesAt: 812, electionTimeout: 350, cause: 'spread' }, "election timer set apart from the others by hand: fires in 312 ticks, at tick 812"],
  ],
};

function recorded<T extends SimEventType>(body: Body<T>): SimEvent {
  return { ...body, seq: 1, tick: 10, node: 1, topic: topicOf[body.type] } as SimEvent;
}

const sampleEvents = Object.values(samples).flatMap((cases) => cases.map(([body, sentence]) => [recorded(body as Body<SimEventType>), sentence] as const));

/**
 * Names the Chinese keeps in English (docs/i18n.md): RPCs, Figure 2's fields, tick, and "put",
 * the client's operation as the client panel names it.
 */
const keptNames = /\b(RequestVote|AppendEntries|InstallSnapshot|currentTerm|votedFor|commitIndex|lastApplied|nextIndex|matchIndex|prevLogIndex|prevLogTerm|leaderCommit|lastLogIndex|lastLogTerm|tick|put|PreVote|CheckQuorum|TimeoutNow|ReadIndex)\b/g;

/** The commands an event carries, written as the client wrote them (they stay as they are). */
function commandsOf(event: SimEvent): Command[] {
  if (event.type === 'applied' || event.type === 'proposal-accepted' || event.type === 'proposal-refused') return [event.command];
  if (event.type === 'entries-appended') return event.entries.map((item) => item.command);
  return [];
}

/** What is left of a Chinese sentence that is not Chinese: English words other than the kept names and commands. */
function leftoverEnglish(event: SimEvent, sentence: string): string[] {
  let rest = sentence;
  for (const command of commandsOf(event)) rest = rest.replaceAll(chinese.common.command(command), ' ');
  rest = rest.replace('空操作（no-op）', ' ').replace(keptNames, ' ');
  return rest.match(/\p{Script=Latin}{2,}/gu) ?? [];
}

function expectChinese(event: SimEvent): void {
  const sentence = explain(chinese, event);
  expect(sentence, event.type).toMatch(/\p{Script=Han}/u);
  expect(sentence, event.type).not.toMatch(/undefined|NaN|\[object|null/);
  expect(leftoverEnglish(event, sentence), `${event.type}: ${sentence}`).toEqual([]);
  // Chinese sentences use full-width punctuation, never an ASCII comma, colon or semicolon.
  expect(sentence.replace(/\{[\d, ]+\}/g, ''), `${event.type}: ${sentence}`).not.toMatch(/[,:;]/);
  expect(sentence, `${event.type}: ${sentence}`).not.toMatch(/ [（），：；、。]|[（，：；、。] /u);
  // A space between Chinese and digits or Latin ("任期 4", "发送 RequestVote", "节点 1、2 和 4").
  expect(sentence, `${event.type}: ${sentence}`).not.toMatch(/\p{Script=Han}[\w.#]|[\w.#]\p{Script=Han}/u);
}

describe('explain, one event of every type', () => {
  it('has a sample of every event type', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(topicOf).sort());
  });

  for (const [event, sentence] of sampleEvents) {
    it(`${event.type}: English exactly as before, Chinese all Chinese`, () => {
      expect(explain(english, event)).toBe(sentence);
      expectChinese(event);
    });
  }

  it('reads the Chinese as a predicate after the node, with the terminology of docs/i18n.md', () => {
    const chineseOf = <T extends SimEventType>(type: T, index = 0) => explain(chinese, recorded(samples[type][index]![0]));
    expect(chineseOf('vote-refused', 2)).toBe('在任期 4 拒绝投票给节点 3：候选人的日志（最后条目任期 2，索引 7）落后于自己的（最后条目任期 3，索引 5）（§5.4.1）');
    expect(chineseOf('commit-held-back')).toBe('没有提交索引 6：该条目属于任期 2，不是当前任期 4（§5.4.2）；commitIndex 仍为 3');
    expect(chineseOf('became-leader')).toBe('赢得任期 4 的选举，获得了节点 1、2 和 4 的选票，达到多数派；其日志末尾索引为 9（§5.2）');
    expect(chineseOf('message-sent', 1)).toBe('在任期 4 向节点 2 发送 RequestVote 回复（同意投票）；这条消息会丢失：网络随机丢弃了它（丢包）');
  });
});

describe('explain, a real run in Chinese', () => {
  it('explains every event of a run with loss, crashes, partitions, cut links and snapshots', () => {
    const simulation = createSimulation({
      nodes: 5,
      seed: 5,
      raft: { snapshotThresholdEntries: 8 },
      network: { dropRatio: 0.08, duplicateRatio: 0.05, reorderRatio: 0.2 },
      eventLimit: 1_000_000,
    });
    simulation.configureWorkload({ proposeEveryTicks: 15, keys: 4 });
    for (let tick = 0; tick < 4_000; tick += 50) {
      simulation.advance(50);
      const leader = simulation.leader();
      const target = 1 + ((tick / 300) % 5);
      if (tick % 300 === 0 && simulation.isAlive(target)) simulation.put('z', String(tick), target);
      if (tick % 700 === 100 && leader !== null) simulation.crash(leader.id);
      if (tick % 700 === 400) for (const id of simulation.nodeIds) if (!simulation.isAlive(id)) simulation.restart(id);
      if (tick === 1_000) simulation.partition([[1, 2], [3, 4, 5]]);
      if (tick === 1_500) simulation.heal();
      if (tick === 1_800) simulation.cutLink(1, 3);
      if (tick === 2_000) simulation.restoreLink(1, 3);
      if (tick === 2_200 && leader !== null) simulation.isolate(leader.id);
      if (tick === 2_600) simulation.heal();
      if (tick === 3_000) simulation.configureNetwork({ dropRatio: 0.2 });
      if (tick === 3_500) simulation.configureWorkload({ proposeEveryTicks: 0 });
    }
    const events = simulation.events();
    const types = new Set(events.map((event) => event.type));
    // The run reaches nearly all of the vocabulary, the rare repair and snapshot paths included.
    const rare = ['vote-refused', 'election-lost', 'entries-truncated', 'append-rejected', 'next-index-backed-off', 'snapshot-sent', 'snapshot-installed', 'snapshot-ignored', 'state-restored'];
    for (const expected of [...rare, 'message-dropped', 'message-duplicated', 'partition-changed', 'link-cut', 'link-restored', 'network-configured', 'workload-configured']) {
      expect(types, expected).toContain(expected);
    }
    expect(types.size).toBeGreaterThan(35);
    for (const event of events) expectChinese(event);
  });
});

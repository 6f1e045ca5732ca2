/**
 * The event log and its explanations (English, the source catalogue).
 *
 * An explanation leaves out its subject, since the log's row already names the node: "refused vote
 * to node 3 in term 4: …". The numbers in explanations are indices, terms, ticks and small counts,
 * written without digit grouping as they always have been.
 */
import type { Topic } from '../../../core/index.ts';
import { paperName } from '../../../protocol/vocabulary.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

/** "1 entry", "3 entries" (the count ungrouped, as explanations always wrote it). */
const plural = (count: number, one: string, other: string): string => `${count} ${f.plural(count, { one, other })}`;
const logPosition = (lastTerm: number, lastIndex: number): string => `last term ${lastTerm}, index ${lastIndex}`;
const refusedVote = (candidate: number, term: number): string => `refused vote to node ${candidate} in term ${term}`;
const rejectedAppend = (leader: number): string => `rejected AppendEntries from node ${leader}`;
const backedOff = (p: NextIndexBackOff): string => `moved nextIndex for node ${p.follower} back from ${p.from} to ${p.to} after it rejected prevLogIndex ${p.rejectedIndex}`;
const commitMoved = (from: number, to: number): string => `commitIndex advanced from ${from} to ${to}`;
const accepted = (what: string, p: AppendAccepted): string =>
  `accepted ${what} from node ${p.leader}: log matches at index ${p.prevLogIndex} (term ${p.prevLogTerm}); agrees with the leader through index ${p.matchIndex} (§5.3)`;
const tally = (p: VoteTally): string => `${p.grantedCount} granted, ${p.refusedCount} refused, ${p.quorum} needed`;

interface LogPositions {
  readonly candidate: number;
  readonly term: number;
  readonly candidateLastIndex: number;
  readonly candidateLastTerm: number;
  readonly ownLastIndex: number;
  readonly ownLastTerm: number;
}
interface VoteTally {
  readonly voter: number;
  readonly term: number;
  readonly grantedCount: number;
  readonly refusedCount: number;
  readonly quorum: number;
}
interface AppendAccepted {
  readonly leader: number;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly matchIndex: number;
}
interface NextIndexBackOff {
  readonly follower: number;
  readonly from: number;
  readonly to: number;
  readonly rejectedIndex: number;
}
/** A phrase that stands for a number the event may lack ("?"). */
type Known = number | string;

export const events = {
  /** The panel around the log. */
  panel: 'Events',
  /** Compare: this run against the same run with one setting changed. */
  compare: {
    with: 'Compare with',
    changes: { 'fast-backup': 'fast backup switched', 'election-timeout': 'election timeout doubled', seed: 'the next seed', 'pre-vote': 'PreVote switched', 'check-quorum': 'CheckQuorum switched', batching: 'batching switched', pipelining: 'pipelining switched (1 or 16 appends in flight)' },
    compare: 'Compare',
    hint: 'Play this run again with one setting changed and find where their events first differ',
    running: 'Comparing…',
    same: (change: string, until: number) => `With ${change}, the run goes exactly the same way up to tick ${until}`,
    diverge: (change: string, tick: number) => `With ${change}, the runs first diverge at tick ${tick}.`,
    goTo: (tick: number) => `Go to tick ${tick}`,
    thisRun: (what: string) => `This run: ${what}`,
    otherRun: (what: string) => `The other: ${what}`,
    nothing: 'nothing more',
    cluster: 'the cluster',
    /** Both runs side by side at the tick on screen, node by node. */
    sideBySide: (tick: number) => `Side by side at tick ${tick}`,
    sideBySideHint: 'Show each node of both runs at the tick on screen',
    tableCaption: (change: string, tick: number) => `Both runs at tick ${tick}: this one and the one with ${change}`,
    node: 'Node',
    here: 'This run',
    there: (change: string) => `With ${change}`,
    crashed: (term: number) => `crashed (term ${term} on disk)`,
    brief: (role: string, term: number, commit: number, lastIndex: number) => `${role}, term ${term}, commit ${commit} of ${lastIndex}`,
    differs: 'differs',
    sameState: 'same',
  },
  /** Jumps through the run by what happened; the node filter below applies. */
  jump: {
    label: 'Jump to',
    kinds: { election: 'election', leader: 'leader change', commit: 'commit', term: 'term change', message: 'message' },
    messageType: 'Message type',
    anyMessage: 'any message',
    back: 'Jump back',
    ahead: 'Jump ahead',
    backHint: 'Go to the last time this happened before the tick on screen (on the node chosen below)',
    aheadHint: 'Run on to the next time this happens (on the node chosen below)',
    landed: (tick: number) => `At tick ${tick}`,
    noneBack: (what: string, node: number | null) => `No earlier ${what}${node === null ? '' : ` on node ${node}`}`,
    noneAhead: (what: string, node: number | null) => `No ${what}${node === null ? '' : ` on node ${node}`} in the next ticks`,
  },
  log: {
    label: 'Event log',
    heading: 'Events',
    list: 'Events',
    /** More events match than rows are drawn. */
    showingLast: (shown: number, matching: number) => `Showing the last ${shown} of ${matching} matching events`,
    matching: (count: number) => plural(count, 'event', 'events'),
    jumpToNewest: 'Jump to newest',
    seek: (tick: number) => `Seek to tick ${tick}`,
    /** The node column of a cluster-wide event (network, faults). */
    cluster: 'net',
  },
  filters: {
    topics: 'Topics',
    allTopics: 'All',
    node: 'Node',
    allNodes: 'All nodes',
    /** The RPC filter, shared with the space-time diagram: the chips are the paper's RPC names. */
    rpcs: 'Message types',
    allRpcs: 'All types',
  },
  /** What each topic code covers (the codes themselves are the same in every language). */
  topics: {
    VOTE: 'votes',
    LEAD: 'leadership',
    TERM: 'terms',
    TIMR: 'timers',
    LOG: 'log changes',
    CMIT: 'commits',
    APPL: 'applied entries',
    PERS: 'disk writes',
    SEND: 'messages sent',
    RECV: 'messages received',
    DROP: 'messages lost',
    SNAP: 'snapshots',
    CLNT: 'client requests',
    FAULT: 'faults',
  } satisfies Record<Topic, string>,
  /** The paper's name of each message (the RPC names stay English in every language). */
  rpc: { ...paperName },
  /** A leader's view of a follower's replication (Progress.state). */
  progressState: { probe: 'probe', replicate: 'replicate', snapshot: 'snapshot' },
  /** The arguments (requests) or results (replies) of an RPC, in Figure 2's field names. */
  rpcArguments: {
    vote: (p: { lastLogIndex: number; lastLogTerm: number }) => `lastLogIndex ${p.lastLogIndex}, lastLogTerm ${p.lastLogTerm}`,
    voteGranted: 'vote granted',
    voteRefused: 'vote refused',
    /** `carried` is noEntries or an index range. */
    append: (p: { prevLogIndex: number; prevLogTerm: number; leaderCommit: number }, carried: string) =>
      `prevLogIndex ${p.prevLogIndex}, prevLogTerm ${p.prevLogTerm}, ${carried}, leaderCommit ${p.leaderCommit}`,
    noEntries: 'no entries (heartbeat)',
    appendSucceeded: (matchIndex: number) => `success, matchIndex ${matchIndex}`,
    /** `hint` is empty or one of explain.hint. */
    appendRejected: (rejectedIndex: number, hint: string) => `rejected at prevLogIndex ${rejectedIndex}${hint}`,
    snapshot: (index: number, term: number, keys: number) => `snapshot through index ${index} (term ${term}), ${plural(keys, 'key', 'keys')}`,
    snapshotReply: (matchIndex: number) => `matchIndex ${matchIndex}`,
    timeoutNow: 'stand for election now (leadership transfer)',
  },
  /** One sentence per event type, without its subject. */
  explain: {
    termChanged: {
      election: (p: { to: number; from: number }) => `moved to term ${p.to} (was ${p.from}) to stand for election`,
      message: (p: { to: number; from: number }) => `moved to term ${p.to} (was ${p.from}): a message carried the higher term (§5.1)`,
      messageFrom: (p: { to: number; from: number }, sender: number) => `moved to term ${p.to} (was ${p.from}): a message from node ${sender} carried the higher term (§5.1)`,
    },
    electionTimeout: (p: { elapsed: number; timeout: number }) =>
      `election timer fired after ${p.elapsed} ticks (timeout ${p.timeout}) without word from a leader: starts an election (§5.2)`,
    heartbeatTimeout: (p: { elapsed: number }) => `heartbeat interval of ${p.elapsed} ticks passed: sends AppendEntries to every follower`,
    /** PreVote (thesis §9.6): the same election, asked for first without raising the term. */
    preVote: {
      started: (p: { term: number; electionTimeout: number }) =>
        `asked the others for pre-votes for term ${p.term}, keeping its term and vote until a majority would elect it (PreVote, §9.6); next election timeout ${p.electionTimeout} ticks`,
      granted: (p: { candidate: number; term: number }) => `granted a pre-vote to node ${p.candidate} for term ${p.term}: it could win; nothing changes here (PreVote)`,
      /** `reason` is debug.reasonName.*. */
      refused: (p: { candidate: number; term: number }, reason: string) => `refused node ${p.candidate} a pre-vote for term ${p.term}: ${reason} (PreVote)`,
      receivedGranted: (p: VoteTally) => `got a pre-vote from node ${p.voter} for term ${p.term} (${tally(p)})`,
      receivedRefused: (p: VoteTally) => `was refused a pre-vote by node ${p.voter} for term ${p.term} (${tally(p)})`,
      /** `refusers` is common.nodes(...). */
      lost: (p: { term: number; quorum: number }, refusers: string) => `will not stand for term ${p.term}: refused pre-votes by ${refusers}, so no majority of ${p.quorum}; its term stays as it was (PreVote)`,
    },
    becameCandidate: (p: { term: number; electionTimeout: number }) =>
      `became candidate in term ${p.term}, voted for itself and asked the others for votes; next election timeout ${p.electionTimeout} ticks (§5.2)`,
    /** `voters` is common.nodes(...). */
    becameLeader: (p: { term: number; lastIndex: number }, voters: string) => `won the election for term ${p.term} with votes from ${voters}, a majority; its log ends at index ${p.lastIndex} (§5.2)`,
    becameFollower: {
      /** `leader` is leaderKnown or leaderUnknown. */
      higherTerm: (term: number, leader: string) => `follows term ${term} now: saw a higher term (§5.1; ${leader})`,
      /** `role` is common.role.*. */
      steppedDown: (term: number, role: string, leader: string) => `stepped down from ${role} to follower in term ${term}: saw a higher term (§5.1; ${leader})`,
      leaderFound: (term: number, leader: Known) => `gave up its candidacy in term ${term}: node ${leader} won the election (§5.2)`,
      /** `heard` is common.nodes(...): the leader itself and the followers that answered. */
      checkQuorum: (term: number, heard: string) => `stepped down as leader of term ${term}: in the last election timeout it heard only from ${heard}, not a majority (CheckQuorum)`,
      removed: (term: number) => `stepped down as leader of term ${term}: the configuration that removes it has committed, so it leaves the cluster (thesis §4.2.2)`,
      leaderKnown: (leader: number) => `leader is node ${leader}`,
      leaderUnknown: 'leader not known yet',
    },
    voteGranted: (p: LogPositions) =>
      `granted vote to node ${p.candidate} in term ${p.term}: candidate's log (${logPosition(p.candidateLastTerm, p.candidateLastIndex)}) is at least as up to date as ours (${logPosition(p.ownLastTerm, p.ownLastIndex)}) (§5.4.1)`,
    /** The unsafe vote-without-log-check switch granted a vote §5.4.1 refuses. */
    voteGrantedUnchecked: (p: LogPositions) =>
      `granted vote to node ${p.candidate} in term ${p.term} without the up-to-date check: candidate's log (${logPosition(p.candidateLastTerm, p.candidateLastIndex)}) is behind ours (${logPosition(p.ownLastTerm, p.ownLastIndex)}); the unsafe switch drops §5.4.1`,
    voteRefused: {
      staleTerm: (p: { candidate: number; term: number; ownTerm: number }) => `${refusedVote(p.candidate, p.term)}: that term is older than ours (${p.ownTerm}) (§5.1)`,
      alreadyVoted: (p: { candidate: number; term: number }, votedFor: Known) =>
        `${refusedVote(p.candidate, p.term)}: already voted for node ${votedFor} in this term (one vote per term, §5.2)`,
      leaderKnown: (p: { candidate: number; term: number }) =>
        `ignored node ${p.candidate}'s RequestVote for term ${p.term}: it heard from its leader within the minimum election timeout (leader stickiness, CheckQuorum)`,
      justStarted: (p: { candidate: number; term: number }) =>
        `ignored node ${p.candidate}'s RequestVote for term ${p.term}: it started less than the minimum election timeout ago, so a leader's lease may still run (lease reads, §6.4.1)`,
      logNotUpToDate: (p: LogPositions) =>
        `${refusedVote(p.candidate, p.term)}: candidate's log (${logPosition(p.candidateLastTerm, p.candidateLastIndex)}) is behind ours (${logPosition(p.ownLastTerm, p.ownLastIndex)}) (§5.4.1)`,
    },
    voteReceived: {
      granted: (p: VoteTally) => `got a vote from node ${p.voter} in term ${p.term} (${tally(p)})`,
      refused: (p: VoteTally) => `was refused a vote by node ${p.voter} in term ${p.term} (${tally(p)})`,
    },
    /** `refusers` is common.nodes(...). */
    electionLost: (p: { term: number; quorum: number }, refusers: string) =>
      `lost the election for term ${p.term}: refused by ${refusers}, so a majority of ${p.quorum} is out of reach; waits for its timer to try again (§5.2)`,
    entriesAppended: {
      /** `range` is common.indexRange(...). */
      proposal: (range: string) => `appended ${range} to its own log as leader`,
      /** `command` is common.command(...). */
      proposalOne: (range: string, command: string) => `appended ${range} (${command}) to its own log as leader`,
      fromLeader: (range: string, prevTerm: number) => `appended ${range} from the leader, after an entry of term ${prevTerm}`,
    },
    entriesTruncated: (p: { conflictIndex: number; ownTerm: number; leader: number; leaderTerm: number }, range: string) =>
      `deleted ${range}: its entry at index ${p.conflictIndex} has term ${p.ownTerm} but leader node ${p.leader} has term ${p.leaderTerm} there, so it and everything after it go (§5.3)`,
    appendAccepted: {
      heartbeat: (p: AppendAccepted) => accepted('heartbeat', p),
      entries: (p: AppendAccepted, entries: number) => accepted(`AppendEntries with ${plural(entries, 'entry', 'entries')}`, p),
      /** The unsafe append-without-check switch accepted an append whose previous entry does not match. */
      unchecked: (p: AppendAccepted, ownTermAtPrev: number) =>
        `accepted node ${p.leader}'s AppendEntries without the consistency check: the leader's entry ${p.prevLogIndex} has term ${p.prevLogTerm}, ours has term ${ownTermAtPrev}; the unsafe switch drops §5.3's check`,
    },
    /** The fast-backup hint of a rejected append, which continues the sentence before it. */
    hint: {
      logTooShort: (conflictIndex: number) => `; hint: log too short, retry from index ${conflictIndex}`,
      conflictingTerm: (conflictTerm: number, conflictIndex: number) => `; hint: conflicting term ${conflictTerm} starts at index ${conflictIndex}`,
    },
    appendRejected: {
      staleTerm: (p: { leader: number; term: number; ownTerm: number }) => `${rejectedAppend(p.leader)}: its term ${p.term} is older than ours (${p.ownTerm}) (§5.1)`,
      /** `hint` is empty or one of hint.*. */
      logTooShort: (p: { leader: number; prevLogIndex: number; ownLastIndex: number }, hint: string) =>
        `${rejectedAppend(p.leader)}: no entry at prevLogIndex ${p.prevLogIndex}, our log ends at ${p.ownLastIndex} (§5.3)${hint}`,
      prevTermMismatch: (p: { leader: number; prevLogIndex: number; prevLogTerm: number }, ownTerm: Known, hint: string) =>
        `${rejectedAppend(p.leader)}: our entry at prevLogIndex ${p.prevLogIndex} has term ${ownTerm}, not ${p.prevLogTerm} (§5.3)${hint}`,
    },
    nextIndexBackedOff: {
      oneStep: (p: NextIndexBackOff) => `${backedOff(p)} (one step at a time, §5.3)`,
      /** `hint` is one of hint.*. */
      fastBackup: (p: NextIndexBackOff, hint: string) => `${backedOff(p)} (fast backup${hint}; §5.3)`,
    },
    /** `state` is progressState.*. */
    progressUpdated: (p: { follower: number; matchIndex: number; nextIndex: number }, state: string) =>
      `node ${p.follower} now agrees through index ${p.matchIndex} (matchIndex); nextIndex ${p.nextIndex}, ${state} mode`,
    commitAdvanced: {
      quorum: (p: { from: number; to: number; term: number }) => `${commitMoved(p.from, p.to)}: a majority stores index ${p.to}, an entry of the current term ${p.term} (§5.3, §5.4.2)`,
      /** The unsafe commit-by-counting switch committed an earlier term's entry. */
      counting: (p: { from: number; to: number; term: number }, entryTerm: Known) =>
        `${commitMoved(p.from, p.to)} by counting replicas: a majority stores index ${p.to}, but it is of term ${entryTerm}, not the current term ${p.term}; the unsafe switch drops §5.4.2`,
      leaderCommit: (p: { from: number; to: number }, leaderCommit: Known, lastNewIndex: Known) =>
        `${commitMoved(p.from, p.to)}: the leader's commit is ${leaderCommit} and its last new entry here is ${lastNewIndex} (the smaller of the two)`,
      snapshot: (p: { from: number; to: number }) => `${commitMoved(p.from, p.to)} by installing the leader's snapshot (§7)`,
    },
    commitHeldBack: (p: { quorumIndex: number; entryTerm: number; currentTerm: number; committed: number }) =>
      `did not commit index ${p.quorumIndex}: it is from term ${p.entryTerm}, not the current term ${p.currentTerm} (§5.4.2); commitIndex stays at ${p.committed}`,
    snapshotSent: (p: { index: number; term: number; follower: number; nextIndex: number; firstIndex: number }) =>
      `sent a snapshot through index ${p.index} (term ${p.term}) to node ${p.follower}: it needs index ${p.nextIndex}, but the log now starts at ${p.firstIndex} (§7)`,
    snapshotInstalled: (p: { leader: number; index: number; term: number; keptEntries: number; discardedEntries: number }) =>
      `installed node ${p.leader}'s snapshot through index ${p.index} (term ${p.term}); kept ${plural(p.keptEntries, 'later entry', 'later entries')}, discarded ${p.discardedEntries}`,
    snapshotIgnored: (p: { leader: number; index: number; committed: number }) => `ignored node ${p.leader}'s snapshot through index ${p.index}: already committed through ${p.committed} (§7)`,
    /** `command` is common.command(...). */
    proposalAccepted: (p: { index: number; term: number }, command: string) => `accepted client request "${command}" as entry ${p.index} in term ${p.term}`,
    proposalRefused: {
      /** `role` is common.role.*, `leader` is tryNode or noLeader. */
      refused: (command: string, role: string, leader: string) => `refused client request "${command}": it is a ${role}, not the leader (${leader}; §8)`,
      tryNode: (leader: number) => `try node ${leader}`,
      noLeader: 'no leader known',
      transferring: (command: string, target: number) => `refused client request "${command}": it is handing its leadership to node ${target} and takes no proposals meanwhile (try node ${target}; §3.10)`,
    },
    /** Leadership transfer (thesis §3.10). */
    transfer: {
      started: (p: { target: number; targetMatch: number; lastIndex: number }) =>
        p.targetMatch === p.lastIndex
          ? `began handing its leadership to node ${p.target}, whose log already holds every entry through ${p.lastIndex}; stops taking proposals (§3.10)`
          : `began handing its leadership to node ${p.target}: stops taking proposals and first brings its log from index ${p.targetMatch} up to ${p.lastIndex} (§3.10)`,
      /** `role` is common.role.*. */
      notLeader: (p: { target: number }, role: string, lead: number | null) =>
        `cannot hand leadership to node ${p.target}: it is a ${role}, not the leader${lead === null ? '' : ` (node ${lead} leads)`}`,
      self: (p: { target: number }) => `cannot hand leadership to node ${p.target}: it already leads`,
      notAPeer: (p: { target: number }) => `cannot hand leadership to node ${p.target}: not a member of its cluster`,
      timedOut: (p: { target: number; elapsed: number }) => `gave up handing its leadership to node ${p.target} after ${p.elapsed} ticks without it taking over; takes proposals again`,
      superseded: (p: { target: number }) => `stopped handing its leadership to node ${p.target}: asked to hand it to another node instead`,
      timeoutNowSent: (p: { target: number; matchIndex: number }) => `sent TimeoutNow to node ${p.target}: its log matches through index ${p.matchIndex}, the whole log, so it can win (§3.10)`,
      timeoutNowReceived: (p: { leader: number; term: number }) =>
        `got TimeoutNow from node ${p.leader}, leader of term ${p.term}: stands for election at once, without waiting for its timer or asking for pre-votes (§3.10)`,
    },
    /** Linearizable reads: ReadIndex and lease reads (thesis §6.4). */
    config: {
      /** `voters` and `learners` are common.nodes(...). */
      changed: (p: { index: number; cause: 'appended' | 'truncated' | 'snapshot' }, voters: string, learners: string) =>
        `${p.cause === 'appended' ? 'uses the configuration at index' : p.cause === 'truncated' ? 'went back to the configuration at index' : 'took the configuration in the snapshot, from index'} ${p.index} at once, committed or not: voters ${voters}, learners ${learners} (thesis §4.1)`,
      proposed: (p: { change: 'add' | 'promote' | 'remove'; target: number; index: number }) =>
        `appended configuration entry ${p.index}: ${p.change === 'add' ? `node ${p.target} joins as a learner, which gets the log but does not vote yet` : p.change === 'promote' ? `learner ${p.target} has caught up and becomes a voter` : `node ${p.target} is removed`} (one change at a time, thesis §4.1)`,
      refused: (p: { change: 'add' | 'promote' | 'remove'; target: number; reason: string; pendingIndex?: number }) =>
        `refused to ${p.change} node ${p.target}: ${p.reason === 'not-leader' ? 'only the leader changes the configuration' : p.reason === 'transferring' ? 'it is handing over its leadership' : p.reason === 'pending' ? `configuration entry ${p.pendingIndex ?? '?'} has not committed yet (one change at a time)` : p.reason === 'no-commit-in-term' ? 'it has not committed an entry of its own term yet' : p.reason === 'already-member' ? 'it is already a member' : p.reason === 'not-a-learner' ? 'it is not a learner' : p.reason === 'last-voter' ? 'it is the last voter' : 'it is not a member'}`,
    },
    read: {
      /** `role` is common.role.*, `leader` is proposalRefused.tryNode or noLeader. */
      refused: (p: { id: number }, role: string, leader: string) => `refused read ${p.id}: it is a ${role}, not the leader (${leader})`,
      awaitingCommit: (p: { id: number; committed: number }) =>
        `holds read ${p.id} until it commits an entry of its own term: its commitIndex ${p.committed} may lag behind what earlier leaders committed (§6.4)`,
      roundStarted: (p: { id: number; readIndex: number; round: number }) =>
        `took read ${p.id} at read index ${p.readIndex} (its commitIndex) and sent heartbeat round ${p.round} to confirm it still leads (ReadIndex, §6.4)`,
      /** `acks` is common.nodes(...). */
      confirmed: (p: { id: number; readIndex: number; round: number }, acks: string) =>
        `round ${p.round} confirmed by a majority (${acks}): no other leader can exist, so read ${p.id} is answered once index ${p.readIndex} is applied`,
      byLease: (p: { id: number; readIndex: number; leaseRemaining: number }) =>
        `answered read ${p.id} at read index ${p.readIndex} by lease, with no round: a majority confirmed it recently and ${p.leaseRemaining} ticks of the lease remain (§6.4.1)`,
      aborted: (ids: readonly number[]) =>
        ids.length === 1
          ? `stepped down before confirming read ${ids[0]}: it fails, and its client may ask the new leader`
          : `stepped down before confirming reads ${f.list(ids.map(String))}: they fail, and their clients may ask the new leader`,
      requested: (p: { id: number; key: string }) => `got read ${p.id}, a get of "${p.key}"`,
      requestedNowhere: (p: { id: number; key: string }) => `read ${p.id}, a get of "${p.key}", went nowhere: no node leads`,
      served: (p: { id: number; key: string; value: string | null; readIndex: number; applied: number }) =>
        `answered read ${p.id}: "${p.key}" ${p.value === null ? 'is not set' : `= "${p.value}"`}, its state machine applied through ${p.applied} ≥ read index ${p.readIndex}`,
    },
    /** What a node wrote to disk, or restarted from. */
    disk: {
      term: (term: number) => `term ${term}`,
      noVote: 'no vote',
      vote: (node: number) => `vote for node ${node}`,
      snapshot: (index: number) => `snapshot through ${index}`,
    },
    /** `parts` are disk.* and common.indexRange(...). */
    persisted: (parts: readonly string[]) => `wrote to disk: ${parts.join(', ')}`,
    applied: (p: { index: number; term: number }, command: string) => `applied entry ${p.index} (term ${p.term}) to its key-value state: ${command}`,
    snapshotTaken: (p: { index: number; term: number; entriesDropped: number }) =>
      `compacted its log: snapshot through index ${p.index} (term ${p.term}) replaces ${plural(p.entriesDropped, 'entry', 'entries')}`,
    stateRestored: (p: { snapshotIndex: number }) => `rebuilt its key-value state from the snapshot through index ${p.snapshotIndex}`,
    messageSent: {
      /** `rpc` is rpc.*, `args` is rpcArguments.*. */
      due: (p: { to: number; term: number }, rpc: string, args: string, deliverTick: number) => `sent ${rpc} to node ${p.to} in term ${p.term} (${args}); due at tick ${deliverTick}`,
      /** `reason` is common.dropReason.*. */
      lost: (p: { to: number; term: number }, rpc: string, args: string, reason: string) => `sent ${rpc} to node ${p.to} in term ${p.term} (${args}); it will be lost: ${reason}`,
    },
    messageDuplicated: (p: { copyOf: number; id: number; deliverTick: number }, rpc: string, to: number) =>
      `the network duplicated message #${p.copyOf} (${rpc} to node ${to}) as #${p.id}, due at tick ${p.deliverTick}`,
    manualDelivery: {
      on: (waiting: number) => `manual delivery on: messages wait in the network until delivered by hand (${plural(waiting, 'message waits', 'messages wait')} now)`,
      off: 'manual delivery off: messages arrive by themselves again',
    },
    /** The liveness watch (a healthy cluster that makes no progress). */
    livenessStalled: {
      noLeader: (ticks: number) => `liveness watch: no leader for ${ticks} ticks while a majority could talk`,
      commitStalled: (ticks: number, term: Known, index: Known) =>
        `liveness watch: as leader of term ${term}, held entries through index ${index} on a majority for ${ticks} ticks without committing them: none of its own term is among them (§5.4.2)`,
    },
    runHalted: (reason: string) => `the run stopped: the broken Raft reached a state Raftlab cannot go on from (${reason}); nothing more happens`,
    timersFrozen: { on: 'timers frozen: no node times out or sends a heartbeat until they run again', off: 'timers run again' },
    messageDelayed: (p: { id: number; by: number; deliverTick: number }, rpc: string, to: number) =>
      `message #${p.id} (${rpc} to node ${to}) held back by hand for ${plural(p.by, 'tick', 'ticks')}: it now arrives at tick ${p.deliverTick}`,
    messageDelivered: (p: { from: number; term: number }, rpc: string, args: string, sentTick: number) =>
      `received ${rpc} from node ${p.from} in term ${p.term}, sent at tick ${sentTick} (${args})`,
    messageDropped: (p: { from: number; to: number }, rpc: string, sentTick: number, reason: string) =>
      `${rpc} from node ${p.from} to node ${p.to} (sent at tick ${sentTick}) was lost: ${reason}`,
    nodeAdded: 'started as a new server: an empty disk and no configuration; it waits for the leader to send it the log (thesis §4.2.1)',
    nodeRemoved: 'left the cluster: its removal is committed and applied, so it is shut down for good (thesis §4.2.2)',
    nodeCrashed: 'crashed: its volatile state is gone; the disk keeps term, vote, snapshot and log',
    /** `vote` is disk.noVote or disk.vote(...). */
    nodeRestarted: (p: { term: number; snapshotIndex: number; lastIndex: number }, vote: string) =>
      `restarted from disk: term ${p.term}, ${vote}, snapshot through ${p.snapshotIndex}, log through index ${p.lastIndex}`,
    partitionChanged: {
      /** `groups` is common.groups(...). */
      whole: (groups: string) => `network whole again: ${groups}`,
      split: (count: number, groups: string) => `network split into ${count} groups that cannot reach each other: ${groups}`,
    },
    linkCut: (p: { from: number; to: number }) => `cut the link from node ${p.from} to node ${p.to}: messages that way are lost`,
    linkRestored: (p: { from: number; to: number }) => `restored the link from node ${p.from} to node ${p.to}`,
    networkHealed: 'healed the network: partitions removed and every link restored',
    networkConfigured: (c: { delayTicksMin: number; delayTicksMax: number; dropRatio: number; duplicateRatio: number; reorderRatio: number }) =>
      `network settings changed: latency ${c.delayTicksMin}-${c.delayTicksMax} ticks, loss ${c.dropRatio}, duplicates ${c.duplicateRatio}, reorder ${c.reorderRatio}`,
    /** A timer set by hand (Set timer, Align timers, Spread timers). */
    timerSet: {
      set: (p: { firesIn: number; firesAt: number }) => `election timer set by hand: fires in ${plural(p.firesIn, 'tick', 'ticks')}, at tick ${p.firesAt}`,
      align: (p: { firesIn: number; firesAt: number }) => `election timer aligned with other nodes by hand: fires in ${plural(p.firesIn, 'tick', 'ticks')}, at tick ${p.firesAt}`,
      spread: (p: { firesIn: number; firesAt: number }) => `election timer set apart from the others by hand: fires in ${plural(p.firesIn, 'tick', 'ticks')}, at tick ${p.firesAt}`,
    },
    workloadConfigured: {
      stopped: 'client load stopped',
      running: (every: number, keys: number) => `client load: a put to the leader every ${every} ticks, over ${plural(keys, 'key', 'keys')}`,
    },
  },
};

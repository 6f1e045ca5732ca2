/**
 * The "Why?" panel (the decisions behind the selected node or message) and Figure 2 as a live
 * reference (English, the source catalogue). The rules follow the wording of the paper's Figure 2,
 * with its section numbers; Figure 2's field names stay English in every language.
 */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

const times = (count: number): string => `${count} ${f.plural(count, { one: 'time', other: 'times' })}`;

export const figure2 = {
  /** The "Why?" panel. */
  why: {
    name: 'Why?',
    heading: 'Why?',
    hint: 'Select a node or a message to see the decisions behind it, in words, with the paper’s section.',
    nodeHeading: (node: number) => `Node ${node}: its latest decisions`,
    messageHeading: (id: number) => `Message #${id}`,
    list: 'Decisions',
    noneNode: 'No decision of this node among the recent events yet.',
    noneMessage: 'No event about this message among the recent events.',
    /** `text` is an event's explanation, which leaves out its subject. */
    item: (node: number, text: string) => `Node ${node} ${text}`,
    /** An event about the whole cluster. */
    clusterItem: (text: string) => `Cluster: ${text}`,
    /** The receiver's decision on delivering the message, before its explanation. */
    onDelivery: 'On delivery',
    seek: (tick: number) => `Go to tick ${tick}`,
  },
  /** Figure 2 as a live reference. */
  name: 'Figure 2',
  summary: 'Figure 2: the rules of Raft',
  intro: 'The rules of the paper’s Figure 2. The rule the latest event on screen exercised is marked; each rule links to the latest event that exercised it.',
  groups: {
    allServers: 'Rules for all servers',
    followers: 'Followers (§5.2)',
    candidates: 'Candidates (§5.2)',
    leaders: 'Leaders',
    requestVote: 'RequestVote RPC: receiver implementation',
    appendEntries: 'AppendEntries RPC: receiver implementation',
  },
  rules: {
    allServers: [
      'If commitIndex > lastApplied: increment lastApplied, apply log[lastApplied] to the state machine (§5.3)',
      'If an RPC request or response contains term T > currentTerm: set currentTerm = T, convert to follower (§5.1)',
    ],
    followers: [
      'Respond to RPCs from candidates and leaders',
      'If the election timeout elapses without receiving AppendEntries from the current leader or granting a vote to a candidate: convert to candidate',
    ],
    candidates: [
      'On conversion to candidate, start an election: increment currentTerm, vote for self, reset the election timer, send RequestVote RPCs to all other servers',
      'If votes are received from a majority of servers: become leader',
      'If AppendEntries is received from a new leader: convert to follower',
      'If the election timeout elapses: start a new election',
    ],
    leaders: [
      'Upon election: send initial empty AppendEntries RPCs (heartbeat) to each server; repeat during idle periods to prevent election timeouts (§5.2)',
      'If a command is received from a client: append the entry to the local log, respond after the entry is applied to the state machine (§5.3)',
      'If last log index ≥ nextIndex for a follower: send AppendEntries with the log entries starting at nextIndex; if successful, update nextIndex and matchIndex for the follower; if it fails because of log inconsistency, decrement nextIndex and retry (§5.3)',
      'If there exists an N such that N > commitIndex, a majority of matchIndex[i] ≥ N, and log[N].term == currentTerm: set commitIndex = N (§5.3, §5.4)',
    ],
    requestVote: [
      'Reply false if term < currentTerm (§5.1)',
      'If votedFor is null or candidateId, and the candidate’s log is at least as up to date as the receiver’s log, grant the vote (§5.2, §5.4)',
    ],
    appendEntries: [
      'Reply false if term < currentTerm (§5.1)',
      'Reply false if the log does not contain an entry at prevLogIndex whose term matches prevLogTerm (§5.3)',
      'If an existing entry conflicts with a new one (same index but different terms), delete the existing entry and all that follow it (§5.3)',
      'Append any new entries not already in the log',
      'If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry)',
    ],
  },
  /** The rule exercised by the latest event on screen. */
  current: 'exercised now',
  /** How many of the recent events exercised the rule. */
  uses: (count: number) => (count === 0 ? 'not exercised by the recent events' : `exercised ${times(count)} recently`),
  /** The button to the latest event that exercised the rule. */
  latest: (tick: number) => `latest: tick ${tick}`,
  latestLabel: (group: string, number: number, tick: number) => `${group}, rule ${number}: go to the latest event that exercised it, at tick ${tick}`,
};

/** The cluster area's messages (English, the source catalogue). */
import type { DropReason, RemoteMessage } from '../../../core/index.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const cluster = {
  panel: {
    name: 'Cluster view',
    starting: 'Starting the simulation…',
    legendToggle: 'Legend',
  },
  /** The graph's accessible name. */
  graph: 'Cluster',
  /** A term as a label: "term 4". */
  term: (term: number) => `term ${term}`,
  node: {
    /** Exactly "Node 3, leader, term 4"; a crashed node adds ", crashed". */
    name: (id: number, role: string, term: number, crashed: boolean) => `Node ${id}, ${role}, term ${term}${crashed ? ', crashed' : ''}`,
    /** The role badge in the circle, and the role mark of the compact label. */
    badge: { follower: 'F', candidate: 'C', leader: 'L' },
    voted: (node: number) => `voted ${node}`,
    noVote: 'no vote',
    /** The one-line label where three lines do not fit: "C t3 v3" (candidate, term 3, voted for 3). */
    compact: (mark: string, term: number, vote: number | null) => `${mark} t${term} v${vote ?? '–'}`,
    leaderKnown: (id: number) => `leader known: ${id}`,
    votes: (granted: readonly number[], refused: readonly number[]) => `votes granted: ${granted.join(', ') || 'none'}; refused: ${refused.join(', ') || 'none'}`,
    electionTimer: (elapsed: number, total: number) => `election timer ${elapsed}/${total} ticks`,
    heartbeatTimer: (elapsed: number, total: number) => `heartbeat timer ${elapsed}/${total} ticks`,
    crashedAt: (tick: number) => `crashed at tick ${tick}`,
    log: (last: number, committed: number) => `log: last ${last}, committed ${committed}`,
  },
  message: {
    /** "MsgApp from 1 to 3, term 2", then the details that matter at a glance. */
    name: (type: string, from: number, to: number, term: number, details: readonly string[]) => [`${type} from ${from} to ${to}, term ${term}`, ...details].join(', '),
    granted: 'granted',
    refused: 'refused',
    success: 'success',
    rejected: 'rejected',
    heartbeat: 'heartbeat',
    entries: (count: number) => `${count} ${f.plural(count, { one: 'entry', other: 'entries' })}`,
    duplicate: 'duplicate',
    lost: 'lost',
    /** The hover text's first line: the core's canonical summary (other languages word the message themselves). */
    summary: (id: number, canonical: string, _message: RemoteMessage | null) => `#${id} ${canonical}`,
    duplicateOf: (id: number) => `duplicate of message #${id}`,
    willBeLost: (reason: DropReason) => `will be lost (${reason})`,
    /** How many messages wait on one link for manual delivery, written by its queue. */
    waiting: (count: number) => `${count} waiting`,
    notDrawn: (count: number) => `${count} more messages in flight not drawn`,
  },
  partition: {
    /** "Partition A". */
    label: (letter: string) => `Partition ${letter}`,
    /** "Partition B: nodes 3, 4, 5 (a majority of 5)". */
    description: (label: string, members: readonly number[], hasMajority: boolean, nodeCount: number) =>
      `${label}: nodes ${members.join(', ')} (${hasMajority ? 'a majority' : 'no majority'} of ${nodeCount})`,
  },
  cutLink: {
    name: (from: number, to: number) => `Link ${from} to ${to} cut`,
    title: (from: number, to: number) => `Link ${from} → ${to} cut: messages from ${from} to ${to} are lost`,
  },
  /** A candidate's mark for one voter's answer (hover text). */
  voteMark: {
    pending: (voter: number) => `Node ${voter}: no answer yet`,
    granted: (voter: number) => `Node ${voter}: granted`,
    refused: (voter: number) => `Node ${voter}: refused`,
  },
  legend: {
    name: 'Legend',
    colour: 'Colour = term',
    noTerm: 'no term yet (grey)',
    nodes: 'Nodes',
    follower: 'F follower: thin outline',
    candidate: 'C candidate: dashed outline',
    leader: 'L leader: bold outline',
    crashed: 'crashed: grey, crossed out',
    timer: "ring: time left on the election timer (a leader's: until its next heartbeat)",
    labels: 'Beside each node: its role, term and vote. Where many nodes share a small view, one line: “F t3 v7” is a follower in term 3 that voted for node 7.',
    membership: 'Membership change: “learner” gets the log but neither votes nor counts yet; “not a member” is outside its own configuration (a new server the leader has not reached, or one being removed).',
    messages: 'Messages',
    shapes: '◆ RequestVote, ● AppendEntries (small: heartbeat), ■ InstallSnapshot, ▲ TimeoutNow; filled: request',
    reply: 'outlined: reply; ✓ granted or accepted',
    refused: '✗ refused or rejected',
    duplicate: 'dashed halo: a duplicate the network made',
    lost: 'fading half-way: lost (loss, partition, cut link or crashed receiver)',
    votes: "A candidate's votes",
    voteGranted: 'dot: vote granted',
    voteRefused: 'cross: vote refused',
    votePending: 'ring: no answer yet',
  },
};

/** The details area's messages (English, the source catalogue). */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

const count = (value: number, one: string, other: string) => `${value} ${f.plural(value, { one, other })}`;

export const details = {
  /** The panel's accessible name and, with nothing selected, its heading. */
  name: 'Inspector',
  /** `keys`: the number keys that select nodes, "1–5". */
  hint: (keys: string) => `Click a node (or press ${keys}) to see its state and crash or restart it; click a message in flight to see its fields.`,
  node: {
    crashedAt: (tick: number | null) => `crashed at tick ${tick ?? '?'}`,
    isolated: 'isolated',
    crash: 'Crash',
    restart: 'Restart',
    isolate: 'Isolate',
    rejoin: 'Rejoin',
    /** Hands the leader's leadership to this node (thesis §3.10). */
    transfer: 'Transfer leadership',
    transferHelp: (leader: number) => `Node ${leader}, the leader, brings this node's log up to date, then tells it to stand at once (TimeoutNow); it takes no proposals meanwhile (§3.10)`,
    transferNoLeader: 'There is no leader to hand over from right now',
    /** On the leader: `left` ticks before it gives up. */
    /** Lease reads: `left` ticks of lease on the leader's clock, 0 when it holds none. */
    lease: (left: number) =>
      left === 0 ? 'Lease reads: no lease now; each get waits for a heartbeat round' : `Lease reads: gets answered without a round for ${f.count(left)} more ${f.plural(left, { one: 'tick', other: 'ticks' })}`,
    transferring: (target: number, left: number) => `Handing leadership to node ${target}: no proposals until it takes over; gives up in ${f.count(left)} ${f.plural(left, { one: 'tick', other: 'ticks' })}`,
    /** On the target. */
    transferTarget: (leader: number) => `Node ${leader}, the leader, is handing its leadership to this node`,
    /** Membership change: the leader removes this node from the configuration (thesis §4.2). */
    remove: 'Remove node',
    removeHelp: (leader: number | null) =>
      leader === null ? 'There is no leader to remove it right now' : `Node ${leader}, the leader, appends a configuration without this node; once that is committed and applied, the node shuts down for good (thesis §4.2)`,
    removedAt: (tick: number) => `removed at tick ${tick}`,
    removed: 'This node left the cluster: its removal was committed and applied, so it is shut down for good.',
  },
  persistent: {
    name: 'Persistent state',
    heading: (alive: boolean) => `Persistent state ${alive ? '' : '(on disk)'}`,
    currentTermHelp: 'Latest term this node has seen (§5.1)',
    votedForHelp: 'Candidate this node voted for in currentTerm (§5.2)',
    none: 'none',
    log: 'log',
    logHelp: 'Last log index, and how many entries sit after the snapshot',
    logValue: (lastIndex: number, kept: number, afterSnapshot: boolean) =>
      `last index ${lastIndex} (${count(kept, 'entry', 'entries')}${afterSnapshot ? ' after the snapshot' : ' in memory'})`,
    snapshot: 'snapshot',
    snapshotHelp: 'Compacted prefix of the log (§7)',
    snapshotValue: (index: number, term: number) => `through index ${index}, term ${term}`,
    disk: 'disk',
    diskHelp: 'What the virtual disk holds right now',
    diskValue: (term: number, vote: number | null, lastIndex: number, writes: number) =>
      `term ${term}, vote ${vote === null ? 'none' : vote}, log through ${lastIndex}, ${count(writes, 'write', 'writes')}`,
  },
  volatile: {
    name: 'Volatile state',
    role: 'role',
    leader: 'leader',
    leaderHelp: 'The leader this node currently follows',
    unknown: 'unknown',
    commitIndexHelp: 'Highest log index known to be committed',
    lastAppliedHelp: 'Highest log index applied to the key-value state',
    stabled: 'on disk through',
    stabledHelp: 'Entries after this index are not yet durable (stabled)',
    configuration: 'configuration',
    configurationNone: 'none yet: a new server waits for the leader to send it the log',
    configurationHelp: 'The latest configuration in its log, committed or not: a server uses it at once (thesis §4.1)',
    /** `voters` and `learners` are common.groups of one group; learners null when there are none. */
    configurationValue: (voters: string, learners: string | null, index: number) =>
      `voters ${voters}${learners === null ? '' : `, learners ${learners}`}${index === 0 ? ' (the initial one)' : ` (entry ${index})`}`,
    lost: 'Lost in the crash: a restarted node rebuilds it from its disk and from the leader.',
  },
  timers: {
    name: 'Timers',
    heartbeat: 'Heartbeat timer',
    election: 'Election timer',
    value: (elapsed: number, limit: number) => `${elapsed} / ${limit} ticks`,
    left: (ticks: number) => `fires in ${ticks} ${ticks === 1 ? 'tick' : 'ticks'}`,
    timeoutNow: 'Time out now',
    timeoutNowHint: 'Fire the election timer now: the node becomes a candidate of the next term',
    ticksLeft: 'Ticks left',
    setTimer: 'Set timer',
    setTimerHint: 'Make the election timer fire in this many ticks',
  },
  votes: {
    name: 'Votes',
    heading: (term: number) => `Votes received in term ${term}`,
    granted: (voter: number) => `node ${voter}: granted`,
    refused: (voter: number) => `node ${voter}: refused`,
  },
  progress: {
    caption: (leader: number) => `Leader ${leader}'s progress per follower`,
    follower: 'Follower',
    behind: 'Behind',
    mode: 'Mode',
    paused: 'Paused',
    inFlight: 'In flight',
    yes: 'yes',
    no: 'no',
    /** The leader's way of sending to a follower (etcd/TinyKV's progress states). */
    state: { probe: 'probe', replicate: 'replicate', snapshot: 'snapshot' },
    stateHelp: {
      probe: 'probe: one AppendEntries at a time until the logs meet',
      replicate: 'replicate: streaming entries without waiting',
      snapshot: 'snapshot: an InstallSnapshot is outstanding',
    },
  },
  kv: {
    empty: (node: number) => `Node ${node}'s key-value state is empty.`,
    caption: (node: number) => `Key-value state of node ${node}`,
    key: 'Key',
    value: 'Value',
    more: (count: number) => `and ${count} more keys`,
  },
  message: {
    term: 'term',
    ends: 'from → to',
    sentAt: 'sent at tick',
    delivery: 'delivery tick',
    /** After the delivery tick: "(in 3 ticks)", with its leading space. */
    deliveryIn: (ticks: number) => ` (in ${ticks} ticks)`,
    fate: 'fate',
    /** A debugger's hands on the message. */
    controls: {
      deliverNow: 'Deliver now',
      deliverNowHint: 'The receiver gets it at this tick, ahead of its latency',
      drop: 'Drop',
      dropHint: 'Lose it now: it never arrives',
      duplicate: 'Duplicate',
      duplicateHint: 'Send it twice: the copy arrives a tick after it',
      delayBy: 'Delay by (ticks)',
      delay: 'Delay',
      delayHint: 'Hold it back this many ticks more',
    },
    inFlight: 'in flight',
    willBeLost: (reason: string) => `will be lost: ${reason}`,
    duplicateOf: 'duplicate of',
    duplicateValue: (id: number) => `message #${id}`,
    results: 'Results',
    arguments: 'Arguments',
    granted: 'granted',
    refused: 'refused',
    noEntries: 'none (heartbeat)',
    keys: (count: number) => `${count} keys`,
    yes: 'yes',
    no: 'no',
    rejectedIndex: 'rejected prevLogIndex',
    hint: 'conflict hint',
    noHint: 'none (fast backup off, or stale term)',
    hintShort: (index: number) => `log too short: retry from index ${index}`,
    hintConflict: (term: number, index: number) => `conflicting term ${term}, first index ${index}`,
    entry: (index: number, term: number, command: string) => `index ${index}, term ${term}, ${command}`,
    moreEntries: (count: number) => `and ${count} more`,
  },
};

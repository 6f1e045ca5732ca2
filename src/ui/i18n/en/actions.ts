/** The actions area's messages: the client form, the steady load, the fault panel, and what each action did (English, the source catalogue). */
import type { Command, NodeId, Role } from '../../../core/index.ts';
import { makeFormat } from '../format.ts';
import { common } from './common.ts';

const f = makeFormat('en');

type Groups = readonly (readonly NodeId[])[];
type Links = readonly { readonly from: NodeId; readonly to: NodeId }[];

/** The network as the settings form words it: latency in ticks, the ratios already as percent ("12.5"). */
export interface NetworkWords {
  readonly latencyMin: number;
  readonly latencyMax: number;
  readonly loss: string;
  readonly duplicates: string;
  readonly reorder: string;
}

export const actions = {
  /** The accessible name of the area holding the client form, the load control and the faults. */
  region: 'Client and faults',
  client: {
    heading: 'Client request',
    operation: 'Operation',
    /** The key-value store's operations, as the select lists them. */
    put: 'put',
    delete: 'delete',
    key: 'Key',
    value: 'Value',
    sendTo: 'Send to',
    leader: 'Leader',
    send: 'Send request',
    /** A linearizable read of the key (ReadIndex, or a lease read). */
    get: 'Get',
    reads: 'Reads',
    read: {
      head: (id: number, key: string, node: NodeId | null) => `Read ${id}: get ${key}${node === null ? '' : ` at node ${node}`}`,
      nowhere: 'not sent, no leader',
      refused: (lead: NodeId | null) => `refused, not the leader${lead === null ? '' : ` (node ${lead} leads)`}`,
      awaitingCommit: 'waits for the leader to commit an entry of its term',
      confirming: (round: number, readIndex: number) => `round ${round} out to confirm the leadership (read index ${readIndex})`,
      /** `acks` is common.nodes(...). */
      confirmed: (round: number, acks: string) => `round ${round} confirmed by ${acks}`,
      byLease: 'by lease, no round',
      applying: (readIndex: number) => `waits to apply index ${readIndex}`,
      value: (key: string, value: string | null) => (value === null ? `${key} is not set` : `${key} = "${value}"`),
      failed: { 'stepped-down': 'failed, the leader stepped down first', crashed: 'failed, the node crashed' },
    },
    enterKey: 'Enter a key.',
    tooLong: (max: number) => `Keys and values are at most ${max} characters.`,
  },
  load: {
    label: 'Steady client load',
    off: 'Off',
    /** Not grouped, as the select always listed it: "A put every 1000 ticks". */
    every: (ticks: number) => `A put every ${ticks} ticks`,
  },
  /** Membership change (thesis ch. 4): Add node here, Remove node in the inspector. */
  membership: {
    heading: 'Membership',
    add: 'Add node',
    addHelp: 'The leader adds a new server as a learner: it gets the log (through a snapshot if need be) but does not vote until it has caught up, then the leader makes it a voter. One change at a time.',
    /** `voters` and `learners` are common.groups of one group. */
    configuration: (voters: string, learners: string | null) => `Voters ${voters}${learners === null ? '' : `; learners ${learners}`}`,
    pending: (index: number) => `The change at index ${index} is not committed yet: the leader takes no other until it is.`,
    noLeader: 'No leader right now: a change waits for one.',
    removeHint: 'To remove a node, select it and press Remove node in the inspector.',
    full: (max: number) => `The screen shows at most ${max} nodes.`,
  },
  delivery: {
    heading: 'Delivery',
    manual: 'Manual delivery',
    freeze: 'Freeze timers',
    next: 'Deliver next',
    nextHint: 'The first waiting message, in the network’s own order, arrives now',
    all: 'Deliver all',
    allHint: 'Every waiting message sent before this tick arrives now, in the network’s order',
    none: 'No message is waiting.',
    queue: 'Waiting messages',
    lost: ' (lost on arrival)',
    deliver: 'Deliver',
    drop: 'Drop',
    duplicate: 'Duplicate',
    deliverOne: (name: string) => `Deliver ${name}`,
    dropOne: (name: string) => `Drop ${name}`,
    duplicateOne: (name: string) => `Duplicate ${name}`,
  },
  timers: {
    heading: 'Election timers',
    hint: 'Make an election go one way on purpose. A leader resets its followers’ timers with every heartbeat: crash it first.',
    alignLegend: 'Nodes to time out together',
    align: 'Align timers',
    alignHint: 'The chosen nodes time out on the same tick, before every other node: they stand at once and split the vote',
    firstLabel: 'First to time out',
    spread: 'Spread timers',
    spreadHint: 'This node times out well before every other: one candidate, a clean election',
  },
  faults: {
    heading: 'Network faults',
    oneNode: 'One node: there is no network to split or cut.',
    /** The network now: "Now: partitioned {1, 2} | {3}; cut links 1→3, 2→3", "Now: one network". */
    now: (groups: Groups, cutLinks: Links) =>
      `Now: ${groups.length > 1 ? `partitioned ${common.groups(groups)}` : 'one network'}${cutLinks.length > 0 ? `; cut links ${cutLinks.map((link) => `${link.from}→${link.to}`).join(', ')}` : ''}`,
    partition: 'Partition',
    /** The split the picked nodes would make. */
    groups: (groups: Groups) => `Groups: ${common.groups(groups)}`,
    pick: 'Pick the nodes of one side; the rest form the other.',
    split: 'Partition selected',
    link: 'Single link',
    from: 'From',
    to: 'To',
    bothWays: 'Both directions',
    sameNode: 'Pick two different nodes.',
    cut: 'Cut link',
    restore: 'Restore link',
    heal: 'Heal network',
  },
  /**
   * What each action did, one message per action type (the core's sentences, core/sim/actions.ts,
   * word for word), and a rejected action's detail (the core's, in English) framed.
   */
  outcome: {
    crash: (node: NodeId) => `Node ${node} crashed: only what it wrote to disk survives`,
    restart: (node: NodeId) => `Node ${node} restarted from its disk as a follower`,
    campaign: (node: NodeId) => `Node ${node} starts an election`,
    membershipNoLeader: (kind: 'add' | 'remove', node: NodeId) => `No leader right now: nobody to ${kind} node ${node}. Wait for an election to finish.`,
    /** `refusal` is events.explain.config.refused. */
    membershipRefused: (leader: NodeId, refusal: string) => `Node ${leader} ${refusal}`,
    /** `voters` and `learners` are common.groups of one group; learners null when there are none. */
    membershipAppended: (leader: NodeId, kind: 'add' | 'remove', node: NodeId, index: number, voters: string, learners: string | null) =>
      `Node ${leader} (leader) appended the change at index ${index}: ${kind === 'add' ? `node ${node} joins as a learner and becomes a voter once it has caught up` : `node ${node} leaves the cluster and shuts down once the change is applied`}; voters ${voters}${learners === null ? '' : `, learners ${learners}`}`,
    transferLeadership: (node: NodeId) => `The leader hands its leadership to node ${node}: it takes no proposals until node ${node} has caught up and is told to stand (TimeoutNow)`,
    setTimer: (node: NodeId, ticks: number, firesAt: number) => `Node ${node}'s election timer fires in ${ticks} ${f.plural(ticks, { one: 'tick', other: 'ticks' })}, at tick ${firesAt}`,
    /** `othersAt` is null when no other node has a timer. */
    alignTimers: (nodes: readonly NodeId[], firesAt: number, othersAt: number | null) =>
      `Nodes ${f.list(nodes.map(String))} time out together at tick ${firesAt}${othersAt === null ? '' : `; the others not before tick ${othersAt}`}`,
    dropMessage: (id: number) => `Message #${id} dropped: it never arrives`,
    duplicateMessage: (id: number) => `Message #${id} duplicated: a copy arrives a tick after it`,
    delayMessage: (id: number, ticks: number) => `Message #${id} held back ${ticks} ${f.plural(ticks, { one: 'tick', other: 'ticks' })} more`,
    deliverMessage: (id: number) => `Message #${id} delivered now`,
    manualOn: 'Manual delivery on: messages wait until you deliver them',
    manualOff: 'Manual delivery off: messages arrive by themselves',
    frozen: 'Timers frozen',
    unfrozen: 'Timers run again',
    deliveredNext: 'Delivered the next waiting message',
    deliveredAll: 'Delivered every waiting message sent before this tick',
    spreadTimers: (node: NodeId, firesAt: number, othersAt: number | null) => `Node ${node} times out first, at tick ${firesAt}${othersAt === null ? '' : `; the others not before tick ${othersAt}`}`,
    partition: (groups: Groups) => `Network split: ${common.groups(groups)}`,
    isolate: (node: NodeId, groups: Groups) => `Node ${node} isolated: ${common.groups(groups)}`,
    rejoin: (node: NodeId, groups: Groups) => `Node ${node} rejoined: ${common.groups(groups)}`,
    cutLink: (from: NodeId, to: NodeId, bothWays: boolean) => `Link ${from}${bothWays ? '↔' : '→'}${to} cut`,
    restoreLink: (from: NodeId, to: NodeId, bothWays: boolean) => `Link ${from}${bothWays ? '↔' : '→'}${to} restored`,
    heal: 'Network healed: every node can reach every other',
    /** The network in the settings form's units: "latency 10-30 ticks, loss 12.5%, duplicates 0%, reorder 0%". */
    networkConfig: (network: NetworkWords) =>
      `latency ${network.latencyMin}-${network.latencyMax} ticks, loss ${network.loss}%, duplicates ${network.duplicates}%, reorder ${network.reorder}%`,
    network: (config: string) => `Network set to ${config}`,
    workload: (everyTicks: number) => (everyTicks === 0 ? 'Client load stopped' : `Client load: a put to the leader every ${everyTicks} ticks`),
    noLeader: 'No leader right now: the proposal was not sent. Wait for an election to finish.',
    appended: (node: NodeId, term: number, command: Command, index: number) =>
      `Node ${node} (leader, term ${term}) appended ${common.command(command)} at index ${index}; it commits once a majority stores it`,
    /** A node that is not the leader refused the proposal; `leaderHint` is the leader it knows. */
    refused: (node: NodeId, role: Role | 'crashed', leaderHint: NodeId | null) =>
      `Node ${node} is a ${role}: not leader, ${leaderHint === null ? 'no leader known' : `leader is node ${leaderHint}`}`,
    getNowhere: 'No leader right now: the get was not sent. Wait for an election to finish.',
    getRefused: (node: NodeId, key: string, leaderHint: NodeId | null) =>
      `Node ${node} is not leader: it refused the get of ${key}, ${leaderHint === null ? 'no leader known' : `leader is node ${leaderHint}`}`,
    getSent: (node: NodeId, key: string, id: number) => `Get of ${key} sent to node ${node} as read ${id}: it is answered once the leader confirms it still leads (see Reads)`,
    /** The core's validation detail, as it is ("node must be a running node (got node 1, which is crashed)"). */
    rejected: (detail: string) => detail,
  },
};

/** Words every area of the screen shares (English, the source catalogue). */
import type { Command, DropReason } from '../../../core/index.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const common = {
  /** A node as a name or heading: "Node 3". */
  node: (id: number) => `Node ${id}`,
  /** A node inside a sentence: "node 3". */
  nodeInText: (id: number) => `node ${id}`,
  /** "node 3", "nodes 1 and 2", "nodes 1, 2 and 4", "no nodes". */
  nodes: (ids: readonly number[]) => (ids.length === 0 ? 'no nodes' : ids.length === 1 ? `node ${ids[0]!}` : `nodes ${f.list(ids.map(String))}`),
  role: { follower: 'follower', candidate: 'candidate', leader: 'leader' },
  crashed: 'crashed',
  /** A follower asking for pre-votes (PreVote), shown where the role is. */
  preCandidate: 'pre-candidate',
  /** A follower that gets the log but neither votes nor counts yet (membership change). */
  learner: 'learner',
  /** A running server its own configuration leaves out: not yet reached by the leader, or removed. */
  notMember: 'not a member',
  /** "entry 5", "entries 5..7", "no entries". */
  indexRange: (first: number, last: number) => (last < first ? 'no entries' : first === last ? `entry ${first}` : `entries ${first}..${last}`),
  /** A client command in words: "put x=1", "delete x", "no-op". */
  command: (command: Command) => (command.type === 'put' ? `put ${command.key}=${command.value}` : command.type === 'delete' ? `delete ${command.key}` : 'no-op'),
  /** Why a message was lost, as a clause that completes "…was lost: ". */
  dropReason: {
    loss: 'the network dropped it at random (message loss)',
    partition: 'sender and receiver are in different partitions',
    'link-cut': 'the link between them is cut',
    'receiver-crashed': 'the receiver is crashed',
    'by-hand': 'it was dropped by hand',
  } satisfies Record<DropReason, string>,
  /** A partition as groups: "{1, 2} | {3, 4, 5}". */
  groups: (groups: readonly (readonly number[])[]) => groups.map((group) => `{${group.join(', ')}}`).join(' | '),
  /** The language switch's accessible name: the same in every language, so anyone can find it. */
  languageSwitch: 'Language / 语言',
};

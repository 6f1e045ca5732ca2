/** The space-time diagram (English, the source catalogue): one lane per node, time running down. */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const diagram = {
  name: 'Space-time diagram',
  hint: 'One lane per node: each arrow is a message from its send to its arrival (× where it is lost). Click an arrow to select its message, anywhere else to go to that tick; the wheel or the arrow keys scroll through the run.',
  lane: (id: number) => `N${id}`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  span: (ticks: number) => `${f.count(ticks)} ticks shown`,
  earlier: 'Earlier ticks',
  later: 'Later ticks',
  follow: 'Follow the tick',
  /** Heartbeats (empty AppendEntries and their replies) collapsed into a faint band behind the arrows. */
  collapse: 'Hide heartbeats',
  /** Time runs across the page (lanes are rows) instead of down it. */
  timeAcross: 'Time across',
  /** The lane choice: a toggle per node. */
  lanes: 'Lanes',
  laneToggle: (id: number) => `Lane of node ${id}`,
  /** The export's scale (2× for slides). */
  scale: 'Export scale',
  scaleOption: (times: number) => `${times}×`,
  /** The legend drawn into an exported file. */
  legend: {
    rejected: 'rejected reply',
    duplicate: 'duplicate',
    lost: 'lost',
    leaderLane: 'leader, in its term’s colour',
    marks: {
      candidate: 'became candidate',
      leader: 'became leader',
      follower: 'stepped down',
      term: 'new term',
      crash: 'crash',
      restart: 'restart',
      commit: 'commit advanced',
      snapshot: 'snapshot',
    },
  },
  heartbeatsHidden: (count: number) => `${f.count(count)} ${f.plural(count, { one: 'heartbeat', other: 'heartbeats' })} in the faint band`,
  notDrawn: (count: number) => `${f.count(count)} earlier ${f.plural(count, { one: 'message', other: 'messages' })} not drawn (zoom in)`,
  /** The event log's node filter, which the diagram follows. */
  focus: (node: number) => `node ${node} only (the event log's filter)`,
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  reading: 'Reading the run…',
  truncated: 'Some of these ticks are left out: the window holds too many messages. Zoom in.',
  /** The drawing's name, for a screen reader: what it shows. */
  summary: (from: number, to: number, messages: number) => `Ticks ${f.count(from)} to ${f.count(to)}: ${f.count(messages)} ${f.plural(messages, { one: 'message', other: 'messages' })}`,
  arrow: (type: string, from: number, to: number, sent: number, arrive: number, lost: boolean) =>
    `${type} ${from}→${to}: sent at tick ${f.count(sent)}, ${lost ? 'lost' : 'arrives'} at tick ${f.count(arrive)}`,
  marks: {
    candidate: (node: number, term: number | null) => `Node ${node} stands for election in term ${term ?? '?'}`,
    leader: (node: number, term: number | null) => `Node ${node} becomes leader of term ${term ?? '?'}`,
    follower: (node: number, term: number | null) => `Node ${node} steps down to follower in term ${term ?? '?'}`,
    term: (node: number, term: number | null) => `Node ${node} moves to term ${term ?? '?'}`,
    crash: (node: number) => `Node ${node} crashes`,
    restart: (node: number) => `Node ${node} restarts`,
    commit: (node: number, index: number | null) => `Node ${node} commits up to index ${index ?? '?'}`,
    snapshot: (node: number, index: number | null) => `Node ${node} has a snapshot up to index ${index ?? '?'}`,
  },
  fileTitle: (from: number, to: number) => `Raftlab space-time diagram, ticks ${from}–${to}`,
};

/** The term tape above the timeline (English, the source catalogue): the run's history at a glance. */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const tape = {
  name: 'Term tape',
  hint: 'The run at a glance: each band is a term in its colour, solid while a leader holds it. Click to go to a tick.',
  /** A band's label, when it is wide enough to hold one. */
  band: (term: number, leader: number | null) => (leader === null ? `T${term}` : `T${term} · L${leader}`),
  /** What a band says to a pointer that rests on it. */
  bandTitle: (term: number, leader: number | null, from: number, to: number) =>
    `Ticks ${f.count(from)}–${f.count(to)}: term ${term}, ${leader === null ? 'no leader' : `node ${leader} leads`}`,
  pending: (from: number) => `Ticks from ${f.count(from)} are still being read`,
  kinds: {
    election: (node: number | null) => `node ${node ?? '?'} stood for election`,
    leader: (node: number | null) => `node ${node ?? '?'} became leader`,
    crash: (node: number | null) => `node ${node ?? '?'} crashed`,
    restart: (node: number | null) => `node ${node ?? '?'} restarted`,
    partition: () => 'the network split',
    heal: () => 'the network healed',
    violation: () => 'a safety violation',
    stall: () => 'a liveness stall',
    halt: () => 'the broken run stopped',
  },
  /** A mark's name: a click goes to its tick. */
  mark: (tick: number, what: string) => `Tick ${f.count(tick)}: ${what}`,
  /** Several marks too close to tell apart. */
  marks: (count: number, from: number, to: number, first: string) => `Ticks ${f.count(from)}–${f.count(to)}: ${f.count(count)} events, first ${first}`,
  /** The debugger's moments: where a breakpoint paused the run, where branches leave it. */
  stop: (tick: number, breakpoint: string) => `Tick ${f.count(tick)}: paused (${breakpoint})`,
  branchStart: (tick: number, name: string, parent: string) => `Tick ${f.count(tick)}: ${name} left ${parent} here`,
  branchLeaves: (tick: number, name: string) => `Tick ${f.count(tick)}: ${name} leaves here (switch to it)`,
  truncated: (max: number) => `The tape shows the first ${f.count(max)} terms and marks of this run.`,
};

/** The log area's messages (English, the source catalogue). */

export const log = {
  /** The panel's accessible name. */
  panel: 'Log view',
  table: {
    name: 'Log entries',
    window: 'Log window (arrow keys move it)',
    caption: 'Logs',
    node: 'Node',
    state: 'State',
  },
  controls: {
    start: 'Jump to start',
    startText: '« Start',
    earlier: 'Earlier entries',
    earlierText: '◀ Earlier',
    slider: 'Log window start',
    later: 'Later entries',
    laterText: 'Later ▶',
    end: 'Jump to end',
    endText: 'End »',
    shown: (first: number, last: number, lastIndexMax: number) => `indexes ${first}–${last}; the longest log ends at ${lastIndexMax}`,
  },
  row: {
    /** A crashed node's role cell: what its row shows is the log on its disk. */
    crashed: 'crashed (disk log)',
    term: (term: number) => `term ${term}`,
    numbers: (committed: number, applied: number, stabled: number) => `commit ${committed} · applied ${applied} · disk ${stabled}`,
    disk: (stabled: number) => `disk ${stabled}`,
    progress: (nextIndex: number, matchIndex: number) => `next ${nextIndex} · match ${matchIndex}`,
  },
  cell: {
    /** The folded prefix's text, also on its node's row: "snapshot ≤ 12". */
    snapshotText: (index: number) => `snapshot ≤ ${index}`,
    snapshot: (first: number, last: number, lastTerm: number) => `indexes ${first} to ${last} compacted into a snapshot (last term ${lastTerm})`,
    entry: (index: number, term: number, command: string, status: string) => `index ${index}, term ${term}, ${command}, ${status}`,
    /** A live node's entry: committed or not, applied, durable. */
    status: (committed: boolean, applied: boolean, durable: boolean) =>
      [committed ? 'committed' : 'not committed', ...(applied ? ['applied'] : []), ...(durable ? [] : ['not yet on disk'])].join(', '),
    /** A crashed node's entry: all it has is on its disk. */
    onDisk: 'on disk',
    /** The hover text: the label, then the command in words. */
    title: (label: string, command: string) => `${label} (${command})`,
    unloaded: (index: number) => `index ${index}, not loaded yet`,
    empty: (index: number) => `index ${index}, no entry`,
    /** A cell's label followed by the markers on it. */
    withMarks: (label: string, marks: readonly string[]) => `${label}${marks.map((mark) => `, ${mark}`).join('')}`,
  },
  /** Each marker's words for screen readers, and its legend. */
  mark: {
    commitIndex: { words: 'commitIndex', legend: 'commitIndex (last committed)' },
    lastApplied: { words: 'lastApplied', legend: 'lastApplied' },
    stabled: { words: 'end of the durable log', legend: 'durable end (stabled): last entry on disk' },
    nextIndex: { words: "leader's nextIndex", legend: "leader's nextIndex for this follower" },
    matchIndex: { words: "leader's matchIndex", legend: "leader's matchIndex for this follower" },
  },
  legend: 'Solid: committed · hatched, dashed outline: not committed · dotted red outline: not yet on disk · ',
};

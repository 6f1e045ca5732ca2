/**
 * The presets' catalogue entries: the demo scenarios that ship with the app
 * (src/scenario/presets/<id>.scn), each with a short title and a one-line summary. The keys are
 * the files' ids; tests/unit/scenario-files.test.ts checks that every preset file has an entry
 * here and in every other catalogue, and every entry a file. The captions inside the files stay
 * in English (English, the source catalogue).
 */
export const presets = {
  'leader-election': {
    title: 'Leader election',
    summary: 'Five followers with random timeouts: the first to time out wins a majority of the votes.',
  },
  'split-vote': {
    title: 'Split vote',
    summary: 'Two candidates split the votes of term 1; random timeouts elect a leader in term 2.',
  },
  'leader-crash': {
    title: 'Leader crash',
    summary: 'The leader crashes, a follower wins a higher term, and the old leader rejoins as a follower.',
  },
  'log-replication': {
    title: 'Log replication',
    summary: 'A write is committed once a majority stores it; a restarted follower catches up.',
  },
  'partition-heal': {
    title: 'Partition and heal',
    summary: 'Cut-off followers raise their terms in vain; healing forces an election they cannot win.',
  },
  'minority-leader': {
    title: 'Leader in a minority',
    summary: 'A leader cut off in a minority commits nothing; after healing its entries are replaced.',
  },
  'figure-8': {
    title: 'Figure 8: entries of old terms',
    summary: 'Why a leader commits an entry of an earlier term only along with one of its own term.',
  },
  snapshot: {
    title: 'Snapshots',
    summary: 'A follower that fell far behind is brought up to date with InstallSnapshot.',
  },
};

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
  prevote: {
    title: 'PreVote: a node rejoins',
    summary: 'Without PreVote a node cut off returns with a higher term and deposes the leader; Compare shows the run with it.',
  },
  'unsafe-commit-by-counting': {
    title: 'Unsafe: commit by counting (Figure 8)',
    summary: 'Without §5.4.2, a leader commits an old-term entry by counting, and a later leader overwrites it.',
  },
  'unsafe-forget-vote': {
    title: 'Unsafe: forget votedFor',
    summary: 'A node that forgets its vote across a restart votes twice in one term: two leaders.',
  },
  'unsafe-vote-without-log-check': {
    title: 'Unsafe: no up-to-date check',
    summary: 'Without the election restriction, a node that missed committed entries wins and lacks them.',
  },
  'unsafe-fixed-timeouts': {
    title: 'Unsafe: fixed timeouts',
    summary: 'Equal election timeouts split the vote forever: no leader, and the liveness watch says so.',
  },
  'unsafe-apply-before-commit': {
    title: 'Unsafe: apply before commit',
    summary: 'A cut-off leader applies a write no majority has; it is replaced, but its state machine ran it.',
  },
  'unsafe-append-without-check': {
    title: 'Unsafe: no log check on append',
    summary: 'A follower appends after an entry that differs from the leader’s: Log Matching breaks.',
  },
  'unsafe-no-leader-noop': {
    title: 'Unsafe: no leader no-op',
    summary: 'Why isn’t it committed? A new leader holds an old entry on a majority and cannot commit it.',
  },
  'unsafe-keep-commit-on-restart': {
    title: 'Unsafe: keep commitIndex',
    summary: 'A restarted node keeps its commitIndex, as RaftScope shows it: Figure 2 makes it volatile.',
  },
};

/**
 * The lessons' titles and one-line summaries (English, the source catalogue), keyed by the ids
 * of the lesson files (src/lessons/<id>.scn), in the course's order. The captions themselves are
 * in the lesson files, in both languages. tests/unit/lessons.test.ts checks that every lesson
 * file has an entry here and in zh-CN/lesson-titles.ts, and every entry a file.
 */
export const lessonTitles = {
  'leader-election': {
    title: 'Leader election',
    summary: 'The first timer to fire makes a candidate; a majority of votes makes a leader, and its heartbeats keep it there.',
  },
  'split-vote': {
    title: 'Split vote',
    summary: 'Candidates that stand together split the votes; fresh random timeouts elect a leader in the next term.',
  },
  'leader-crash': {
    title: 'Heartbeats and a leader crash',
    summary: 'Heartbeats stop when the leader crashes; a follower wins a higher term and the old leader comes back as a follower.',
  },
  'log-replication': {
    title: 'Log replication and commit',
    summary: 'An entry is committed once a majority stores it: replicated is not committed.',
  },
  'catch-up': {
    title: 'Catching up over a divergent log',
    summary: 'The leader backs nextIndex off until the logs agree, then overwrites the follower’s conflicting entries.',
  },
  'minority-leader': {
    title: 'A leader in the minority',
    summary: 'A cut-off leader accepts writes it can never commit; on healing they are rolled back.',
  },
  'figure-8': {
    title: 'Figure 8: committing old-term entries',
    summary: 'An entry of an old term on a majority can still be overwritten: a leader commits only entries of its own term.',
  },
  persistence: {
    title: 'Crash and restart: what persists',
    summary: 'currentTerm, votedFor and the log survive a crash; a restarted node cannot vote twice in a term.',
  },
  snapshot: {
    title: 'Catching up by snapshot',
    summary: 'A follower that lags behind the leader’s compacted log is brought up to date with InstallSnapshot.',
  },
  'election-restriction': {
    title: 'The election restriction',
    summary: 'Voters refuse a candidate whose log is behind theirs, so every leader holds every committed entry (§5.4.1).',
  },
  prevote: {
    title: 'PreVote: rejoining without disruption',
    summary: 'A node cut off asks for pre-votes before raising its term, so on rejoining it no longer deposes a healthy leader.',
  },
  'check-quorum': {
    title: 'CheckQuorum: a cut-off leader steps down',
    summary: 'A leader that hears from no majority within an election timeout steps down on its own, instead of leading a minority.',
  },
  'leadership-transfer': {
    title: 'Leadership transfer',
    summary: 'The leader stops taking proposals, brings the target up to date, then sends TimeoutNow: the target wins at once.',
  },
  'membership-change': {
    title: 'Adding and removing servers',
    summary: 'A new server catches up as a learner before it votes; one change at a time; a leader that removes itself steps down once the change commits.',
  },
  'read-index': {
    title: 'Linearizable reads with ReadIndex',
    summary: 'A deposed leader must not answer from its own state: a read waits for a majority to confirm the leadership.',
  },
  batching: {
    title: 'Batching proposals',
    summary: 'New entries wait for the next heartbeat and travel together: fewer messages, a little more commit latency.',
  },
};

/**
 * The Learn page (English, the source catalogue): a short guide to Raft to read beside the
 * running cluster, from what it solves to a glossary, with buttons that open the lessons showing
 * each safety property and each common misconception (LearnPage.tsx). Paragraphs are lists of
 * strings, one per paragraph; the two languages may split their text differently only within a
 * paragraph, not across them.
 */

export const learn = {
  /** The header button and the page's heading. */
  open: 'Learn',
  close: 'Close',
  intro: 'Raft in a few pages, to read beside the running cluster. The buttons open a lesson that shows the point on the real Raft; a lesson replaces the run on screen.',
  contents: 'On this page',
  /** "Open lesson: Split vote". */
  openLesson: (title: string) => `Open lesson: ${title}`,
  /** "Show me: Replicated ≠ committed", one per misconception. */
  showMe: (misconception: string) => `Show me: ${misconception}`,
  showMeText: 'Show me',
  /** Beside "Show me": the lesson it opens. */
  inLesson: (title: string) => `Lesson: ${title}`,
  onScreen: 'On screen',
  problem: {
    heading: 'What Raft solves',
    text: [
      'A service that must survive crashes runs on several servers, each with a copy of the same state machine (here, a key-value store). If every copy applies the same commands in the same order, every copy ends in the same state. This is a replicated state machine; the ordered list of commands is the log.',
      'Raft is a consensus algorithm: it keeps the servers’ logs in agreement while servers crash and restart and the network loses, delays, duplicates and reorders messages. Under these faults it never gives a wrong answer; at worst it waits until a majority can talk again.',
      'Everything rests on majorities. Five servers need three to elect a leader or commit an entry, so they survive two failures; three servers survive one. Any two majorities share at least one server, and that server carries what the first majority decided into the next.',
    ],
  },
  roles: {
    heading: 'Roles and terms',
    text: [
      'Each server has one of three roles. A follower is passive: it answers requests and waits. A candidate is trying to become leader. The leader takes every client request and sends log entries to the others. Normally there is one leader and the rest are followers.',
      'Time is divided into terms, numbered 1, 2, 3… Each term begins with an election; the winner leads for the rest of the term. A term can end without a leader (a split vote), and a new term begins.',
      'Terms are a logical clock. Every RPC carries its sender’s term. A server that sees a higher term takes it and becomes a follower; a request with a lower term is refused. That is how a leader that was cut off learns that it is out of date.',
    ],
    onScreen: 'Each term has its own colour. The badge in a node says its role (F, C or L); a leader has a bold outline, a candidate a dashed one.',
  },
  election: {
    heading: 'The election',
    text: [
      'Each follower has an election timer. A valid AppendEntries from the current leader resets it, and so does granting a vote. When it runs out, the follower assumes that there is no leader.',
      'It becomes a candidate: it increments currentTerm, votes for itself and sends RequestVote to every other server. Each server grants at most one vote per term, to the first candidate that asks, and only if the candidate’s log is at least as up to date as its own.',
      'A candidate with votes from a majority becomes leader and at once sends heartbeats, so that no one else starts an election. A candidate that hears from a leader of its term, or of a higher one, goes back to being a follower.',
      'When several followers time out together they can split the votes, so that no one has a majority. They time out again and try in a new term. Each server draws its timeout at random from a range, so one usually fires well before the others and the split does not repeat.',
    ],
    onScreen: 'The ring around a node is the time left on its election timer. ◆ is a RequestVote. Beside a candidate, a dot is a vote granted and a cross a vote refused.',
  },
  replication: {
    heading: 'Replication and commit',
    text: [
      'A client sends its command to the leader. The leader appends it to its log as a new entry, with the current term and the next index, and sends it to the followers in AppendEntries.',
      'Each AppendEntries names the entry just before the new ones (prevLogIndex and prevLogTerm). A follower accepts only if its log has that entry. If not, it refuses; the leader moves its nextIndex for that follower back and tries again until the logs agree. The follower then deletes its conflicting entries and takes the leader’s.',
      'For each follower the leader keeps matchIndex, the highest index it knows is stored there. Once an entry of the current term is stored on a majority (the leader counts itself), the leader moves its commitIndex up to that entry. The entry and all before it are committed: they will never be lost.',
      'Later AppendEntries carry the leader’s commitIndex (leaderCommit) to the followers. Every server applies committed entries to its state machine in index order, raising lastApplied, and the leader answers the client.',
      'The leader counts replicas only for entries of its own term. An entry of an earlier term is committed when an entry of the current term after it is.',
    ],
    onScreen: '● is an AppendEntries (small: a heartbeat). In the logs, committed entries are solid and uncommitted ones hatched; each follower’s row shows the leader’s next and match for it.',
  },
  safety: {
    heading: 'The five safety properties',
    intro: 'Figure 3 of the Raft paper lists five properties that hold at all times. Raftlab checks all five as the run goes, and the Breakpoints panel can pause the run on a violation.',
    properties: {
      electionSafety: {
        name: 'Election Safety',
        statement: 'At most one leader can be elected in a given term.',
        why: 'A server votes at most once per term, and a leader needs a majority. Two majorities always share a server, so two candidates cannot both win the same term.',
      },
      leaderAppendOnly: {
        name: 'Leader Append-Only',
        statement: 'A leader never overwrites or deletes entries in its log; it only appends new ones.',
        why: 'Only followers delete entries, when they conflict with the leader’s. While a server leads, its log only grows.',
      },
      logMatching: {
        name: 'Log Matching',
        statement: 'If two logs have an entry with the same index and term, the logs are identical in all entries up to that index.',
        why: 'A leader creates at most one entry per index in its term, and a follower takes new entries only after the entry before them matches. So agreement at one entry means agreement on everything before it.',
      },
      leaderCompleteness: {
        name: 'Leader Completeness',
        statement: 'If an entry is committed in a term, it is in the log of every leader of every higher term.',
        why: 'A committed entry is on a majority, and a winner needs votes from a majority, so one of its voters holds the entry. That voter refuses a candidate whose log is less up to date: its last entry has a lower term, or the same term and a lower index.',
      },
      stateMachineSafety: {
        name: 'State Machine Safety',
        statement: 'If a server has applied the entry at an index, no server ever applies a different entry at that index.',
        why: 'Servers apply only committed entries, and a committed entry stays in every later leader’s log, so it is never replaced. This needs the rule that a leader counts replicas only for entries of its own term (Figure 8).',
      },
    },
  },
  misconceptions: {
    heading: 'Common misconceptions',
    items: {
      replicatedNotCommitted: {
        title: 'Replicated ≠ committed',
        text: 'An entry on some of the followers is not committed yet. Until a majority stores it, a new leader without it can overwrite it, and the client has no answer. In the lesson, a leader cut off with one follower keeps replicating entries it can never commit.',
      },
      oldTermEntry: {
        title: 'A leader can’t commit an old-term entry by counting replicas',
        text: 'A new leader may find an entry of an earlier term on a majority. That is not enough: a server whose log ends in a newer term can still win an election and overwrite the entry (the paper’s Figure 8). The leader commits an entry of its own term, and the older entries before it are committed with it.',
      },
      votedForKept: {
        title: 'A restart does not lose votedFor',
        text: 'A server writes currentTerm, votedFor and its log to disk before it answers. A node that voted, crashed and restarted in the same term still knows whom it voted for, so it cannot vote again and help elect a second leader in that term.',
      },
      twoLeaders: {
        title: 'Two leaders at once is not a bug',
        text: 'A leader cut off in a minority still thinks it leads, while the majority elects a new leader in a higher term. Election Safety is about a single term: the old leader can commit nothing, and it steps down as soon as it hears the higher term.',
      },
      higherTerm: {
        title: 'A higher term does not always win the election',
        text: 'Voters take a candidate’s higher term, but still refuse their vote if its log is behind theirs. The last entries’ terms are compared first, and only when they are equal the lengths: a short log ending in term 3 beats a long one ending in term 2. In the lesson, the first node to stand loses to one with a more up-to-date log.',
      },
    },
  },
  glossary: {
    heading: 'Glossary',
    items: {
      term: {
        term: 'Term',
        text: 'A numbered period of time with at most one leader. Every server stores its currentTerm, and every message carries its sender’s term.',
      },
      electionTimeout: {
        term: 'Election timeout',
        text: 'How long a follower waits without hearing from a leader before it stands for election. Drawn at random from a range each time the timer restarts, so that servers rarely time out together.',
      },
      heartbeat: {
        term: 'Heartbeat',
        text: 'An AppendEntries with no entries, sent by the leader at a regular interval shorter than the election timeout, to keep the followers from starting an election.',
      },
      logEntry: {
        term: 'Log entry',
        text: 'One command in the log, with the term in which the leader received it. An index and a term together identify an entry.',
      },
      index: {
        term: 'Index',
        text: 'An entry’s position in the log, counted from 1. Until it is committed, the same index can hold different entries on different servers.',
      },
      commitIndex: {
        term: 'commitIndex',
        text: 'The highest index a server knows to be committed. The leader raises it once an entry of its term is on a majority; the followers learn it from leaderCommit.',
      },
      lastApplied: {
        term: 'lastApplied',
        text: 'The highest index a server has applied to its state machine. It follows commitIndex, one entry at a time, in order.',
      },
      nextIndex: {
        term: 'nextIndex',
        text: 'For each follower, the index of the next entry the leader will send it. It starts just past the leader’s last entry and moves back each time the follower refuses.',
      },
      matchIndex: {
        term: 'matchIndex',
        text: 'For each follower, the highest index the leader knows that follower stores in agreement with its own log. The leader decides what is committed from these.',
      },
      majority: {
        term: 'Majority (quorum)',
        text: 'More than half of the servers: 3 of 5, 2 of 3. Any two majorities share a server, which is why the next majority learns what the last one decided.',
      },
      snapshot: {
        term: 'Snapshot',
        text: 'A copy of the state machine as of an index, which lets a server discard the log up to that index. A follower too far behind receives it by InstallSnapshot.',
      },
      votedFor: {
        term: 'votedFor',
        text: 'The candidate a server voted for in its current term, or none. Kept on disk, so that a restart cannot give a second vote in the same term.',
      },
      currentTerm: {
        term: 'currentTerm',
        text: 'The latest term a server has seen. Kept on disk; it never goes down.',
      },
      splitVote: {
        term: 'Split vote',
        text: 'An election in which no candidate gets a majority because the votes are divided. The term ends without a leader, and a new election follows.',
      },
      rpc: {
        term: 'RPC',
        text: 'Remote procedure call: a request and its reply over the network. Raft needs only two, RequestVote and AppendEntries, plus InstallSnapshot for snapshots.',
      },
    },
  },
};

/**
 * Which rule of the paper's Figure 2 each event exercised (src/ui/figure2-rules.ts): every decision
 * event type maps to a rule (or, for snapshots, which are Figure 13's, to none), each vote and
 * append reason to its receiver rule, and the counts, latest events and current rule over a list of
 * events. Then a real election: the rules its events exercise.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent, SimEventType } from '../../src/core/index.ts';
import { createSimulation, topicOf } from '../../src/core/index.ts';
import { currentRule, figure2RuleList, isDecision, ruleKey, ruleOf, ruleUses } from '../../src/ui/figure2-rules.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';

type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
type Body<T extends SimEventType> = Omit<EventOf<T>, 'seq' | 'tick' | 'node' | 'topic'>;

let seq = 0;
function at<T extends SimEventType>(body: Body<T> & { type: T }, tick = 10, node: number | null = 1): SimEvent {
  seq += 1;
  return { ...body, seq, tick, node, topic: topicOf[body.type] } as unknown as SimEvent;
}

const key = (event: SimEvent) => {
  const rule = ruleOf(event);
  return rule === null ? null : ruleKey(rule);
};

const logs = { candidateLastIndex: 6, candidateLastTerm: 2, ownLastIndex: 5, ownLastTerm: 3 };
const refused = (reason: 'stale-term' | 'already-voted' | 'log-not-up-to-date') =>
  at<'vote-refused'>({ type: 'vote-refused', candidate: 2, term: 4, reason, votedFor: reason === 'already-voted' ? 3 : null, ownTerm: 4, ...logs });
const rejected = (reason: 'stale-term' | 'log-too-short' | 'prev-term-mismatch') =>
  at<'append-rejected'>({ type: 'append-rejected', leader: 1, reason, term: 4, ownTerm: 4, prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 6, ownTermAtPrev: null, conflictTerm: null, conflictIndex: null });
const commit = (by: 'quorum' | 'leader-commit' | 'snapshot') => at<'commit-advanced'>({ type: 'commit-advanced', from: 3, to: 5, term: 4, by });

/** One sample of every decision event (each branch), with the rule it exercised. */
const decisions: readonly (readonly [SimEvent, string | null])[] = [
  [at<'vote-granted'>({ type: 'vote-granted', candidate: 2, term: 4, ...logs }), 'requestVote.2'],
  [refused('stale-term'), 'requestVote.1'],
  [refused('already-voted'), 'requestVote.2'],
  [refused('log-not-up-to-date'), 'requestVote.2'],
  [rejected('stale-term'), 'appendEntries.1'],
  [rejected('log-too-short'), 'appendEntries.2'],
  [rejected('prev-term-mismatch'), 'appendEntries.2'],
  [at<'append-accepted'>({ type: 'append-accepted', leader: 1, prevLogIndex: 5, prevLogTerm: 3, entries: 2, matchIndex: 7 }), 'appendEntries.2'],
  [at<'entries-truncated'>({ type: 'entries-truncated', first: 5, last: 7, conflictIndex: 5, ownTerm: 2, leaderTerm: 3, leader: 1 }), 'appendEntries.3'],
  [at<'entries-appended'>({ type: 'entries-appended', first: 6, last: 7, prevTerm: 3, entries: [], source: 'leader' }), 'appendEntries.4'],
  [at<'entries-appended'>({ type: 'entries-appended', first: 6, last: 6, prevTerm: 4, entries: [], source: 'proposal' }), 'leaders.2'],
  [commit('leader-commit'), 'appendEntries.5'],
  [commit('quorum'), 'leaders.4'],
  [commit('snapshot'), null],
  [at<'commit-held-back'>({ type: 'commit-held-back', quorumIndex: 8, entryTerm: 2, currentTerm: 4, committed: 5 }), 'leaders.4'],
  [at<'term-changed'>({ type: 'term-changed', from: 3, to: 4, cause: 'message', sender: 2 }), 'allServers.2'],
  [at<'term-changed'>({ type: 'term-changed', from: 3, to: 4, cause: 'election', sender: null }), 'candidates.1'],
  [at<'became-follower'>({ type: 'became-follower', term: 4, lead: null, previousRole: 'leader', reason: 'higher-term' }), 'allServers.2'],
  [at<'became-follower'>({ type: 'became-follower', term: 4, lead: 2, previousRole: 'candidate', reason: 'leader-found' }), 'candidates.3'],
  [at<'election-timeout'>({ type: 'election-timeout', elapsed: 12, timeout: 12 }), 'followers.2'],
  [at<'became-candidate'>({ type: 'became-candidate', term: 4, electionTimeout: 15 }), 'candidates.1'],
  [at<'became-leader'>({ type: 'became-leader', term: 4, votes: [1, 2], lastIndex: 3 }), 'candidates.2'],
  [at<'election-lost'>({ type: 'election-lost', term: 4, refused: [2, 3], quorum: 2 }), null],
  [at<'next-index-backed-off'>({ type: 'next-index-backed-off', follower: 2, from: 8, to: 7, rejectedIndex: 7, conflictTerm: null, conflictIndex: null, fastBackup: false }), 'leaders.3'],
  [at<'snapshot-sent'>({ type: 'snapshot-sent', follower: 2, index: 10, term: 3, nextIndex: 4, firstIndex: 11 }), null],
  [at<'snapshot-installed'>({ type: 'snapshot-installed', index: 10, term: 3, leader: 1, keptEntries: 0, discardedEntries: 2 }), null],
  [at<'snapshot-ignored'>({ type: 'snapshot-ignored', index: 10, committed: 12, leader: 1 }), null],
  [at<'proposal-refused'>({ type: 'proposal-refused', role: 'follower', lead: 1, command: { type: 'put', key: 'x', value: '1' } }), null],
];

describe('Figure 2 rules of events', () => {
  it('lists the paper’s rules: 2 for all servers, 2 followers, 4 candidates, 4 leaders, RequestVote 1–2, AppendEntries 1–5', () => {
    expect(figure2RuleList.map(ruleKey)).toEqual([
      'allServers.1', 'allServers.2', 'followers.1', 'followers.2',
      'candidates.1', 'candidates.2', 'candidates.3', 'candidates.4',
      'leaders.1', 'leaders.2', 'leaders.3', 'leaders.4',
      'requestVote.1', 'requestVote.2',
      'appendEntries.1', 'appendEntries.2', 'appendEntries.3', 'appendEntries.4', 'appendEntries.5',
    ]);
    // Each rule has its words in both languages.
    for (const locale of ['en', 'zh-CN'] as const) {
      const m = messagesFor(locale);
      for (const rule of figure2RuleList) expect(m.figure2.rules[rule.group][rule.number - 1], `${locale} ${ruleKey(rule)}`).toMatch(/\S/);
      for (const group of ['allServers', 'followers', 'candidates', 'leaders', 'requestVote', 'appendEntries'] as const) {
        expect(m.figure2.rules[group]).toHaveLength(figure2RuleList.filter((rule) => rule.group === group).length);
      }
    }
  });

  it.each(decisions.map(([event, rule]) => [`${event.type}${'reason' in event ? ` ${String(event.reason)}` : ''}${'by' in event ? ` by ${event.by}` : ''}${'cause' in event ? ` by ${event.cause}` : ''}${'source' in event ? ` from ${event.source}` : ''}`, event, rule] as const))(
    '%s exercises %s',
    (_, event, rule) => {
      expect(key(event)).toBe(rule);
    },
  );

  it('every decision a node explains in the Why? panel exercises a Figure 2 rule, except snapshots (Figure 13), refusals of clients and lost elections', () => {
    const outside = new Set(['snapshot-sent', 'snapshot-installed', 'snapshot-ignored', 'proposal-refused', 'election-lost']);
    for (const [event] of decisions) {
      if (!isDecision(event)) continue;
      if (outside.has(event.type) || (event.type === 'commit-advanced' && event.by === 'snapshot')) expect(key(event), event.type).toBeNull();
      else expect(key(event), event.type).not.toBeNull();
    }
    // The decision types all appear among the samples.
    expect(new Set(decisions.filter(([event]) => isDecision(event)).map(([event]) => event.type))).toEqual(
      new Set(['vote-granted', 'vote-refused', 'append-rejected', 'append-accepted', 'entries-truncated', 'commit-advanced', 'commit-held-back', 'term-changed', 'became-follower', 'election-timeout', 'became-candidate', 'became-leader', 'election-lost', 'next-index-backed-off', 'snapshot-sent', 'snapshot-installed', 'snapshot-ignored', 'proposal-refused']),
    );
  });

  it('the rest: applied is all servers rule 1, heartbeats leaders rule 1, proposals leaders rule 2, progress leaders rule 3; world events none', () => {
    expect(key(at<'applied'>({ type: 'applied', index: 3, term: 2, command: { type: 'put', key: 'x', value: '1' } }))).toBe('allServers.1');
    expect(key(at<'heartbeat-timeout'>({ type: 'heartbeat-timeout', elapsed: 3 }))).toBe('leaders.1');
    expect(key(at<'proposal-accepted'>({ type: 'proposal-accepted', index: 3, term: 2, command: { type: 'put', key: 'x', value: '1' } }))).toBe('leaders.2');
    expect(key(at<'progress-updated'>({ type: 'progress-updated', follower: 2, matchIndex: 3, nextIndex: 4, state: 'replicate' }))).toBe('leaders.3');
    expect(key(at<'vote-received'>({ type: 'vote-received', voter: 2, term: 4, granted: true, grantedCount: 2, refusedCount: 0, quorum: 2 }))).toBe('candidates.2');
    expect(key(at<'node-crashed'>({ type: 'node-crashed' }))).toBeNull();
    expect(key(at<'network-healed'>({ type: 'network-healed' }, 10, null))).toBeNull();
    // Heartbeats accepted are not decisions worth a line of their own.
    expect(isDecision(at<'append-accepted'>({ type: 'append-accepted', leader: 1, prevLogIndex: 5, prevLogTerm: 3, entries: 0, matchIndex: 5 }))).toBe(false);
    expect(isDecision(at<'term-changed'>({ type: 'term-changed', from: 3, to: 4, cause: 'election', sender: null }))).toBe(false);
  });

  it('counts each rule’s uses, keeps the latest, and names the current rule from the latest event that exercised one', () => {
    const first = refused('stale-term');
    const second = refused('log-not-up-to-date');
    const third = refused('stale-term');
    const world = at<'node-crashed'>({ type: 'node-crashed' });
    const uses = ruleUses([first, second, third, world]);
    expect(uses.get('requestVote.1')).toEqual({ count: 2, latest: third });
    expect(uses.get('requestVote.2')).toEqual({ count: 1, latest: second });
    expect(uses.has('appendEntries.1')).toBe(false);
    expect(currentRule([first, second, world])).toEqual({ group: 'requestVote', number: 2 });
    expect(currentRule([world])).toBeNull();
  });

  it('a real election exercises the election rules: timeout, candidacy, votes, leadership', () => {
    const sim = createSimulation({ nodes: 3, seed: 2 });
    sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 });
    sim.advance(200);
    const exercised = new Set([...ruleUses(sim.events()).keys()]);
    for (const rule of ['followers.2', 'candidates.1', 'candidates.2', 'requestVote.2', 'leaders.1', 'appendEntries.2'] as const) expect(exercised, rule).toContain(rule);
  });
});

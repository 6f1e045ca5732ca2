/**
 * Which rule of the paper's Figure 2 an event exercised, read off the core's own decision event
 * (its type and the reason or cause it carries): nothing here re-derives Raft. Events that no rule
 * of Figure 2 covers (the simulated world's, snapshots, which are Figure 13's, client refusals)
 * exercise none.
 */
import type { SimEvent } from '../core/index.ts';

/** Figure 2's groups of rules, in the paper's order, with how many numbered rules each has. */
export const figure2Groups = [
  { group: 'allServers', rules: 2 },
  { group: 'followers', rules: 2 },
  { group: 'candidates', rules: 4 },
  { group: 'leaders', rules: 4 },
  { group: 'requestVote', rules: 2 },
  { group: 'appendEntries', rules: 5 },
] as const;

export type Figure2Group = (typeof figure2Groups)[number]['group'];

/** One numbered rule of a group (numbered from 1, as in the paper). */
export interface Figure2Rule {
  readonly group: Figure2Group;
  readonly number: number;
}

/** A rule as one string ("requestVote.2"), to count and compare. */
export type RuleKey = `${Figure2Group}.${number}`;

export function ruleKey(rule: Figure2Rule): RuleKey {
  return `${rule.group}.${rule.number}`;
}

/** Every rule of Figure 2, group by group. */
export const figure2RuleList: readonly Figure2Rule[] = figure2Groups.flatMap(({ group, rules }) =>
  Array.from({ length: rules }, (_, index): Figure2Rule => ({ group, number: index + 1 })),
);

const rule = (group: Figure2Group, number: number): Figure2Rule => ({ group, number });

/** The rule of Figure 2 the event exercised, or null when it exercised none. */
export function ruleOf(event: SimEvent): Figure2Rule | null {
  switch (event.type) {
    // Rules for all servers.
    case 'applied':
      return rule('allServers', 1);
    case 'term-changed':
      // A term learned from a message; moving to a new term to stand is the candidate's first rule.
      return event.cause === 'message' ? rule('allServers', 2) : rule('candidates', 1);
    case 'became-follower':
      return event.reason === 'higher-term' ? rule('allServers', 2) : rule('candidates', 3);
    // Followers (and a candidate whose election timed out: the same timer).
    case 'election-timeout':
      return rule('followers', 2);
    // Candidates.
    case 'became-candidate':
      return rule('candidates', 1);
    case 'vote-received':
    case 'became-leader':
      return rule('candidates', 2);
    // Leaders.
    case 'heartbeat-timeout':
      return rule('leaders', 1);
    case 'proposal-accepted':
      return rule('leaders', 2);
    case 'progress-updated':
    case 'next-index-backed-off':
      return rule('leaders', 3);
    case 'commit-held-back':
      return rule('leaders', 4);
    case 'commit-advanced':
      // A commit by installing a snapshot is Figure 13's, not Figure 2's.
      return event.by === 'quorum' ? rule('leaders', 4) : event.by === 'leader-commit' ? rule('appendEntries', 5) : null;
    // RequestVote receiver implementation.
    case 'vote-granted':
      return rule('requestVote', 2);
    case 'vote-refused':
      return event.reason === 'stale-term' ? rule('requestVote', 1) : rule('requestVote', 2);
    // AppendEntries receiver implementation.
    case 'append-rejected':
      return event.reason === 'stale-term' ? rule('appendEntries', 1) : rule('appendEntries', 2);
    case 'append-accepted':
      // The consistency check of rule 2 passed.
      return rule('appendEntries', 2);
    case 'entries-truncated':
      return rule('appendEntries', 3);
    case 'entries-appended':
      return event.source === 'leader' ? rule('appendEntries', 4) : rule('leaders', 2);
    default:
      return null;
  }
}

/** How often each rule was exercised among the events given, and the latest event that did. */
export interface RuleUse {
  readonly count: number;
  readonly latest: SimEvent;
}

/** Each exercised rule's count and latest event, over `events` (oldest first). */
export function ruleUses(events: readonly SimEvent[]): ReadonlyMap<RuleKey, RuleUse> {
  const uses = new Map<RuleKey, RuleUse>();
  for (const event of events) {
    const exercised = ruleOf(event);
    if (exercised === null) continue;
    const key = ruleKey(exercised);
    uses.set(key, { count: (uses.get(key)?.count ?? 0) + 1, latest: event });
  }
  return uses;
}

/** The rule the most recent event that exercised one did, among `events` (oldest first). */
export function currentRule(events: readonly SimEvent[]): Figure2Rule | null {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const exercised = ruleOf(events[index]!);
    if (exercised !== null) return exercised;
  }
  return null;
}

/**
 * The decisions a node takes and the "Why?" panel explains: votes, rejections, truncations,
 * commit advances and hold-backs, step-downs, elections, snapshots and refusals. Routine traffic
 * (heartbeats accepted, progress bookkeeping, messages, disk writes) is left out, so a quiet
 * follower's last vote is not buried under its heartbeats.
 */
export function isDecision(event: SimEvent): boolean {
  switch (event.type) {
    case 'vote-granted':
    case 'vote-refused':
    case 'election-lost':
    case 'election-timeout':
    case 'became-candidate':
    case 'became-leader':
    case 'became-follower':
    case 'entries-truncated':
    case 'append-rejected':
    case 'next-index-backed-off':
    case 'commit-advanced':
    case 'commit-held-back':
    case 'snapshot-sent':
    case 'snapshot-installed':
    case 'snapshot-ignored':
    case 'proposal-refused':
      return true;
    case 'term-changed':
      return event.cause === 'message';
    case 'append-accepted':
      return event.entries > 0;
    default:
      return false;
  }
}

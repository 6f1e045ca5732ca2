/**
 * Broken-Raft switches: each removes one rule of the protocol, so a class can watch what the rule
 * was for. All are off by default and named `unsafe…` in RaftConfig wherever they appear (run
 * files, permalinks, scenarios), so a run that uses one says so. With one on, the safety checker
 * (sim/checker.ts) reports what breaks, and the simulation stops cleanly, rather than throwing, if
 * the broken Raft later trips one of Raftlab's own assertions (sim/halt.ts).
 *
 *   commit-by-counting     a leader commits an entry of an earlier term once a majority stores it
 *                          (drops §5.4.2; Figure 8 shows it overwritten after commit)
 *   forget-vote            votedFor is not on disk: a restarted node may vote twice in a term (§5.2)
 *   vote-without-log-check votes are granted without the up-to-date check (drops §5.4.1)
 *   fixed-timeouts         every election timeout is electionTimeoutTicksMin: nodes that start
 *                          together split the vote forever (§5.2's randomization; liveness only)
 *   apply-before-commit    entries are applied as soon as they are in the log (Figure 2: apply
 *                          only up to commitIndex)
 *   append-without-check   AppendEntries is accepted without the prevLogIndex/prevLogTerm check
 *                          (drops the consistency check of §5.3)
 *   no-leader-noop         a new leader appends no entry of its own term, so entries of earlier
 *                          terms wait for the next client command to commit (§5.4.2, §8)
 *   keep-commit-on-restart commitIndex survives a restart (Figure 2 makes it volatile)
 */
import type { RaftConfig } from './types.ts';

export const unsafeSwitchNames = [
  'commit-by-counting',
  'forget-vote',
  'vote-without-log-check',
  'fixed-timeouts',
  'apply-before-commit',
  'append-without-check',
  'no-leader-noop',
  'keep-commit-on-restart',
] as const;

export type UnsafeSwitch = (typeof unsafeSwitchNames)[number];

/** The RaftConfig field of each switch. */
export const unsafeSwitchField = {
  'commit-by-counting': 'unsafeCommitByCounting',
  'forget-vote': 'unsafeForgetVote',
  'vote-without-log-check': 'unsafeVoteWithoutLogCheck',
  'fixed-timeouts': 'unsafeFixedTimeouts',
  'apply-before-commit': 'unsafeApplyBeforeCommit',
  'append-without-check': 'unsafeAppendWithoutCheck',
  'no-leader-noop': 'unsafeNoLeaderNoop',
  'keep-commit-on-restart': 'unsafeKeepCommitOnRestart',
} as const satisfies Record<UnsafeSwitch, keyof RaftConfig>;

export type UnsafeField = (typeof unsafeSwitchField)[UnsafeSwitch];

/** Whether a switch breaks safety (the checker reports a violation) or liveness (the liveness watch reports a stall). */
export const unsafeSwitchBreaks: Readonly<Record<UnsafeSwitch, 'safety' | 'liveness'>> = {
  'commit-by-counting': 'safety',
  'forget-vote': 'safety',
  'vote-without-log-check': 'safety',
  'fixed-timeouts': 'liveness',
  'apply-before-commit': 'safety',
  'append-without-check': 'safety',
  'no-leader-noop': 'liveness',
  'keep-commit-on-restart': 'safety',
};

/** The switches a config has on, in the table's order. */
export function unsafeSwitchesOn(config: RaftConfig): UnsafeSwitch[] {
  return unsafeSwitchNames.filter((name) => config[unsafeSwitchField[name]]);
}

export function anyUnsafe(config: RaftConfig): boolean {
  return unsafeSwitchNames.some((name) => config[unsafeSwitchField[name]]);
}

export function isUnsafeSwitch(name: string): name is UnsafeSwitch {
  return (unsafeSwitchNames as readonly string[]).includes(name);
}

/** RaftConfig overrides that turn the given switches on. */
export function unsafeConfig(switches: readonly UnsafeSwitch[]): Partial<Record<UnsafeField, boolean>> {
  return Object.fromEntries(switches.map((name) => [unsafeSwitchField[name], true]));
}

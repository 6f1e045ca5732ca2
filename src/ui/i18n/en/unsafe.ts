/** Area `unsafe`: the broken-Raft switches, the rules they remove, and the notices a broken run shows. */
import type { UnsafeSwitch } from '../../../core/index.ts';

export const unsafe = {
  legend: 'Broken Raft (unsafe switches)',
  hint: 'Each switch removes one rule of Raft, so you can watch what the rule is for. Runs with a switch on are marked unsafe.',
  /** Each switch's checkbox: its accessible name, "Unsafe: " and the rule it removes. */
  switches: {
    'commit-by-counting': 'Unsafe: commit earlier-term entries by counting',
    'forget-vote': 'Unsafe: forget votedFor on restart',
    'vote-without-log-check': 'Unsafe: grant votes without the up-to-date check',
    'fixed-timeouts': 'Unsafe: fixed election timeouts',
    'apply-before-commit': 'Unsafe: apply entries before they commit',
    'append-without-check': 'Unsafe: accept AppendEntries without the log check',
    'no-leader-noop': 'Unsafe: no leader no-op on election',
    'keep-commit-on-restart': 'Unsafe: keep commitIndex across a restart',
  } satisfies Record<UnsafeSwitch, string>,
  /** The rule each switch removes, in a sentence: shown beside a violation while the switch is on. */
  rules: {
    'commit-by-counting': 'A leader commits only entries of its own term by counting replicas; older ones commit with them (§5.4.2, Figure 8).',
    'forget-vote': 'votedFor is persistent state: a node that restarts must remember whom it voted for in its term (Figure 2, §5.2).',
    'vote-without-log-check': 'A node votes only for a candidate whose log is at least as up to date as its own (the election restriction, §5.4.1).',
    'fixed-timeouts': 'Election timeouts are drawn at random, so that one node usually times out first and wins before the others stand (§5.2).',
    'apply-before-commit': 'A node applies an entry to its state machine only once it is committed (Figure 2: lastApplied ≤ commitIndex).',
    'append-without-check': 'A follower accepts AppendEntries only if its log holds an entry at prevLogIndex with prevLogTerm (the consistency check, §5.3).',
    'no-leader-noop': 'A new leader appends an entry of its own term at once, so that entries of earlier terms can commit through it (§5.4.2, §8).',
    'keep-commit-on-restart': 'commitIndex is volatile: a restarted node starts again from its snapshot and learns what is committed from a leader (Figure 2).',
  } satisfies Record<UnsafeSwitch, string>,
  /** The status bar's marker while any switch is on; `names` is the list of switches. */
  marker: (count: number) => (count === 1 ? 'Unsafe Raft: 1 rule removed' : `Unsafe Raft: ${count} rules removed`),
  /** Beside a violation: the rule the switch on removed. */
  ruleRemoved: (rule: string) => `Rule removed by the unsafe switch: ${rule}`,
  /** The liveness notice. `kind` is app.status.stallKind.*. */
  stalled: (kind: string) => `Liveness: ${kind}`,
  stallAt: (tick: number, detail: string) => ` at tick ${tick}: ${detail}`,
  stallKind: { 'no-leader': 'no leader', 'commit-stalled': 'commit stalled' },
  stallDetail: {
    noLeader: (ticks: number) => `no leader for ${ticks} ticks, though a majority can talk`,
    commitStalled: (node: number, ticks: number, index: number) =>
      `leader node ${node} has held entries through index ${index} on a majority for ${ticks} ticks without committing them: none is of its own term (§5.4.2)`,
  },
  /** A broken run that went off the rails and stopped. */
  halted: (tick: number) => `The run stopped at tick ${tick}`,
  haltedWhy: (reason: string) => `: the broken Raft reached a state Raftlab refuses to go on from (${reason}). Nothing more happens in this run; step back to see how it got there.`,
};

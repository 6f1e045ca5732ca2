// Run with: npx tsx docs/examples/fuzz.ts
// The fuzz engine through the headless API: correct Raft passes its seeds; with a broken-Raft
// switch on, a seed fails, its run replays to the same violation, and the minimiser shrinks it to
// the few actions that show the bug.
import { fuzzSeed, minimiseRun, replay } from '../../src/core/index.ts';

export function fuzzRun(): { correctFailures: number; brokenSeed: number; property: string | null; replayedProperty: string | null; shrunkTo: string[] } {
  let correctFailures = 0;
  for (let seed = 1; seed <= 20; seed += 1) if (fuzzSeed(seed).failure !== null) correctFailures += 1;

  // A restarted node that keeps its commitIndex: Figure 2 makes it volatile.
  let seed = 1;
  let result = fuzzSeed(seed, { switches: ['keep-commit-on-restart'] });
  while (result.failure === null) result = fuzzSeed(++seed, { switches: ['keep-commit-on-restart'] });
  const failure = result.failure;

  const replayed = replay({ options: result.options, actions: result.actions }, failure.tick);
  const shrunk = minimiseRun({ options: result.options, actions: result.actions, endTick: failure.tick, failure });
  return {
    correctFailures,
    brokenSeed: seed,
    property: failure.property,
    replayedProperty: replayed.violations()[0]?.property ?? null,
    shrunkTo: shrunk.actions.map((entry) => `${entry.tick}: ${entry.action.type}`),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(fuzzRun());

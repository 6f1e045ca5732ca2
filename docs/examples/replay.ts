// Run with: npx tsx docs/examples/replay.ts
// A run is data: options plus timed actions. Replaying it gives the very same run.
import { createSimulation, replay } from '../../src/core/index.ts';

export function replayRun(): { sameView: boolean; actions: number } {
  const options = { nodes: 3, seed: 42, network: { dropRatio: 0.1 } };
  const sim = createSimulation(options);
  sim.advance(400);
  sim.put('a', '1');
  sim.advance(100);
  sim.crash(1);
  sim.advance(600);
  sim.restart(1);
  sim.advance(400);

  const again = replay({ options, actions: sim.actions() }, sim.tick);
  return { sameView: JSON.stringify(again.view()) === JSON.stringify(sim.view()), actions: sim.actions().length };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(replayRun());

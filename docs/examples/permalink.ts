// Run with: npx tsx docs/examples/permalink.ts
// A run as a link: drive a Timeline (crash the leader, send a put, step back in time), export the
// run, make its permalink, decode it and import it. The imported run opens at the same tick with
// the very same view, keeps the actions recorded after that tick, and reads back as scenario
// text. A link cut short is named as such instead of opening something else.
import { Timeline } from '../../src/core/index.ts';
import type { PermalinkProblem } from '../../src/protocol/permalink.ts';
import { decodePermalink, encodePermalink } from '../../src/protocol/permalink.ts';
import { runToScenarioText } from '../../src/scenario/index.ts';
import { exportRun, importRun } from '../../src/worker/run-file.ts';

export async function permalinkRun(): Promise<{ address: string; tick: number; maxTick: number; sameView: boolean; scenarioText: string; cutShort: PermalinkProblem | null }> {
  const timeline = new Timeline({ nodes: 5, seed: 7 });
  timeline.advance(1_000);
  timeline.act({ type: 'crash', node: timeline.current.leader()!.id });
  timeline.advance(1_000);
  timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } });
  timeline.advance(500);
  timeline.seek(1_500); // back in time: the view is at tick 1,500; the put at 2,000 stays recorded

  // The run as data (format, version, options, timed actions, the tick on screen, annotations),
  // with a caption, as an opened scenario would have.
  const run = exportRun(timeline, { captions: [{ tick: 1_000, text: 'The leader crashes' }], marks: [], expectations: [], end: null, breakpoints: [] });
  const link = await encodePermalink(run);
  const address = `http://127.0.0.1:5173/?seed=7#run=${link}`; // as the app writes it (defaults left out)

  // What the app does with such an address: decode the fragment, replay the run (to its last
  // action, so the recorded future can be scrubbed), open it paused at its tick.
  const decoded = await decodePermalink(link);
  if (!decoded.ok) throw new Error(`unreadable link: ${decoded.problem.code}`);
  const opened = importRun(decoded.run);
  const sameView = JSON.stringify(opened.current.view()) === JSON.stringify(timeline.current.view());

  // Half a link: decoding never throws; it says what is wrong.
  const half = await decodePermalink(link.slice(0, Math.floor(link.length / 2)));
  return {
    address,
    tick: opened.tick,
    maxTick: opened.maxTick,
    sameView,
    scenarioText: runToScenarioText(decoded.run.options, decoded.run.actions, decoded.run.annotations),
    cutShort: half.ok ? null : half.problem,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await permalinkRun());

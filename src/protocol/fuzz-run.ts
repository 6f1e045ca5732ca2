/**
 * A fuzz failure as a run the app opens (a run file, a permalink): the seed's options and
 * actions, opened at the failing tick, with a mark and a caption there saying what failed. The
 * command line and the app's Fuzz panel build their files here, so both open the same way.
 */
import type { FuzzFailure, SimulationOptions, TimedAction } from '../core/index.ts';
import { noAnnotations } from '../scenario/annotations.ts';
import type { Run } from './worker-protocol.ts';

export interface FailingRunSource {
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
  readonly failure: FuzzFailure;
}

/** The name of the mark at a failure's tick, for "go to mark" and the timeline. */
export const failureMark = 'failure';

export function failingRunFile(source: FailingRunSource): Run {
  const { failure } = source;
  return {
    format: 'raftlab-run',
    version: 2,
    options: source.options,
    actions: source.actions,
    tick: failure.tick,
    annotations: { ...noAnnotations, marks: [{ tick: failure.tick, name: failureMark }], captions: [{ tick: failure.tick, text: failure.summary }] },
  };
}

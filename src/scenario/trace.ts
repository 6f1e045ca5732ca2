/**
 * A run's events in words, one line each: `tick node N: sentence` (`tick cluster: sentence` for
 * events of the whole cluster, such as a partition). The words come from a function passed in,
 * normally the app's own explanations (src/ui/explain.ts), which this layer may not import; the
 * topics choose which events appear. The default leaves out the chatter (every message, every
 * heartbeat, every append) and keeps what a reader follows: elections and leadership (LEAD),
 * terms (TERM), faults (FAULT), client requests (CLNT) and commits (CMIT).
 */
import type { SimEvent, SimulationOptions, Tick, TimedAction, Topic } from '../core/index.ts';
import { playRun, RunDriver } from './run-driver.ts';

export type DescribeEvent = (event: SimEvent) => string;

export const defaultTraceTopics: readonly Topic[] = ['LEAD', 'TERM', 'FAULT', 'CLNT', 'CMIT'];

export function traceLine(event: SimEvent, describe: DescribeEvent): string {
  return `${event.tick} ${event.node === null ? 'cluster' : `node ${event.node}`}: ${describe(event)}`;
}

/** Collects the trace of the events it is shown. */
export class TraceRecorder {
  readonly lines: string[] = [];
  private readonly topics: ReadonlySet<Topic>;

  constructor(
    private readonly describe: DescribeEvent,
    topics: readonly Topic[] = defaultTraceTopics,
  ) {
    this.topics = new Set(topics);
  }

  observe(event: SimEvent): void {
    if (this.topics.has(event.topic)) this.lines.push(traceLine(event, this.describe));
  }
}

/** The trace of a run (options and timed actions) played to `until`. */
export function traceRun(
  options: SimulationOptions,
  actions: readonly TimedAction[],
  trace: { readonly describe: DescribeEvent; readonly topics?: readonly Topic[]; readonly until: Tick },
): string[] {
  const driver = new RunDriver(options);
  const recorder = new TraceRecorder(trace.describe, trace.topics);
  driver.listen((event) => recorder.observe(event), trace.topics ?? defaultTraceTopics);
  playRun(driver, actions, trace.until, { afterTick: () => true });
  return recorder.lines;
}

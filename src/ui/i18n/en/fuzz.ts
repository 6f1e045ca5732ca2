/** The Fuzz panel (English, the source catalogue): many seeds in background workers, the first failure opened. */
import type { FuzzFailureKind } from '../../../core/index.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

const duration = (seconds: number): string => (seconds < 60 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`);

export const fuzz = {
  /** The panel's heading and its region's name. */
  name: 'Fuzz',
  hint: 'Runs many seeds in background workers, each with its own crashes, partitions, message loss and client load; checks the safety properties, liveness after healing, and the client history. Turn an unsafe switch on to watch it caught.',
  seeds: 'Seeds',
  from: 'First seed',
  ticks: 'Ticks per seed',
  workers: 'Workers',
  run: 'Run fuzz',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  progress: 'Fuzz progress',
  /** While running: seeds done, failures, speed and time left (null: not known yet). */
  running: (done: number, total: number, failing: number, perMinute: number | null, secondsLeft: number | null) =>
    `${f.count(done)} of ${f.count(total)} seeds · ${f.count(failing)} failing${perMinute === null ? '' : ` · ${f.count(perMinute)} seeds/min`}${secondsLeft === null ? '' : ` · about ${duration(secondsLeft)} left`}`,
  paused: (done: number, total: number) => `Paused after ${f.count(done)} of ${f.count(total)} seeds`,
  cancelled: (done: number, total: number) => `Cancelled after ${f.count(done)} of ${f.count(total)} seeds`,
  /** The verdict of a whole session without a failure. */
  passed: (total: number) => `${f.count(total)} seeds, no violation`,
  /** `kind` is fuzz.kinds.*; `summary` is the engine's English sentence. */
  failed: (seed: number, kind: string, tick: number) => `Seed ${f.count(seed)} fails: ${kind} at tick ${f.count(tick)}`,
  kinds: {
    violation: 'a safety violation',
    halted: 'the broken run stopped',
    liveness: 'no progress after healing',
    linearizability: 'a client history that is not linearizable',
    error: 'an error in Raftlab',
  } satisfies Record<FuzzFailureKind, string>,
  rate: (perMinute: number, ticks: number) => `${f.count(perMinute)} seeds of ${f.count(ticks)} ticks per minute`,
  open: 'Open failing run',
  shrink: 'Shrink and open',
  shrinking: 'Shrinking progress',
  shrinkStatus: (replays: number, max: number, actions: number) => `Shrinking: ${f.count(replays)} of at most ${f.count(max)} replays; the run is down to ${f.count(actions)} actions`,
  shrunk: (actions: number, nodes: number, tick: number) => `Shrunk to ${f.count(actions)} actions on ${f.count(nodes)} nodes, failing at tick ${f.count(tick)}; opened`,
  shrinkCancelled: 'Shrinking cancelled',
  error: (message: string) => `The fuzz worker failed: ${message}`,
  /** The name an opened failing run goes by, as a file's would. */
  runName: (seed: number) => `fuzz seed ${seed}`,
  runNameShrunk: (seed: number) => `fuzz seed ${seed}, shrunk`,
};

/**
 * The typed protocol between the app's Fuzz panel (src/ui/fuzz) and its fuzz workers
 * (src/worker/fuzz.worker.ts), and between `npm run fuzz` and its worker threads: seeds in,
 * verdicts out; a failing run in, its shrunk version out, with progress. A fuzz worker holds no
 * state between messages, so pausing is not sending, and cancelling is terminating it.
 */
import type { FuzzFailure, MinimisedRun, RaftConfig, SimulationOptions, Tick, TimedAction, UnsafeSwitch } from '../core/index.ts';

/** Seeds for one worker to run. */
export interface FuzzBatch {
  readonly seeds: readonly number[];
  readonly ticks: number;
  readonly switches: readonly UnsafeSwitch[];
  /** Raft extensions on in every seed (PreVote, CheckQuorum, batching). */
  readonly raft?: Partial<RaftConfig>;
  /** Mix leadership transfers into the faults (FuzzOptions.transfers). */
  readonly transfers?: boolean;
  /** Mix membership changes into the faults (FuzzOptions.membership). */
  readonly membership?: boolean;
  /** Mix clients' gets into every seed (FuzzOptions.reads). */
  readonly reads?: boolean;
}

/** What a worker answers for one seed: a pass, or the failure with its run. */
export type SeedVerdict =
  | { readonly seed: number; readonly failure: null }
  | { readonly seed: number; readonly failure: FuzzFailure; readonly options: SimulationOptions; readonly actions: readonly TimedAction[] };

export type ToFuzzWorker =
  | ({ readonly type: 'seeds'; readonly batch: number } & FuzzBatch)
  | {
      readonly type: 'minimise';
      readonly options: SimulationOptions;
      readonly actions: readonly TimedAction[];
      readonly endTick: Tick;
      readonly failure: FuzzFailure;
      readonly maxReplays: number;
    };

export type FromFuzzWorker =
  | { readonly type: 'verdicts'; readonly batch: number; readonly verdicts: readonly SeedVerdict[] }
  | { readonly type: 'minimise-progress'; readonly replays: number; readonly maxReplays: number; readonly actions: number }
  | { readonly type: 'minimised'; readonly run: MinimisedRun }
  /** Something threw: a bug in Raftlab, reported in English as the core said it. */
  | { readonly type: 'error'; readonly message: string };

/** The fuzz workers' own logic, as a function of one message (src/worker/fuzz-logic.ts). */
export type FuzzWorkerHandler = (message: ToFuzzWorker, post: (message: FromFuzzWorker) => void) => void;

/**
 * One fuzz session of the Fuzz panel, without React: it hands seeds to background fuzz workers in
 * small batches, lowest seeds first, and reports progress. Pause stops handing out batches (those
 * running finish); Cancel terminates the workers. At the first failure it hands out nothing more,
 * lets the batches under way finish, and reports the lowest failing seed among them, so the
 * answer is the same however many workers ran. Time taken counts only while running.
 */
import type { FromFuzzWorker, SeedVerdict, ToFuzzWorker } from '../../protocol/fuzz-protocol.ts';
import type { UnsafeSwitch } from '../../core/index.ts';

/** A fuzz worker as the session uses it (a Web Worker in the app; a fake in tests). */
export interface FuzzWorkerLike {
  post(message: ToFuzzWorker): void;
  listen(listener: (message: FromFuzzWorker) => void): void;
  terminate(): void;
}

export type CreateFuzzWorker = () => FuzzWorkerLike;

export interface FuzzPlan {
  readonly from: number;
  readonly count: number;
  readonly ticks: number;
  readonly switches: readonly UnsafeSwitch[];
  readonly workers: number;
}

export type FailingSeed = Extract<SeedVerdict, { failure: object }>;

export type FuzzSessionState =
  | {
      readonly phase: 'running' | 'paused';
      readonly done: number;
      readonly total: number;
      readonly failing: number;
      readonly seedsPerMinute: number | null;
      /** Estimated time left while running (null until a first batch is back). */
      readonly etaMs: number | null;
    }
  | { readonly phase: 'finished'; readonly done: number; readonly total: number; readonly failure: FailingSeed | null; readonly seedsPerMinute: number | null }
  | { readonly phase: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly phase: 'error'; readonly message: string };

export class FuzzSession {
  private readonly workers: FuzzWorkerLike[] = [];
  private readonly idle: FuzzWorkerLike[] = [];
  private readonly inFlight = new Map<number, FuzzWorkerLike>();
  private nextSeed: number;
  private readonly endSeed: number;
  private readonly batchSize: number;
  private batchId = 0;
  private done = 0;
  private failures: FailingSeed[] = [];
  private paused = false;
  private over = false;
  private runningMs = 0;
  private resumedAt: number;

  constructor(
    private readonly plan: FuzzPlan,
    create: CreateFuzzWorker,
    private readonly onChange: (state: FuzzSessionState) => void,
    private readonly now: () => number,
  ) {
    this.nextSeed = plan.from;
    this.endSeed = plan.from + plan.count;
    this.batchSize = Math.max(1, Math.min(20, Math.ceil(plan.count / (plan.workers * 8))));
    this.resumedAt = now();
    for (let i = 0; i < Math.min(plan.workers, plan.count); i += 1) {
      const worker = create();
      worker.listen((message) => this.receive(worker, message));
      this.workers.push(worker);
      this.idle.push(worker);
    }
    this.dispatch();
    this.report();
  }

  pause(): void {
    if (this.over || this.paused) return;
    this.paused = true;
    this.runningMs += this.now() - this.resumedAt;
    this.report();
  }

  resume(): void {
    if (this.over || !this.paused) return;
    this.paused = false;
    this.resumedAt = this.now();
    this.dispatch();
    this.report();
  }

  cancel(): void {
    if (this.over) return;
    this.end();
    this.onChange({ phase: 'cancelled', done: this.done, total: this.plan.count });
  }

  private dispatch(): void {
    while (!this.paused && this.failures.length === 0 && this.nextSeed < this.endSeed && this.idle.length > 0) {
      const worker = this.idle.pop()!;
      const seeds: number[] = [];
      for (let i = 0; i < this.batchSize && this.nextSeed < this.endSeed; i += 1) seeds.push(this.nextSeed++);
      const batch = ++this.batchId;
      this.inFlight.set(batch, worker);
      worker.post({ type: 'seeds', batch, seeds, ticks: this.plan.ticks, switches: this.plan.switches });
    }
  }

  private receive(worker: FuzzWorkerLike, message: FromFuzzWorker): void {
    if (this.over) return;
    if (message.type === 'error') {
      this.end();
      this.onChange({ phase: 'error', message: message.message });
      return;
    }
    if (message.type !== 'verdicts') return;
    this.inFlight.delete(message.batch);
    this.idle.push(worker);
    this.done += message.verdicts.length;
    for (const verdict of message.verdicts) if (verdict.failure !== null) this.failures.push(verdict);
    const exhausted = this.nextSeed >= this.endSeed || this.failures.length > 0;
    if (exhausted && this.inFlight.size === 0) {
      this.finish();
      return;
    }
    this.dispatch();
    this.report();
  }

  private elapsedMs(): number {
    return this.runningMs + (this.paused ? 0 : this.now() - this.resumedAt);
  }

  private rate(): number | null {
    const elapsed = this.elapsedMs();
    return this.done === 0 || elapsed <= 0 ? null : (this.done / elapsed) * 60_000;
  }

  private report(): void {
    if (this.over) return;
    const rate = this.rate();
    const left = this.plan.count - this.done;
    this.onChange({
      phase: this.paused ? 'paused' : 'running',
      done: this.done,
      total: this.plan.count,
      failing: this.failures.length,
      seedsPerMinute: rate,
      etaMs: rate === null || this.paused ? null : (left / rate) * 60_000,
    });
  }

  private finish(): void {
    const rate = this.rate();
    this.end();
    const failure = this.failures.reduce<FailingSeed | null>((lowest, candidate) => (lowest === null || candidate.seed < lowest.seed ? candidate : lowest), null);
    this.onChange({ phase: 'finished', done: this.done, total: this.plan.count, failure, seedsPerMinute: rate });
  }

  private end(): void {
    this.over = true;
    for (const worker of this.workers) worker.terminate();
  }
}

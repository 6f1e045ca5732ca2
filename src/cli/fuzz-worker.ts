/**
 * A worker thread of `npm run fuzz` (src/cli/fuzz.ts): it runs the seeds it is sent, one batch at
 * a time, and answers each batch with every seed's verdict (failing seeds with their whole run).
 */
import { parentPort } from 'node:worker_threads';
import { fuzzSeed } from '../core/index.ts';
import type { FuzzBatch, SeedVerdict } from './fuzz-work.ts';

const port = parentPort;
if (port === null) throw new Error('fuzz-worker.ts runs as a worker thread of src/cli/fuzz.ts');
port.on('message', (batch: FuzzBatch) => {
  const verdicts: SeedVerdict[] = batch.seeds.map((seed) => {
    const result = fuzzSeed(seed, { ticks: batch.ticks, switches: batch.switches });
    return result.failure === null ? { seed, failure: null } : { seed, failure: result.failure, options: result.options, actions: result.actions };
  });
  port.postMessage(verdicts);
});

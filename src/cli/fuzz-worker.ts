/**
 * A worker thread of `npm run fuzz` (src/cli/fuzz.ts): it runs the seeds it is sent, one batch at
 * a time, and answers each batch with every seed's verdict (failing seeds with their whole run).
 */
import { parentPort } from 'node:worker_threads';
import type { FuzzBatch, SeedVerdict } from '../protocol/fuzz-protocol.ts';
import { handleFuzzMessage } from '../worker/fuzz-logic.ts';

const port = parentPort;
if (port === null) throw new Error('fuzz-worker.ts runs as a worker thread of src/cli/fuzz.ts');
port.on('message', (batch: FuzzBatch) => {
  // The app's fuzz workers and these threads run seeds the same way.
  handleFuzzMessage({ type: 'seeds', batch: 0, ...batch }, (reply) => {
    if (reply.type === 'verdicts') port.postMessage(reply.verdicts satisfies readonly SeedVerdict[]);
    else if (reply.type === 'error') throw new Error(reply.message);
  });
});

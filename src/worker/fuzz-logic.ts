/**
 * What a fuzz worker does with each message (the protocol is src/protocol/fuzz-protocol.ts): run
 * a batch of seeds through the fuzz engine, or shrink a failing run, posting progress as it goes.
 * Pure of any Worker API, so tests drive it directly.
 */
import { fuzzSeed, minimiseRun } from '../core/index.ts';
import type { FromFuzzWorker, FuzzWorkerHandler, SeedVerdict } from '../protocol/fuzz-protocol.ts';

export const handleFuzzMessage: FuzzWorkerHandler = (message, post) => {
  try {
    switch (message.type) {
      case 'seeds': {
        const verdicts: SeedVerdict[] = message.seeds.map((seed) => {
          const result = fuzzSeed(seed, { ticks: message.ticks, switches: message.switches, ...(message.raft === undefined ? {} : { raft: message.raft }), ...(message.transfers === true ? { transfers: true } : {}), ...(message.reads === true ? { reads: true } : {}), ...(message.membership === true ? { membership: true } : {}) });
          return result.failure === null ? { seed, failure: null } : { seed, failure: result.failure, options: result.options, actions: result.actions };
        });
        post({ type: 'verdicts', batch: message.batch, verdicts });
        return;
      }
      case 'minimise': {
        const run = minimiseRun(
          { options: message.options, actions: message.actions, endTick: message.endTick, failure: message.failure },
          { maxReplays: message.maxReplays, onProgress: (progress) => post({ type: 'minimise-progress', ...progress }) },
        );
        post({ type: 'minimised', run });
        return;
      }
    }
  } catch (error) {
    const reply: FromFuzzWorker = { type: 'error', message: error instanceof Error ? error.message : String(error) };
    post(reply);
  }
};

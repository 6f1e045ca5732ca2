/**
 * The SimPort of the real app: the simulation runs in a Worker, so a long batch of ticks never
 * blocks the page.
 *
 * The worker is started in one way in both builds, through Vite's `?worker` import below, and
 * vite.config.ts decides what it becomes (docs/deploying.md):
 * - the site (dist/): a module worker loaded from its own file, assets/sim.worker-<hash>.js;
 * - the single file (dist/raftlab.html): opened over file://, where a page may not load another
 *   file as a worker, so the config turns this import into `?worker&inline`, and the worker's code
 *   is inlined in the page and started from a blob: URL, as a classic worker.
 */
import type { FromWorker } from '../../protocol/worker-protocol.ts';
// eslint-disable-next-line no-restricted-imports -- this imports a Worker constructor, not the worker's code: messages still go only through src/protocol.
import SimWorker from '../../worker/sim.worker.ts?worker';
import type { SimPort } from './store.ts';

export interface WorkerPort extends SimPort {
  /** Stops the worker; the port is dead afterwards. */
  terminate(): void;
}

export function createWorkerPort(): WorkerPort {
  const worker = new SimWorker({ name: 'raftlab-sim' });
  const listeners = new Set<(message: FromWorker) => void>();
  const deliver = (message: FromWorker): void => {
    for (const listener of listeners) listener(message);
  };
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => deliver(event.data));
  // A worker that fails to load or throws outside a command reports here; show it as an error.
  // The message stays the English of the protocol; the banner words the problem in the user's language.
  worker.addEventListener('error', (event: ErrorEvent) => {
    const detail = event.message || null;
    // i18n-exempt: the protocol's English message; the banner shows `problem` instead.
    deliver({ type: 'error', message: `The simulation worker failed: ${detail ?? 'it could not start'}`, field: null, problem: { code: 'worker-failed', detail } });
  });
  worker.addEventListener('messageerror', () => {
    // i18n-exempt: the protocol's English message; the banner shows `problem` instead.
    deliver({ type: 'error', message: 'A message from the simulation worker could not be read.', field: null, problem: { code: 'unreadable-reply' } });
  });
  return {
    post: (message) => worker.postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => {
      listeners.clear();
      worker.terminate();
    },
  };
}

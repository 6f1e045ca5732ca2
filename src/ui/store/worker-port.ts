/**
 * The SimPort of the real app: the simulation runs in a module Worker, so a long batch of ticks
 * never blocks the page. Vite bundles the worker from the URL below (keep it a literal).
 */
import type { FromWorker } from '../../protocol/worker-protocol.ts';
import type { SimPort } from './store.ts';

export interface WorkerPort extends SimPort {
  /** Stops the worker; the port is dead afterwards. */
  terminate(): void;
}

export function createWorkerPort(): WorkerPort {
  const worker = new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'raftlab-sim' });
  const listeners = new Set<(message: FromWorker) => void>();
  const deliver = (message: FromWorker): void => {
    for (const listener of listeners) listener(message);
  };
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => deliver(event.data));
  // A worker that fails to load or throws outside a command reports here; show it as an error.
  worker.addEventListener('error', (event: ErrorEvent) => {
    deliver({ type: 'error', message: `The simulation worker failed: ${event.message || 'it could not start'}`, field: null });
  });
  worker.addEventListener('messageerror', () => {
    deliver({ type: 'error', message: 'A message from the simulation worker could not be read.', field: null });
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

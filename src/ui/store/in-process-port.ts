/**
 * A SimPort that runs the worker's logic on the page's own thread: for component tests (jsdom
 * has no Worker) and as a fallback where module workers are unavailable.
 *
 * The logic is passed in rather than imported: the UI may not import src/worker (lint enforces
 * the boundary), so the composition root, a test or main.tsx, hands over createWorkerLogic.
 * Replies are delivered in a microtask, as a Worker delivers them in a later task: the store
 * never sees a reply inside the call that posted its command, exactly as in the real app. Both
 * directions are structured-cloned, as postMessage does, so nothing is shared by reference and
 * anything a Worker could not carry fails here too.
 */
import type { FromWorker, ToWorker } from '../../protocol/worker-protocol.ts';
import type { SimPort } from './store.ts';

/** The shape of src/worker/worker-logic.ts: createWorkerLogic. */
export type WorkerLogicFactory = (post: (message: FromWorker) => void) => { handle(message: ToWorker): void };

export function createInProcessPort(createLogic: WorkerLogicFactory): SimPort {
  const listeners = new Set<(message: FromWorker) => void>();
  const logic = createLogic((message) => {
    const copy = structuredClone(message);
    queueMicrotask(() => {
      for (const listener of listeners) listener(copy);
    });
  });
  return {
    // Commands too run in a microtask, so a burst of posts is handled in order after the caller returns.
    post: (message) => {
      const copy = structuredClone(message);
      queueMicrotask(() => logic.handle(copy));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A SimPort that runs the worker's logic on the test's own thread: jsdom and Node have no module
 * Worker, so the store tests and the App component tests drive the real worker logic through it.
 *
 * The logic is passed in (createWorkerLogic) so a test can wrap or replace it. Replies are
 * delivered in a microtask, as a Worker delivers them in a later task: the store never sees a
 * reply inside the call that posted its command, exactly as in the real app. Both directions are
 * structured-cloned, as postMessage does, so nothing is shared by reference and anything a Worker
 * could not carry fails here too.
 */
import type { FromWorker, ToWorker } from '../../src/protocol/worker-protocol.ts';
import type { SimPort } from '../../src/ui/store/store.ts';

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

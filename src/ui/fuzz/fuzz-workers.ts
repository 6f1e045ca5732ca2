/**
 * The app's fuzz workers: Web Workers started the way the simulation worker is (Vite's `?worker`,
 * inlined in the single file; see src/ui/store/worker-port.ts).
 */
import type { FromFuzzWorker, ToFuzzWorker } from '../../protocol/fuzz-protocol.ts';
// eslint-disable-next-line no-restricted-imports -- this imports a Worker constructor, not the worker's code: messages go only through src/protocol.
import FuzzWorker from '../../worker/fuzz.worker.ts?worker';
import type { FuzzWorkerLike } from './fuzz-session.ts';

export function createFuzzWorker(): FuzzWorkerLike {
  const worker = new FuzzWorker({ name: 'raftlab-fuzz' });
  return {
    post: (message: ToFuzzWorker) => worker.postMessage(message),
    listen: (listener) => {
      worker.addEventListener('message', (event: MessageEvent<FromFuzzWorker>) => listener(event.data));
      // A worker that cannot start says so as an error reply, worded by the panel (fuzz.error).
      worker.addEventListener('error', (event: ErrorEvent) =>
        // i18n-exempt: the protocol's English detail, shown inside the catalogue's own sentence.
        listener({ type: 'error', message: event.message || 'the fuzz worker could not start' }),
      );
    },
    terminate: () => worker.terminate(),
  };
}

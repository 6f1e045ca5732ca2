/**
 * The simulation worker: plumbing only. Everything it does lives in createWorkerLogic, which the
 * tests drive directly in Node.
 */
import type { FromWorker, ToWorker } from '../protocol/worker-protocol.ts';
import { createWorkerLogic } from './worker-logic.ts';

// The program is typed with the DOM lib, not the WebWorker lib (the two conflict), so the
// worker's global scope is described here by what this file uses of it.
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const logic = createWorkerLogic((message) => scope.postMessage(message));
scope.onmessage = (event) => logic.handle(event.data);

/** A fuzz worker of the app's Fuzz panel: plumbing only; fuzz-logic.ts does the work. */
import type { FromFuzzWorker, ToFuzzWorker } from '../protocol/fuzz-protocol.ts';
import { handleFuzzMessage } from './fuzz-logic.ts';

// Typed with the DOM lib, not the WebWorker lib: the worker's global scope as this file uses it.
const scope = self as unknown as {
  postMessage(message: FromFuzzWorker): void;
  onmessage: ((event: MessageEvent<ToFuzzWorker>) => void) | null;
};

scope.onmessage = (event) => handleFuzzMessage(event.data, (message) => scope.postMessage(message));

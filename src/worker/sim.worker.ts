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

/**
 * Runs an import's next chunk (or the term tape's next slice) after the messages already waiting
 * (so a Cancel or a frame is read between them), without setTimeout's 4 ms clamp on nested timers.
 */
function scheduleAfterMessages(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

const logic = createWorkerLogic((message) => scope.postMessage(message), () => performance.now(), scheduleAfterMessages(), { background: scheduleAfterMessages() });
scope.onmessage = (event) => logic.handle(event.data);

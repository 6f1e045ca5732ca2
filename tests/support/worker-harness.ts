import type { FromWorker, Run, ToWorker } from '../../src/protocol/worker-protocol.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/**
 * The worker's logic in Node, driven as the app drives it: `send` feeds one command and returns
 * the replies it produced; `last` is the latest reply of a type so far; `exported` the run as
 * Export run gets it. `now` is the worker's clock. The default is a fixed one, so every frame runs
 * all its ticks and every import finishes in its first chunk: what a test sees never depends on how
 * busy the machine is (an import cut into chunks on slow cores was cancelled by the next command).
 */
export function workerHarness(now: () => number = () => 0) {
  const replies: FromWorker[] = [];
  const logic = createWorkerLogic((message) => replies.push(message), now);
  const send = (command: ToWorker): FromWorker[] => {
    const start = replies.length;
    logic.handle(command);
    return replies.slice(start);
  };
  const last = <T extends FromWorker['type']>(type: T): Reply<T> => {
    const reply = replies.filter((item): item is Reply<T> => item.type === type).at(-1);
    if (reply === undefined) throw new Error(`no '${type}' reply yet`);
    return reply;
  };
  const exported = (): Run => {
    send({ type: 'export-run' });
    return last('run').run;
  };
  return { replies, send, last, exported };
}

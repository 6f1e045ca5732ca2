/**
 * A stand-in for the worker in store tests: every command the store posts is recorded, and the
 * test hands in the "worker's" replies by hand.
 */
import type { FromWorker, ToWorker } from '../../src/protocol/worker-protocol.ts';
import type { SimPort } from '../../src/ui/store/store.ts';

export function fakePort() {
  const posted: ToWorker[] = [];
  let listener: ((message: FromWorker) => void) | null = null;
  const port: SimPort = {
    post: (message) => posted.push(message),
    subscribe: (next) => {
      listener = next;
      return () => {
        listener = null;
      };
    },
  };
  const reply = (message: FromWorker): void => listener?.(message);
  /** The commands posted since the last call. */
  const take = (): ToWorker[] => posted.splice(0);
  return { port, reply, take };
}

/**
 * How the Fuzz panel starts its workers: the app's entry (main.tsx) provides the Web Worker
 * factory; tests provide their own; elsewhere (null) the panel cannot run.
 */
import { createContext, useContext } from 'react';
import type { CreateFuzzWorker } from './fuzz-session.ts';

export const FuzzWorkerContext = createContext<CreateFuzzWorker | null>(null);

export function useFuzzWorkerFactory(): CreateFuzzWorker | null {
  return useContext(FuzzWorkerContext);
}

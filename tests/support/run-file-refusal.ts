import { parseRun, RunFileError } from '../../src/worker/run-file.ts';

/** Why the worker refuses a run file (its RunFileError); fails the test when the file is accepted. */
export function runFileRefusal(value: unknown): RunFileError {
  try {
    parseRun(value);
  } catch (error) {
    if (error instanceof RunFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

/** The runs area's messages: saving and loading runs as files (English, the source catalogue). */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const runs = {
  exportRun: 'Export run',
  importRun: 'Import run',
  fileInput: 'Run file to import',
  /** A file name the app was not told (an import started without one). */
  unnamedFile: 'the file',
  confirmImport: 'Confirm import',
  replaceQuestion: (fileName: string) => `Replace the current run with the run in "${fileName}"? The current run and its history are discarded.`,
  importAndReplace: 'Import and replace',
  cancel: 'Cancel',
  importing: (fileName: string) => `Importing "${fileName}"…`,
  importingPercent: (fileName: string, percent: number) => `Importing "${fileName}": ${percent}%`,
  progress: 'Import progress',
  cancelImport: 'Cancel import',
  imported: (fileName: string, actions: number, tick: number) => `✓ Imported run from "${fileName}": ${actions} ${f.plural(actions, { one: 'action', other: 'actions' })}, tick ${tick}`,
  dismissNotice: 'Dismiss import notice',
  dismiss: 'Dismiss',
  /** A picked file that is not JSON at all (run-file-text.ts). */
  notJson: {
    sentence: (fileName: string, why: string) => `"${fileName}" is not a JSON file: ${why}.`,
    empty: 'it is empty',
    binary: (failure: string) => `it looks like binary data; ${failure}`,
    failed: (where: string) => `parsing failed ${where}`,
    /** Where the parser stopped; `reason` is the browser's own message, quoted as it is. */
    atLine: (line: number, column: number, reason: string) => `at line ${line}, column ${column} (${reason})`,
    atEnd: (line: number, column: number, reason: string) => `at the end, line ${line}, column ${column}: the file may be cut short (${reason})`,
    somewhere: (reason: string) => `(${reason})`,
  },
  /**
   * What the worker found wrong with a run file (or a new run's node count), the same sentences as
   * its English message (src/worker/run-file.ts). Field names and the file's values stay as written.
   */
  problem: {
    array: (length: number) => `an array of ${length}`,
    object: 'an object',
    notARun: (got: string) => `run must be a Raftlab run (a JSON object) (got ${got})`,
    format: (expected: string, got: string) => `format must be "${expected}" (got ${got})`,
    options: (got: string) => `options must be an object of simulation options (got ${got})`,
    nodeCount: (field: string, max: number, got: string) => `${field} must be an integer from 1 to ${max}, the most nodes the app shows (got ${got})`,
    actions: (got: string) => `actions must be an array of { tick, action } (got ${got})`,
    tooManyActions: (max: number, got: string) => `actions must be at most ${max} actions (got ${got})`,
    actionItem: (index: number, got: string) => `actions[${index}] must be an object { tick, action } (got ${got})`,
    actionTick: (index: number, min: number, max: number, got: string) =>
      min === 0 ? `actions[${index}].tick must be an integer from 0 to ${max} (got ${got})` : `actions[${index}].tick must be an integer from ${min} to ${max} (actions in tick order) (got ${got})`,
    actionObject: (index: number, got: string) => `actions[${index}].action must be an action object (got ${got})`,
    tick: (max: number, got: string) => `tick must be an integer from 0 to ${max} (got ${got})`,
  },
};

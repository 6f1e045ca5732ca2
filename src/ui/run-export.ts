/**
 * A run as a file to download: JSON (the run file every import reads) or scenario text (readable
 * and editable; Open scenario reads it back, src/scenario/from-run.ts). Each format says its file
 * name, type and text.
 */
import type { Run } from '../protocol/worker-protocol.ts';
import { runToScenarioText } from '../scenario/index.ts';
import { download } from './download.ts';

/** The formats a run can be exported as. */
export type RunExportFormat = 'json' | 'scenario';

export interface RunFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

export function runFile(run: Run, format: RunExportFormat): RunFile {
  switch (format) {
    case 'json':
      return { name: `raftlab-run-seed${run.options.seed ?? 1}-tick${run.tick}.json`, type: 'application/json', text: `${JSON.stringify(run, null, 2)}\n` };
    case 'scenario':
      return { name: `raftlab-run-seed${run.options.seed ?? 1}-tick${run.tick}.scn`, type: 'text/plain', text: runToScenarioText(run.options, run.actions, run.annotations) };
    default:
      throw new Error(`Unknown run export format ${String(format)}`);
  }
}

/** Hands the file to the browser's downloads. */
export function downloadRunFile(file: RunFile): void {
  download(file.name, new Blob([file.text], { type: file.type }));
}

/**
 * A run as a file to download. Export takes a format, so another one can join JSON here (the
 * scenario text of src/scenario is planned): each format says its file name, type and text.
 */
import type { Run } from '../protocol/worker-protocol.ts';

/** The formats Export run can write. */
export type RunExportFormat = 'json';

export interface RunFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

export function runFile(run: Run, format: RunExportFormat): RunFile {
  switch (format) {
    case 'json':
      return { name: `raftlab-run-seed${run.options.seed ?? 1}-tick${run.tick}.json`, type: 'application/json', text: `${JSON.stringify(run, null, 2)}\n` };
    default:
      throw new Error(`Unknown run export format ${String(format)}`);
  }
}

/** Hands the file to the browser's downloads. */
export function downloadRunFile(file: RunFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  URL.revokeObjectURL(url);
}

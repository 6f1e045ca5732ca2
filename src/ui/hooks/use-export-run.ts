import { downloadRunFile, runFile } from '../run-export.ts';
import type { RunExportFormat } from '../run-export.ts';
import { useAppStore } from '../store/store-context.tsx';

/** Downloads the current run as a file in `format` (run-export.ts lists the formats). */
export function useExportRun(): (format: RunExportFormat) => Promise<void> {
  const exportRun = useAppStore((state) => state.exportRun);
  return async (format) => downloadRunFile(runFile(await exportRun(), format));
}

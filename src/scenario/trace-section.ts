/**
 * A scenario file may end with the trace its run is expected to produce, after a line that reads
 * exactly `--- trace`: one event per line, as traceLines (trace.ts) writes them. The scenario's
 * text stops at that line, so the parser never reads the trace, and the test that runs
 * tests/scenarios/*.scn compares it (REWRITE=1 writes it afresh instead).
 */
export const traceSeparator = '--- trace';

function isSeparator(line: string): boolean {
  return line.trim() === traceSeparator;
}

/** The scenario text and, when the file has a trace section, its lines (no trailing empty line). */
export function splitTraceSection(text: string): { readonly scenario: string; readonly trace: readonly string[] | null } {
  const lines = text.split('\n');
  const at = lines.findIndex(isSeparator);
  if (at === -1) return { scenario: text, trace: null };
  const trace = lines.slice(at + 1).map((line) => line.replace(/\r$/, ''));
  while (trace.length > 0 && trace.at(-1) === '') trace.pop();
  return { scenario: lines.slice(0, at).join('\n'), trace };
}

/** `scenario` followed by a trace section holding `trace`. */
export function withTraceSection(scenario: string, trace: readonly string[]): string {
  const body = scenario.replace(/\s+$/, '');
  return `${body}\n\n${traceSeparator}\n${trace.map((line) => `${line}\n`).join('')}`;
}

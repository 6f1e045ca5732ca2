/**
 * Reading a run file's text on the UI side: JSON.parse, with an error a user can act on when the
 * file is not JSON at all (empty, cut short, binary, another format). The worker then checks that
 * the JSON is a Raftlab run (src/worker/run-file.ts).
 */

export type RunFileText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Longest part of the browser's own message quoted back (it can quote the file's bytes). */
const reasonCharsMax = 100;

export function parseRunFileText(fileName: string, text: string): RunFileText {
  const notJson = (why: string): RunFileText => ({ ok: false, message: `"${fileName}" is not a JSON file: ${why}.` });
  if (text.trim() === '') return notJson('it is empty');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const binary = looksBinary(text) ? 'it looks like binary data; ' : '';
    return notJson(`${binary}parsing failed ${whereParsingFailed(text, error.message)}`);
  }
}

/** Where the parser stopped, from its message: a position, a line and column, or the end of the text. */
export function whereParsingFailed(text: string, message: string): string {
  const reason = readable(message);
  const position = /position (\d+)/.exec(message);
  if (position !== null) return `at ${lineAndColumn(text, Number(position[1]))} (${reason})`;
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line !== null) return `at line ${line[1]}, column ${line[2]} (${reason})`;
  if (/end of|EOF/i.test(message)) return `at the end, ${lineAndColumn(text, text.length)}: the file may be cut short (${reason})`;
  return `(${reason})`;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** NUL or other control bytes (not tab or line ends) early in the file: not a text format. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control bytes are what this looks for
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 1_000));
}

/** The browser's message, without control characters and cut to a readable length. */
function readable(message: string): string {
  // eslint-disable-next-line no-control-regex -- control bytes are what this removes
  const clean = message.replace(/[\u0000-\u001f\u007f\ufffd]/g, '?');
  return clean.length > reasonCharsMax ? `${clean.slice(0, reasonCharsMax)}…` : clean;
}

/** Reading an import file's text: a file that is not JSON says so, with its name and where parsing stopped. */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { notJsonText, parseFailureText, parseRunFileText, whereParsingFailed as whereParsingStopped } from '../../src/ui/run-file-text.ts';

const m = messagesFor('en');

function message(fileName: string, text: string): string {
  const result = parseRunFileText(fileName, text);
  if (result.ok) throw new Error(`${fileName} parsed`);
  return notJsonText(m, result.problem);
}

/** Where parsing stopped, in English words (run-file-text.ts gives it as data). */
const whereParsingFailed = (text: string, reason: string): string => parseFailureText(m, whereParsingStopped(text, reason));

describe('run file text', () => {
  it('parses JSON and hands the value on unchecked (the worker checks the run)', () => {
    expect(parseRunFileText('run.json', '{"format":"raftlab-run"}')).toEqual({ ok: true, value: { format: 'raftlab-run' } });
    expect(parseRunFileText('list.json', '[1, 2]')).toEqual({ ok: true, value: [1, 2] });
  });

  it('an empty file is not a JSON file', () => {
    expect(message('empty.json', '')).toBe('"empty.json" is not a JSON file: it is empty.');
    expect(message('blank.json', ' \n\t ')).toBe('"blank.json" is not a JSON file: it is empty.');
  });

  it('a truncated file says it ends early, at which line and column', () => {
    const text = '{\n  "format": "raftlab-run",\n  "actions": [';
    expect(message('cut.json', text)).toMatch(/^"cut\.json" is not a JSON file: parsing failed at the end, line 3, column 15: the file may be cut short \(.+\)\.$/);
  });

  it('a binary file is called binary, never "format must be raftlab-run"', () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';
    const text = message('picture.png', png);
    expect(text).toMatch(/^"picture\.png" is not a JSON file: it looks like binary data; parsing failed/);
    expect([...text].some((character) => character.charCodeAt(0) < 0x20)).toBe(false); // control bytes are not shown
    expect(text).not.toContain('format');
  });

  it('says where parsing failed, from the position in the parser\'s message', () => {
    const text = '{"format": "raftlab-run"}\n  x';
    expect(message('tail.json', text)).toMatch(/^"tail\.json" is not a JSON file: parsing failed at line 2, column 3 \(.+\)\.$/);
  });

  it('understands the ways browsers say where: a position, a line and column, the end, or only a reason', () => {
    const text = 'ab\ncd';
    expect(whereParsingFailed(text, 'Unexpected token in JSON at position 4')).toBe('at line 2, column 2 (Unexpected token in JSON at position 4)');
    expect(whereParsingFailed(text, 'JSON.parse: unexpected character at line 2 column 1 of the JSON data')).toBe(
      'at line 2, column 1 (JSON.parse: unexpected character at line 2 column 1 of the JSON data)',
    );
    expect(whereParsingFailed(text, 'JSON Parse error: Unexpected EOF')).toBe('at the end, line 2, column 3: the file may be cut short (JSON Parse error: Unexpected EOF)');
    expect(whereParsingFailed(text, `Unexpected token 'a', "${'a'.repeat(200)}" is not valid JSON`)).toMatch(/^\(Unexpected token 'a', "a+…\)$/);
  });
});

/**
 * Scenario text as tokens, one line at a time (a statement never spans lines).
 *
 * - A word is a run of letters, digits and '_', with single '-' or '.' inside it joining more of
 *   them (`heal-point`, `raft.inflightMax`, `v1.2`); a run of digits alone (with '_' between
 *   digit groups and one '.' fraction) is a number instead, optionally followed by '%'.
 * - Text in double quotes is a string, with the escapes \" \\ \n \t and \u{hex}.
 * - Signs: { } [ ] , : ; = + .. -> <-> >= <= ≥ ≤ > <
 * - '#' outside quotes starts a comment to the end of the line.
 * Anything else is an error: nothing in a scenario is ever run as code, and odd characters belong
 * in quotes.
 */
import type { ScenarioError } from './errors.ts';

export type TokenKind = 'word' | 'number' | 'string' | 'sign';

export interface Token {
  readonly kind: TokenKind;
  /** As written for words, numbers and signs; the text itself (escapes decoded) for strings. */
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly column: number;
  /** A number's value ('_' removed, '%' not applied); 0 for other tokens. */
  readonly value: number;
  /** A number written with '%'. */
  readonly percent: boolean;
}

export type LexResult = { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly error: ScenarioError };

const signs = ['<->', '->', '..', '>=', '<=', '{', '}', '[', ']', ',', ':', ';', '=', '+', '≥', '≤', '>', '<'];
const numberPattern = /^\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z0-9_]$/.test(char);
}

function lexError(line: number, column: number, code: 'syntax' | 'unterminated', found: string, expected: ScenarioError['expected'] = []): LexResult {
  return { ok: false, error: { code, line, column, found, expected, suggestion: null } };
}

const escapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** Tokens of one line; `lineNumber` is only for errors. */
export function lexLine(text: string, lineNumber: number): LexResult {
  // Code points, so that columns count characters even beyond the Basic Multilingual Plane.
  const chars = Array.from(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i]!;
    const column = i + 1;
    if (char === ' ' || char === '\t' || char === '\r') {
      i += 1;
    } else if (char === '#') {
      break;
    } else if (char === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const next = chars[j];
        if (next === undefined) return lexError(lineNumber, column, 'unterminated', '"', [{ kind: 'literal', text: '"' }]);
        if (next === '"') break;
        if (next === '\\') {
          const escape = chars[j + 1];
          if (escape !== undefined && escape in escapes) {
            value += escapes[escape]!;
            j += 2;
            continue;
          }
          const hex = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(chars.slice(j + 1, j + 10).join(''));
          const code = hex === null ? NaN : parseInt(hex[1]!, 16);
          if (hex === null || code > 0x10ffff) {
            return lexError(lineNumber, j + 1, 'syntax', `\\${escape ?? ''}`, ['\\"', '\\\\', '\\n', '\\t', '\\u{…}'].map((text) => ({ kind: 'literal', text })));
          }
          value += String.fromCodePoint(code);
          j += 1 + hex[0].length;
          continue;
        }
        value += next;
        j += 1;
      }
      tokens.push({ kind: 'string', text: value, column, value: 0, percent: false });
      i = j + 1;
    } else if (isWordChar(char)) {
      let j = i;
      for (;;) {
        while (isWordChar(chars[j])) j += 1;
        // A '-' or '.' joins only when a word character follows: "1->2" and "10..30" split.
        if ((chars[j] === '-' || chars[j] === '.') && isWordChar(chars[j + 1])) j += 1;
        else break;
      }
      const written = chars.slice(i, j).join('');
      if (numberPattern.test(written)) {
        const percent = chars[j] === '%';
        tokens.push({ kind: 'number', text: percent ? `${written}%` : written, column, value: Number(written.replaceAll('_', '')), percent });
        i = j + (percent ? 1 : 0);
      } else {
        tokens.push({ kind: 'word', text: written, column, value: 0, percent: false });
        i = j;
      }
    } else {
      const rest = chars.slice(i, i + 3).join('');
      const sign = signs.find((candidate) => rest.startsWith(candidate));
      if (sign === undefined) return lexError(lineNumber, column, 'syntax', char);
      tokens.push({ kind: 'sign', text: sign, column, value: 0, percent: false });
      i += Array.from(sign).length;
    }
  }
  return { ok: true, tokens };
}

/**
 * Reading one statement's tokens: the small pieces every statement is made of (words, signs,
 * numbers, ticks, node references, node sets, quoted text) and the errors they raise. A
 * statement's parser stops at its first error by throwing a ParseFailure, which parser.ts catches
 * and records before going on with the next statement.
 */
import type { Expected, ExpectedClass, ScenarioError } from './errors.ts';
import type { Token } from './lexer.ts';
import { scenarioTickMax } from './limits.ts';
import { suggest } from './suggest.ts';
import type { NodeRef } from './syntax-tree.ts';

/** An error's fields other than where it is and what was found there (those come from the token). */
export type WithoutPlace<E> = E extends unknown ? Omit<E, 'line' | 'column' | 'found'> : never;

export class ParseFailure extends Error {
  constructor(readonly error: ScenarioError) {
    super(error.code);
  }
}

export const literal = (text: string): Expected => ({ kind: 'literal', text });
export const kind = (name: ExpectedClass): Expected => ({ kind: 'class', name });

/** A node number as written, checked against the cluster's size once the whole text is read. */
export interface NodeUse {
  readonly id: number;
  readonly line: number;
  readonly column: number;
}

export class Cursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly line: number,
    /** Column just past the statement, for errors at its end. */
    private readonly endColumn: number,
    /** Node numbers read, for the bad-node check. */
    private readonly nodeUses: NodeUse[],
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  get atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** Column of the next token (or of the statement's end). */
  get column(): number {
    return this.peek()?.column ?? this.endColumn;
  }

  next(): Token {
    const token = this.peek();
    if (token === undefined) throw new Error('Cursor.next past the end');
    this.index += 1;
    return token;
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token !== undefined && token.kind === 'word' && token.text === word;
  }

  isSign(sign: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token !== undefined && token.kind === 'sign' && token.text === sign;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.index += 1;
    return true;
  }

  acceptSign(sign: string): boolean {
    if (!this.isSign(sign)) return false;
    this.index += 1;
    return true;
  }

  /** An error at the next token; with `words`, a near miss among them is suggested. */
  error(expected: readonly Expected[], words: readonly string[] = []): ParseFailure {
    const token = this.peek();
    const found = token?.text ?? null;
    const suggestion = token?.kind === 'word' ? suggest(token.text, words) : null;
    return new ParseFailure({ code: 'syntax', line: this.line, column: this.column, found, expected, suggestion });
  }

  /** An error at `token` (already read), with the fields its code needs. */
  errorAt(token: Token, error: WithoutPlace<ScenarioError>): ParseFailure {
    return new ParseFailure({ line: this.line, column: token.column, found: token.text, ...error });
  }

  expectWord(word: string): void {
    if (!this.acceptWord(word)) throw this.error([literal(word)], [word]);
  }

  expectSign(sign: string): void {
    if (!this.acceptSign(sign)) throw this.error([literal(sign)]);
  }

  /** The statement must end here. */
  end(also: readonly Expected[] = []): void {
    if (!this.atEnd) throw this.error([...also, kind('end-of-statement')]);
  }

  /** A word out of `words` (reported as `expected` when missing). */
  oneOf<W extends string>(words: readonly W[], expected: readonly Expected[]): W {
    const token = this.peek();
    if (token?.kind === 'word' && (words as readonly string[]).includes(token.text)) {
      this.index += 1;
      return token.text as W;
    }
    throw this.error(expected, words);
  }

  /** A whole number from min to max. */
  integer(min: number, max: number, what: ExpectedClass = 'integer'): number {
    const token = this.peek();
    if (token?.kind !== 'number' || token.percent || !Number.isInteger(token.value)) throw this.error([kind(what)]);
    this.index += 1;
    if (token.value < min || token.value > max) throw this.errorAt(token, { code: 'out-of-range', expected: [kind(what)], suggestion: null, min, max });
    return token.value;
  }

  /** A probability: 0 to 1, or 0% to 100%. */
  probability(): number {
    const token = this.peek();
    if (token?.kind !== 'number') throw this.error([kind('probability')]);
    this.index += 1;
    const max = token.percent ? 100 : 1;
    if (token.value > max) throw this.errorAt(token, { code: 'out-of-range', expected: [kind('probability')], suggestion: null, min: 0, max });
    return token.percent ? token.value / 100 : token.value;
  }

  onOff(): boolean {
    const word = this.oneOf(['on', 'off', 'true', 'false'], [kind('switch')]);
    return word === 'on' || word === 'true';
  }

  /** A tick: absolute, or `+N` after `base` (the previous timed line's tick). */
  tick(base: number, min = 0): number {
    const relative = this.acceptSign('+');
    const token = this.peek();
    if (token?.kind !== 'number' || token.percent || !Number.isInteger(token.value)) throw this.error([kind('tick')]);
    this.index += 1;
    const tick = relative ? base + token.value : token.value;
    if (tick < min || tick > scenarioTickMax) {
      throw this.errorAt(token, { code: 'out-of-range', expected: [kind('tick')], suggestion: null, min: relative ? Math.max(0, min - base) : min, max: relative ? scenarioTickMax - base : scenarioTickMax });
    }
    return tick;
  }

  /** `3`, `node 3`, `leader`, `old leader`, `leader of term 2`. */
  nodeRef(): NodeRef {
    if (this.acceptWord('leader')) {
      if (!this.acceptWord('of')) return { kind: 'leader' };
      this.expectWord('term');
      return { kind: 'leader-of-term', term: this.integer(1, Number.MAX_SAFE_INTEGER) };
    }
    if (this.acceptWord('old')) {
      this.expectWord('leader');
      return { kind: 'old-leader' };
    }
    const named = this.acceptWord('node');
    const token = this.peek();
    if (token?.kind !== 'number' || token.percent || !Number.isInteger(token.value)) throw this.error([kind('node')], named ? [] : ['leader', 'old', 'node']);
    this.index += 1;
    this.nodeUses.push({ id: token.value, line: this.line, column: token.column });
    return { kind: 'id', id: token.value };
  }

  /** `{1, 2, leader}`: at least one node. */
  nodeSet(): NodeRef[] {
    const open = this.peek();
    if (open === undefined || !this.acceptSign('{')) throw this.error([kind('node-set')]);
    const nodes = [this.nodeRef()];
    while (!this.acceptSign('}')) {
      if (this.atEnd) throw this.errorAt(open, { code: 'unterminated', expected: [literal('}')], suggestion: null });
      if (!this.acceptSign(',')) throw this.error([literal(','), literal('}')]);
      nodes.push(this.nodeRef());
    }
    return nodes;
  }

  /** `[1, 1, 4]`: a possibly empty list of terms. */
  termList(): number[] {
    const open = this.peek();
    if (open === undefined || !this.acceptSign('[')) throw this.error([kind('term-list')]);
    const terms: number[] = [];
    if (this.acceptSign(']')) return terms;
    terms.push(this.integer(0, Number.MAX_SAFE_INTEGER));
    while (!this.acceptSign(']')) {
      if (this.atEnd) throw this.errorAt(open, { code: 'unterminated', expected: [literal(']')], suggestion: null });
      if (!this.acceptSign(',')) throw this.error([literal(','), literal(']')]);
      terms.push(this.integer(0, Number.MAX_SAFE_INTEGER));
    }
    return terms;
  }

  /** Quoted text. */
  text(): string {
    const token = this.peek();
    if (token?.kind !== 'string') throw this.error([kind('text')]);
    this.index += 1;
    return token.text;
  }

  /** A key, value or name: a bare word or number as written, or quoted text. */
  bare(what: ExpectedClass): string {
    const token = this.peek();
    if (token === undefined || token.kind === 'sign') throw this.error([kind(what)]);
    this.index += 1;
    return token.text;
  }
}

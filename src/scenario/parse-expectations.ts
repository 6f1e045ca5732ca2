/**
 * `expect TIMING: CONDITION`, checked as the run plays (evaluate.ts says exactly how).
 *
 *   TIMING    = by T | from T by T | at T | always | never
 *   CONDITION = leader in {N, ...}            | no leader
 *             | K=V committed [on SET]        | delete K committed [on SET]   (also: committed K=V ...)
 *             | N in term (=|≥|>=|≤|<=|>|<) M | N is [a] (follower|candidate|leader|crashed)
 *             | N has log [T, ...]            | no violation | at most one leader per term
 *             | violation [of "PROPERTY"]     | stall [of no-leader | commit-stalled]
 *   SET       = {N, ...} | all | N
 */
import type { ClientCommand } from '../core/index.ts';
import { safetyProperties, stallKinds } from '../core/index.ts';
import type { Cursor } from './cursor.ts';
import { kind, literal } from './cursor.ts';
import type { Comparison, Condition, Expectation, NodeSet, Timing } from './syntax-tree.ts';

export const conditionWords = ['leader', 'old', 'node', 'no', 'at', 'committed', 'delete', 'a', 'violation', 'stall', 'voters'] as const;

/** `of "NAME"` naming one of `names`, or null when there is no `of`. */
function namedAfterOf<N extends string>(cursor: Cursor, names: readonly N[]): N | null {
  if (!cursor.acceptWord('of')) return null;
  const token = cursor.peek();
  const name = token?.kind === 'string' ? names.find((candidate) => candidate === token.text) : undefined;
  if (name === undefined) throw cursor.error(names.map((candidate) => literal(`"${candidate}"`)));
  cursor.next();
  return name;
}
const roles = ['follower', 'candidate', 'leader', 'crashed', 'removed'] as const;

const comparisons: Readonly<Record<string, Comparison>> = { '=': '=', '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '>': '>', '<': '<' };

function timing(cursor: Cursor, base: number): Timing {
  const word = cursor.oneOf(['by', 'from', 'at', 'always', 'never'], ['by', 'from', 'at', 'always', 'never'].map(literal));
  switch (word) {
    case 'by':
      return { kind: 'by', from: null, by: cursor.tick(base) };
    case 'from': {
      const from = cursor.tick(base);
      cursor.expectWord('by');
      return { kind: 'by', from, by: cursor.tick(base, from) };
    }
    case 'at':
      return { kind: 'at', tick: cursor.tick(base) };
    case 'always':
    case 'never':
      return { kind: word };
  }
}

function nodeSetAfterOn(cursor: Cursor): NodeSet | null {
  if (!cursor.acceptWord('on')) return null;
  if (cursor.acceptWord('all')) return { kind: 'all' };
  if (cursor.isSign('{')) return { kind: 'nodes', nodes: cursor.nodeSet() };
  return { kind: 'nodes', nodes: [cursor.nodeRef()] };
}

/** `K=V` or `delete K`. */
function command(cursor: Cursor): ClientCommand {
  if (cursor.isWord('delete') && !cursor.isSign('=', 1)) {
    cursor.next();
    return { type: 'delete', key: cursor.bare('key') };
  }
  const key = cursor.bare('key');
  cursor.expectSign('=');
  return { type: 'put', key, value: cursor.bare('value') };
}

function committed(cursor: Cursor, what: ClientCommand): Condition {
  return { kind: 'committed', command: what, on: nodeSetAfterOn(cursor) };
}

function condition(cursor: Cursor): Condition {
  const first = cursor.peek();
  // `K=V committed` first: a key may be any word, even one that starts another condition (`no`, `committed`).
  if (cursor.isSign('=', 1)) {
    const what = command(cursor);
    cursor.expectWord('committed');
    return committed(cursor, what);
  }
  if (cursor.acceptWord('no')) {
    const word = cursor.oneOf(['violation', 'violations', 'leader'], [literal('violation'), literal('leader')]);
    return word === 'leader' ? { kind: 'no-leader' } : { kind: 'no-violation' };
  }
  if (cursor.acceptWord('violation')) return { kind: 'violation', property: namedAfterOf(cursor, safetyProperties) };
  if (cursor.acceptWord('stall')) return { kind: 'stall', stall: cursor.acceptWord('of') ? cursor.oneOf(stallKinds, stallKinds.map(literal)) : null };
  if (cursor.isWord('at') && cursor.isWord('most', 1)) {
    for (const word of ['at', 'most', 'one', 'leader', 'per', 'term']) cursor.expectWord(word);
    return { kind: 'one-leader-per-term' };
  }
  if (cursor.acceptWord('committed')) return committed(cursor, command(cursor));
  if (cursor.acceptWord('voters')) return { kind: 'voters', nodes: cursor.nodeSet() };
  if (cursor.isWord('delete')) {
    const what = command(cursor);
    cursor.expectWord('committed');
    return committed(cursor, what);
  }
  if (cursor.isWord('a') && cursor.isWord('leader', 1)) cursor.next();
  if (cursor.isWord('leader') && cursor.isWord('in', 1) && cursor.isSign('{', 2)) {
    cursor.next();
    cursor.next();
    return { kind: 'leader-in', nodes: cursor.nodeSet() };
  }
  if (first?.kind === 'word' && !(conditionWords as readonly string[]).includes(first.text)) throw cursor.error([kind('condition')], conditionWords);
  const node = cursor.nodeRef();
  if (cursor.acceptWord('in')) {
    cursor.expectWord('term');
    const sign = cursor.peek();
    const comparison = sign?.kind === 'sign' ? comparisons[sign.text] : undefined;
    if (comparison === undefined) throw cursor.error([kind('comparison')]);
    cursor.next();
    return { kind: 'term', node, comparison, term: cursor.integer(0, Number.MAX_SAFE_INTEGER) };
  }
  if (cursor.acceptWord('is')) {
    if (!cursor.acceptWord('a')) cursor.acceptWord('an');
    return { kind: 'role', node, role: cursor.oneOf(roles, [kind('role')]) };
  }
  if (cursor.acceptWord('has')) {
    cursor.expectWord('log');
    return { kind: 'log', node, terms: cursor.termList() };
  }
  throw cursor.error([literal('in term'), literal('is'), literal('has log')], ['in', 'is', 'has']);
}

/** The rest of an `expect` statement; `base` is the tick `+N` counts from. */
export function expectation(cursor: Cursor, base: number): Omit<Expectation, 'source'> {
  const when = timing(cursor, base);
  cursor.expectSign(':');
  const what = condition(cursor);
  cursor.end();
  return { timing: when, condition: what };
}

/**
 * What may follow `at T:`: every action of src/core/sim/actions.ts, a caption or a mark.
 *
 *   crash N | restart N | isolate N | rejoin N | campaign N | transfer leadership to N
 *   add node | remove node N                                   (membership change, through the leader)
 *   partition {N, ...} {N, ...} ...
 *   cut N -> N | cut N <-> N | restore N -> N | restore N <-> N | heal
 *   [network] latency A..B | drop P | duplicate P | reorder P   (one or more; `network` alone changes nothing)
 *   load every N | load off | load keys K                      (one or both)
 *   put K=V [to N] | delete K [to N] | noop [to N]             (to the leader when `to` is left out)
 *   get K [from N]                                             (a linearizable read; from the leader likewise)
 *   timer N in T | align timers {N, N, ...} | spread timers N   (election timers, by hand)
 *   drop message ID | duplicate message ID | delay message ID by T | deliver message ID
 *   manual delivery on|off | deliver next | deliver all | freeze timers on|off
 *   caption "text" [zh "中文"] | mark NAME
 *   cue | ask "question" [zh "问题"] [choices {A, B, ...} | choices nodes] [answer A | answer leader]
 *   highlight N | highlight entry I on N                        (lessons: docs/lessons.md)
 */
import type { ClientCommand } from '../core/index.ts';
import { timerTicksMax } from '../core/index.ts';
import type { Cursor } from './cursor.ts';
import { kind, literal, ParseFailure } from './cursor.ts';
import type { LeafWrite } from './parse-options.ts';
import { networkClauses, networkWords, workloadClauses } from './parse-options.ts';
import { suggest } from './suggest.ts';
import type { NodeRef, ScenarioAction, Step, StepItem } from './syntax-tree.ts';

export const actionWords = [
  'crash', 'restart', 'isolate', 'rejoin', 'campaign', 'transfer', 'add', 'remove', 'partition', 'cut', 'restore', 'heal',
  'network', ...networkWords, 'load', 'put', 'delete', 'noop', 'get', 'timer', 'align', 'spread', 'delay', 'deliver', 'manual', 'freeze', 'caption', 'mark',
  'cue', 'ask', 'highlight',
] as const;

/** `drop message 12`, `delay message 12 by 30`, …: `drop` and `duplicate` are network words too. */
function messageAction(cursor: Cursor, word: string): ScenarioAction {
  if (word === 'deliver' && cursor.acceptWord('next')) return { type: 'deliver-next' };
  if (word === 'deliver' && cursor.acceptWord('all')) return { type: 'deliver-all' };
  cursor.expectWord('message');
  const id = cursor.integer(1, Number.MAX_SAFE_INTEGER);
  if (word === 'delay') {
    cursor.expectWord('by');
    return { type: 'delay-message', id, ticks: cursor.integer(1, timerTicksMax) };
  }
  return { type: word === 'drop' ? 'drop-message' : word === 'duplicate' ? 'duplicate-message' : 'deliver-message', id };
}

/** The leaves as one object; a leaf given twice in one statement is an error. */
export function foldLeaves(cursor: Cursor, writes: readonly LeafWrite[]): Record<string, number | boolean> {
  const folded: Record<string, number | boolean> = {};
  for (const leaf of writes) {
    if (Object.hasOwn(folded, leaf.path)) {
      throw new ParseFailure({ code: 'duplicate', line: leaf.line, column: leaf.column, found: leaf.word, expected: [], suggestion: null, previousLine: leaf.line });
    }
    folded[leaf.path] = leaf.value;
  }
  return folded;
}

function link(cursor: Cursor, type: 'cut-link' | 'restore-link'): ScenarioAction {
  const from = cursor.nodeRef();
  const bothWays = cursor.acceptSign('<->');
  if (!bothWays && !cursor.acceptSign('->')) throw cursor.error([literal('->'), literal('<->')]);
  return { type, from, to: cursor.nodeRef(), bothWays };
}

function target(cursor: Cursor): NodeRef {
  return cursor.acceptWord('to') ? cursor.nodeRef() : { kind: 'leader' };
}

function proposal(cursor: Cursor, command: ClientCommand): ScenarioAction {
  const node = target(cursor);
  cursor.end(cursor.isWord('to') ? [] : [literal('to')]);
  return { type: 'propose', node, command };
}

function partition(cursor: Cursor): ScenarioAction {
  const groups = [cursor.nodeSet()];
  while (!cursor.atEnd) groups.push(cursor.nodeSet());
  return { type: 'partition', groups };
}

function action(cursor: Cursor, word: (typeof actionWords)[number]): ScenarioAction {
  switch (word) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
      return { type: word, node: cursor.nodeRef() };
    case 'transfer':
      cursor.expectWord('leadership');
      cursor.expectWord('to');
      return { type: 'transfer-leadership', node: cursor.nodeRef() };
    case 'add':
      cursor.expectWord('node');
      return { type: 'add-node' };
    case 'remove':
      cursor.expectWord('node');
      return { type: 'remove-node', node: cursor.nodeRef() };
    case 'partition':
      return partition(cursor);
    case 'cut':
      return link(cursor, 'cut-link');
    case 'restore':
      return link(cursor, 'restore-link');
    case 'heal':
      return { type: 'heal' };
    case 'timer': {
      const node = cursor.nodeRef();
      cursor.expectWord('in');
      return { type: 'set-timer', node, ticks: cursor.integer(1, timerTicksMax) };
    }
    case 'align':
      cursor.expectWord('timers');
      return { type: 'align-timers', nodes: cursor.nodeSet() };
    case 'spread':
      cursor.expectWord('timers');
      return { type: 'spread-timers', node: cursor.nodeRef() };
    case 'network':
    case 'latency':
    case 'drop':
    case 'duplicate':
    case 'reorder':
      return { type: 'configure-network', network: foldLeaves(cursor, networkClauses(cursor)) };
    case 'load':
      return { type: 'configure-workload', workload: foldLeaves(cursor, workloadClauses(cursor)) };
    case 'put': {
      const key = cursor.bare('key');
      cursor.expectSign('=');
      return proposal(cursor, { type: 'put', key, value: cursor.bare('value') });
    }
    case 'delete':
      return proposal(cursor, { type: 'delete', key: cursor.bare('key') });
    case 'noop':
      return proposal(cursor, { type: 'noop' });
    case 'get': {
      const key = cursor.bare('key');
      const node: NodeRef = cursor.acceptWord('from') ? cursor.nodeRef() : { kind: 'leader' };
      cursor.end(cursor.isWord('from') ? [] : [literal('from')]);
      return { type: 'get', node, key };
    }
    case 'manual':
      cursor.expectWord('delivery');
      return { type: 'set-manual-delivery', on: cursor.onOff() };
    case 'freeze':
      cursor.expectWord('timers');
      return { type: 'freeze-timers', on: cursor.onOff() };
    case 'delay':
    case 'deliver':
    case 'caption':
    case 'mark':
    case 'cue':
    case 'ask':
    case 'highlight':
      throw new Error(`${word} is read before action()`);
  }
}

/** The item after `at T:` (or after `;` on a timed line). */
export function stepItem(cursor: Cursor): StepItem {
  const token = cursor.peek();
  if (token === undefined) throw cursor.error([kind('action')]);
  if (token.kind !== 'word' || !(actionWords as readonly string[]).includes(token.text)) {
    if (token.kind !== 'word') throw cursor.error([kind('action')]);
    throw cursor.errorAt(token, { code: 'unknown-action', expected: [kind('action')], suggestion: suggest(token.text, actionWords) });
  }
  const word = token.text as (typeof actionWords)[number];
  const aboutMessage = word === 'delay' || word === 'deliver' || ((word === 'drop' || word === 'duplicate') && cursor.isWord('message', 1));
  // The network words are read again by networkClauses, which wants to see them.
  if (aboutMessage || !(networkWords as readonly string[]).includes(word)) cursor.next();
  let item: StepItem;
  if (aboutMessage) item = { kind: 'action', action: messageAction(cursor, word) };
  else if (word === 'caption') item = { kind: 'caption', text: cursor.text(), zh: chinese(cursor) };
  else if (word === 'mark') item = { kind: 'mark', name: cursor.bare('name') };
  else if (word === 'cue') item = { kind: 'cue' };
  else if (word === 'ask') item = question(cursor);
  else if (word === 'highlight') item = highlight(cursor);
  else item = { kind: 'action', action: action(cursor, word) };
  cursor.end();
  return item;
}

/** A caption's or a question's Chinese text, when `zh "…"` follows. */
function chinese(cursor: Cursor): string | null {
  return cursor.acceptWord('zh') ? cursor.text() : null;
}

/** `ask "…" [zh "…"] [choices {A, B} | choices nodes] [answer A | answer leader]`, after `ask`. */
function question(cursor: Cursor): StepItem {
  const text = cursor.text();
  const zh = chinese(cursor);
  let choices: readonly string[] | 'nodes' | null = null;
  if (cursor.acceptWord('choices')) {
    if (cursor.acceptWord('nodes')) choices = 'nodes';
    else {
      cursor.expectSign('{');
      const written: string[] = [cursor.bare('value')];
      while (cursor.acceptSign(',')) written.push(cursor.bare('value'));
      cursor.expectSign('}');
      choices = written;
    }
  }
  let answer: string | null = null;
  if (cursor.acceptWord('answer')) {
    const token = cursor.peek();
    answer = cursor.bare('value');
    const allowed = choices === 'nodes' ? ['leader'] : choices ?? [];
    if (choices !== null && !allowed.includes(answer) && token !== undefined) {
      throw cursor.errorAt(token, { code: 'syntax', expected: allowed.map((choice) => literal(choice)), suggestion: suggest(answer, allowed) });
    }
  }
  return { kind: 'ask', text, zh, choices, answer };
}

/** `highlight N` (any node: `node 3`, `leader`, …) or `highlight entry I on N`, after `highlight`. */
function highlight(cursor: Cursor): StepItem {
  if (cursor.acceptWord('entry')) {
    const index = cursor.integer(1, 10_000_000, 'integer');
    cursor.expectWord('on');
    return { kind: 'highlight', target: { kind: 'entry', node: cursor.nodeRef(), index } };
  }
  return { kind: 'highlight', target: { kind: 'node', node: cursor.nodeRef() } };
}

/** How many servers the steps' `add node` lines may start: node numbers up to nodes + this exist by the end. */
export function addedServers(steps: readonly Step[]): number {
  return steps.filter((step) => step.item.kind === 'action' && step.item.action.type === 'add-node').length;
}

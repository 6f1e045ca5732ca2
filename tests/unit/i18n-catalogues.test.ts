/**
 * The catalogues are complete and all in use: both have exactly the same keys (the type check
 * already insists; this also covers what a cast could hide), no Chinese message is English left
 * untranslated, and every key is read somewhere in src/ by its full path from a catalogue named
 * `m` (`m.app.header.tagline`), as docs/i18n.md asks.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en/index.ts';
import { zhCN } from '../../src/ui/i18n/zh-CN/index.ts';
import { sourceFiles } from '../support/ui-literals.ts';

type Tree = { readonly [key: string]: unknown };

/** Every leaf's path and value: "app.header.tagline" -> the string or function. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'object' && value !== null) for (const [inner, leaf] of leaves(value as Tree, path)) found.set(inner, leaf);
    else found.set(path, value);
  }
  return found;
}

/** What a message says for sample arguments (numbers, node lists, groups), or null if it needs others. */
function sample(message: unknown): string | null {
  if (typeof message === 'string') return message;
  if (typeof message !== 'function') return null;
  const attempts: unknown[][] = [[3, 4, 5, 6, 7], [[1, 2]], [[[1, 2], [3]]], ['x', 'y', 'z']];
  for (const args of attempts) {
    try {
      const text: unknown = (message as (...values: unknown[]) => unknown)(...args);
      if (typeof text === 'string') return text;
    } catch {
      // Needs other arguments (an event, a view): the type check covers it.
    }
  }
  return null;
}

const english = leaves(en);
const chinese = leaves(zhCN);
/** Said the same in both languages: names from the paper and the code, marks and symbols. */
const sameInBoth = /^[\s\d\p{P}\p{S}]*$|^(RequestVote|AppendEntries|InstallSnapshot|TimeoutNow|nextIndex|matchIndex|commitIndex|lastApplied|currentTerm|votedFor|prevLogIndex|prevLogTerm|leaderCommit|Raftlab)$/u;
const han = /\p{Script=Han}/u;

describe('the message catalogues', () => {
  it('have the same keys in both languages', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, value] of english) expect(typeof chinese.get(path), path).toBe(typeof value);
  });

  it('leave no Chinese message in English', () => {
    const untranslated = [...chinese].filter(([path, value]) => {
      const text = sample(value);
      const source = sample(english.get(path));
      return text !== null && !han.test(text) && /\p{Script=Latin}{3,}/u.test(text) && !sameInBoth.test(text) && text === source;
    });
    expect(untranslated.map(([path]) => path)).toEqual([]);
  });

  it('are all read somewhere in the code, by full path from `m`', () => {
    const code = [...sourceFiles('src')].filter((file) => !file.includes('/i18n/')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const used = new Set([...code.matchAll(/\bm\.((?:[A-Za-z_$][\w$]*\.?)+)/g)].map((match) => match[1]!.replace(/\.$/, '')));
    const isUsed = (path: string) => [...used].some((usage) => path === usage || path.startsWith(`${usage}.`));
    expect([...english.keys()].filter((path) => !isUsed(path))).toEqual([]);
  });
});

/**
 * The option statements (`nodes 5`, `drop 10%`, `election 300..600`, `option raft.inflightMax 8`,
 * ...) and the network and client-load clauses that are also actions after `at T:`. Each parse
 * returns the option leaves it sets, with where each was written, so the caller can report a
 * leaf given twice and check a range against the other end's default.
 */
import type { Cursor } from './cursor.ts';
import { kind, literal } from './cursor.ts';
import type { OptionValue } from './option-table.ts';
import { optionLeaf, optionLeaves } from './option-table.ts';
import { editDistance } from './suggest.ts';
import { unsafeSwitchField, unsafeSwitchNames } from '../core/index.ts';

/** One option value as written. `path` is relative to its group for network and load clauses. */
export interface LeafWrite {
  readonly path: string;
  readonly value: OptionValue;
  readonly line: number;
  readonly column: number;
  /** The statement's or clause's first word, for "already given" errors. */
  readonly word: string;
}

const tickMax = 1_000_000;

/** Words that start an option statement (before any `at`). */
export const optionWords = ['nodes', 'seed', 'election', 'heartbeat', 'snapshots', 'fast', 'network', 'latency', 'drop', 'duplicate', 'reorder', 'load', 'check', 'prevote', 'lease', 'batching', 'unsafe', 'liveness', 'option'] as const;
export const networkWords = ['latency', 'drop', 'duplicate', 'reorder'] as const;

function write(cursor: Cursor, column: number, word: string, path: string, value: OptionValue): LeafWrite {
  return { path, value, line: cursor.line, column, word };
}

/** `A..B`, `A` (both ends), `min A` or `max B`, each a whole number of ticks from 1 to 1,000,000. */
function range(cursor: Cursor, word: string, minPath: string, maxPath: string): LeafWrite[] {
  const column = cursor.column;
  if (cursor.acceptWord('min')) return [write(cursor, column, word, minPath, cursor.integer(1, tickMax))];
  if (cursor.acceptWord('max')) return [write(cursor, column, word, maxPath, cursor.integer(1, tickMax))];
  const token = cursor.peek();
  if (token?.kind !== 'number') throw cursor.error([kind('integer'), literal('min'), literal('max')], ['min', 'max']);
  const low = cursor.integer(1, tickMax);
  const high = cursor.acceptSign('..') ? cursor.integer(low, tickMax) : low;
  return [write(cursor, column, word, minPath, low), write(cursor, column, word, maxPath, high)];
}

/**
 * Network clauses, as many as follow: `latency RANGE`, `drop P`, `duplicate P`, `reorder P`.
 * Paths are NetworkConfig's fields.
 */
export function networkClauses(cursor: Cursor): LeafWrite[] {
  const writes: LeafWrite[] = [];
  while (!cursor.atEnd) {
    const column = cursor.column;
    const word = cursor.oneOf(networkWords, [...networkWords.map(literal), kind('end-of-statement')]);
    if (word === 'latency') writes.push(...range(cursor, word, 'delayTicksMin', 'delayTicksMax'));
    else writes.push(write(cursor, column, word, `${word}Ratio`, cursor.probability()));
  }
  return writes;
}

/** Client-load clauses after `load`: `every N` or `off`, and `keys K`. Paths are Workload's fields. */
export function workloadClauses(cursor: Cursor): LeafWrite[] {
  const writes: LeafWrite[] = [];
  while (!cursor.atEnd) {
    const column = cursor.column;
    const word = cursor.oneOf(['every', 'off', 'keys'], [literal('every'), literal('off'), literal('keys'), kind('end-of-statement')]);
    if (word === 'every') writes.push(write(cursor, column, 'load every', 'proposeEveryTicks', cursor.integer(1, tickMax)));
    else if (word === 'off') writes.push(write(cursor, column, 'load off', 'proposeEveryTicks', 0));
    else writes.push(write(cursor, column, 'load keys', 'keys', cursor.integer(1, 10_000)));
  }
  return writes;
}

function prefixed(group: string, writes: readonly LeafWrite[]): LeafWrite[] {
  return writes.map((leaf) => ({ ...leaf, path: `${group}.${leaf.path}` }));
}

/** `option PATH VALUE`: any option by its path in SimulationOptions. */
function genericOption(cursor: Cursor): LeafWrite[] {
  const token = cursor.peek();
  const column = cursor.column;
  if (token === undefined || token.kind !== 'word') throw cursor.error([kind('option')]);
  const leaf = optionLeaf(token.text);
  if (leaf === undefined) {
    throw cursor.errorAt(token, { code: 'unknown-option', expected: [kind('option')], suggestion: suggestPath(token.text) });
  }
  cursor.next();
  const value = leaf.kind === 'switch' ? cursor.onOff() : leaf.kind === 'probability' ? cursor.probability() : cursor.integer(leaf.min, leaf.max);
  return [write(cursor, column, 'option', leaf.path, value)];
}

function suggestPath(path: string): string | null {
  const paths = optionLeaves.map((leaf) => leaf.path);
  // A case slip, or the start of a path ("raft.heartbeat" for "raft.heartbeatIntervalTicks"),
  // or else a near miss: paths are long, so three edits still say which one was meant.
  const exact = paths.find((candidate) => candidate.toLowerCase() === path.toLowerCase());
  if (exact !== undefined) return exact;
  const byPrefix = paths.find((candidate) => path.length >= 4 && candidate.toLowerCase().startsWith(path.toLowerCase()));
  if (byPrefix !== undefined) return byPrefix;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of paths) {
    if (Math.abs(candidate.length - path.length) > 3) continue;
    const distance = editDistance(path.toLowerCase(), candidate.toLowerCase());
    if (distance <= 3 && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * An option statement starting with `word` (already read), as the option leaves it sets (paths
 * in SimulationOptions).
 */
export function optionStatement(cursor: Cursor, word: (typeof optionWords)[number], column: number): LeafWrite[] {
  switch (word) {
    case 'nodes':
      return [write(cursor, column, word, 'nodes', cursor.integer(1, optionLeaf('nodes')!.max))];
    case 'seed':
      return [write(cursor, column, word, 'seed', cursor.integer(0, 0xffff_ffff))];
    case 'election':
      return prefixed('raft', range(cursor, word, 'electionTimeoutTicksMin', 'electionTimeoutTicksMax'));
    case 'heartbeat':
      return [write(cursor, column, word, 'raft.heartbeatIntervalTicks', cursor.integer(1, tickMax))];
    case 'snapshots': {
      if (cursor.acceptWord('off')) return [write(cursor, column, word, 'raft.snapshotThresholdEntries', 0)];
      if (!cursor.acceptWord('every')) throw cursor.error([literal('every'), literal('off')], ['every', 'off']);
      const entries = cursor.integer(1, 10_000_000);
      cursor.acceptWord('entries');
      return [write(cursor, column, word, 'raft.snapshotThresholdEntries', entries)];
    }
    case 'fast':
      cursor.expectWord('backup');
      return [write(cursor, column, 'fast backup', 'raft.fastBackup', cursor.onOff())];
    case 'network':
      return prefixed('network', networkClauses(cursor));
    case 'latency':
    case 'drop':
    case 'duplicate':
    case 'reorder':
      return prefixed('network', [
        ...(word === 'latency' ? range(cursor, word, 'delayTicksMin', 'delayTicksMax') : [write(cursor, column, word, `${word}Ratio`, cursor.probability())]),
        ...networkClauses(cursor),
      ]);
    case 'load':
      return prefixed('workload', workloadClauses(cursor));
    case 'check':
      cursor.expectWord('quorum');
      return [write(cursor, column, 'check quorum', 'raft.checkQuorum', cursor.onOff())];
    case 'batching':
      return [write(cursor, column, 'batching', 'raft.batchProposals', cursor.onOff())];
    case 'prevote':
      return [write(cursor, column, 'prevote', 'raft.preVote', cursor.onOff())];
    case 'lease':
      cursor.expectWord('reads');
      return [write(cursor, column, 'lease reads', 'raft.leaseReads', cursor.onOff())];
    case 'liveness': {
      // `liveness watch 3000`, or `liveness watch off`.
      cursor.expectWord('watch');
      const ticks = cursor.acceptWord('off') ? 0 : cursor.integer(1, 10_000_000);
      cursor.acceptWord('ticks');
      return [write(cursor, column, 'liveness watch', 'livenessWatchTicks', ticks)];
    }
    case 'unsafe': {
      // `unsafe commit-by-counting` turns a broken-Raft switch on; `... off` writes it off.
      const name = cursor.oneOf(unsafeSwitchNames, unsafeSwitchNames.map(literal));
      const on = cursor.atEnd ? true : cursor.onOff();
      return [write(cursor, column, `unsafe ${name}`, `raft.${unsafeSwitchField[name]}`, on)];
    }
    case 'option':
      return genericOption(cursor);
  }
}

import type { AppendedAt, CheckerState } from './checker.ts';
import { ringFromRows, ringRows } from './index-ring.ts';
import { emptiedEventLog } from './event-log.ts';
import type { Server, SimState } from './world.ts';

/**
 * Checkpoints as text. A structured clone of the state keeps thousands of small objects alive
 * (about 330 KB for a 5-node run); its JSON is one string of about 75 KB, so a long run's history
 * stays small. JSON round-trips everything the state holds exactly (finite numbers, strings,
 * booleans, null, arrays, plain objects) except Maps, which live at a few known places and are
 * turned into entry arrays and back here. A reviver function would find them generically, but
 * calling it for every value makes parsing several times slower, and seeking parses a checkpoint.
 */
type Entries<K, V> = [K, V][];

type RingRows = ReturnType<typeof ringRows>;

interface EncodedChecker extends Omit<CheckerState, 'leaderOfTerm' | 'appended' | 'appendedOther' | 'committed'> {
  leaderOfTerm: Entries<number, number>;
  /** The index rings as their filled slots only, with their capacity. */
  appended: [capacity: number, rows: RingRows];
  appendedOther: Entries<number, AppendedAt[]>;
  committed: [capacity: number, rows: RingRows];
}

function encodeChecker(checker: CheckerState): EncodedChecker {
  return {
    ...checker,
    leaderOfTerm: [...checker.leaderOfTerm],
    appended: [checker.appended.capacity, ringRows(checker.appended)],
    appendedOther: [...checker.appendedOther],
    committed: [checker.committed.capacity, ringRows(checker.committed)],
  };
}

function decodeChecker(encoded: EncodedChecker): CheckerState {
  return {
    ...encoded,
    leaderOfTerm: new Map(encoded.leaderOfTerm),
    appended: ringFromRows(encoded.appended[0], encoded.floor, encoded.appended[1]),
    appendedOther: new Map(encoded.appendedOther),
    committed: ringFromRows(encoded.committed[0], encoded.floor, encoded.committed[1]),
  };
}

/**
 * Between ticks a live node's disk holds exactly its log (every write is done): the same snapshot
 * and the same entries. Writing them once and marking the disk as a copy halves the checkpoint.
 */
const sameAsLog = 'sameAsLog';

function diskMirrorsLog(server: Server): boolean {
  const node = server.node;
  if (node === null || server.disk.snapshot !== node.log.snapshot) return false;
  const disk = server.disk.entries;
  const log = node.log.entries;
  if (disk.length !== log.length) return false;
  for (let i = 0; i < disk.length; i += 1) if (disk[i] !== log[i]) return false;
  return true;
}

/**
 * The state as text, without its retained events: a restored checkpoint starts with an empty
 * event log whose sequence numbers carry on where the original's were.
 */
export function encodeState(state: SimState): string {
  const servers = state.servers.map((server) => ({
    ...server,
    kv: [...server.kv],
    disk: diskMirrorsLog(server) ? { ...server.disk, snapshot: sameAsLog, entries: sameAsLog } : server.disk,
  }));
  return JSON.stringify({ ...state, servers, checker: encodeChecker(state.checker), eventLog: emptiedEventLog(state.eventLog) });
}

export function decodeState(text: string): SimState {
  const parsed = JSON.parse(text) as Omit<SimState, 'servers' | 'checker'> & {
    servers: (Omit<Server, 'kv'> & { kv: Entries<string, string> })[];
    checker: EncodedChecker;
  };
  return {
    ...parsed,
    servers: parsed.servers.map((server) => {
      const disk = server.disk as unknown as { snapshot: unknown; entries: unknown };
      const mirrored = server.node !== null && disk.entries === sameAsLog;
      return {
        ...server,
        kv: new Map(server.kv),
        disk: mirrored ? { ...server.disk, snapshot: server.node!.log.snapshot, entries: server.node!.log.entries.slice() } : server.disk,
      };
    }),
    checker: decodeChecker(parsed.checker),
  };
}

import { quorumSize } from '../raft/quorum.ts';
import { clusterConfiguration } from './cluster.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { Stall } from './stall.ts';
import type { SimState } from './world.ts';
import { record } from './world.ts';

/** The liveness watch at work, over the whole world: see liveness-state.ts for what it reports. */
/**
 * Reports the stalls whose stretch lasted through `through` (the state has not changed since the
 * last refresh up to that tick). Called before a busy tick runs, with the tick before it, and
 * after time stops.
 */
export function checkStalls(sim: SimState, through: Tick): void {
  const liveness = sim.liveness;
  const ticks = liveness.watchTicks;
  if (ticks === 0) return;
  const leaderless = liveness.leaderless;
  if (leaderless !== null && !leaderless.reported && leaderless.since + ticks <= through) {
    const since = leaderless.since;
    leaderless.reported = true;
    liveness.stallCount += 1;
    report(sim, { tick: since + ticks, kind: 'no-leader', ticks, nodes: [], term: null, index: null, detail: `no leader for ${ticks} ticks while a majority could talk` });
  }
  const held = liveness.held;
  if (held !== null && !held.reported && held.since + ticks <= through) {
    held.reported = true;
    liveness.stallCount += 1;
    const stall: Stall = {
      tick: held.since + ticks,
      kind: 'commit-stalled',
      ticks,
      nodes: [held.node],
      term: held.term,
      index: held.index,
      detail: `leader ${held.node} of term ${held.term} has held entries through index ${held.index} on a majority for ${ticks} ticks without committing them: none of its own term is there (§5.4.2)`,
    };
    report(sim, stall);
  }
}

/**
 * Keeps a stall and records it as an event at its own tick, which no event recorded so far
 * follows: the stretch ripened while nothing happened (see the callers in time.ts).
 */
function report(sim: SimState, stall: Stall): void {
  const liveness = sim.liveness;
  if (liveness.stalls.length < liveness.stallLimit) liveness.stalls.push(stall);
  const now = sim.tick;
  sim.tick = stall.tick;
  record(sim, stall.nodes[0] ?? null, { type: 'liveness-stalled', kind: stall.kind, ticks: stall.ticks, term: stall.term, index: stall.index });
  sim.tick = now;
}

/** Looks again at health and leadership after something changed (at sim.tick). */
export function refreshLiveness(sim: SimState): void {
  const liveness = sim.liveness;
  liveness.dirty = false;
  if (liveness.watchTicks === 0) return;
  const group = healthyMajority(sim);
  if (group === null) {
    liveness.leaderless = null;
    liveness.held = null;
    return;
  }
  const led = group.some((id) => sim.servers[id - 1]!.node!.role === 'leader');
  if (led) liveness.leaderless = null;
  else liveness.leaderless ??= { since: sim.tick, reported: false };
  if (liveness.held !== null && !group.includes(liveness.held.node)) liveness.held = null;
}

/** The running nodes of the one partition group that holds a majority and can talk freely, or null. */
function healthyMajority(sim: SimState): NodeId[] | null {
  const network = sim.network;
  if (network.manual || sim.timersFrozen || network.config.dropRatio >= 0.5) return null;
  // A majority of the configuration's voters; learners and servers outside it do not count.
  const voters = clusterConfiguration(sim).voters;
  const needed = quorumSize(voters.length);
  const byGroup = new Map<number, NodeId[]>();
  for (const server of sim.servers) {
    if (server.node === null || !voters.includes(server.id)) continue;
    const group = network.group[server.id]!;
    const members = byGroup.get(group);
    if (members === undefined) byGroup.set(group, [server.id]);
    else members.push(server.id);
  }
  for (const members of byGroup.values()) {
    if (members.length < needed) continue;
    for (const from of members) for (const to of members) if (network.cut[from]![to]!) return null;
    return members;
  }
  return null;
}

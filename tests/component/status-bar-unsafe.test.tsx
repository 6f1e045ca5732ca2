/**
 * The status bar on a broken or stalled run, with real simulation views: the "Unsafe Raft" marker,
 * the rule each switch removed under a violation, the dashed liveness banner with its tick, the
 * halt banner, and none of them on a correct run.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation, Simulation, unsafeConfig } from '../../src/core/index.ts';
import type { ClusterView } from '../../src/core/index.ts';
import { StatusBar } from '../../src/ui/components/StatusBar.tsx';
import { withStore } from '../support/with-store.tsx';

const timeline = { tick: 0, maxTick: 0, playing: false, ticksPerSecond: 100, achievedTicksPerSecond: 0, behind: false };

function show(view: ClusterView, locale: 'en' | 'zh-CN' = 'en') {
  const onSeek = vi.fn();
  render(<StatusBar view={view} timeline={timeline} onSeek={onSeek} />, withStore(locale));
  return onSeek;
}

describe('the status bar of a broken Raft', () => {
  it('a correct run shows no marker and no banner', () => {
    show(createSimulation({ nodes: 3 }).advance(2_000).view());
    expect(screen.queryByText(/Unsafe Raft/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a violation under a switch names the rule it removed', () => {
    const view = createSimulation({ nodes: 3, raft: unsafeConfig(['keep-commit-on-restart']), workload: { proposeEveryTicks: 50 } }).advance(1_000).crash(2).advance(10).restart(2).view();
    const onSeek = show(view);
    expect(screen.getByText('Unsafe Raft: 1 rule removed')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Safety violated: Volatile State at tick 1010');
    expect(alert).toHaveTextContent('Rule removed by the unsafe switch: commitIndex is volatile');
    screen.getByRole('button', { name: 'Go to tick 1010' }).click();
    expect(onSeek).toHaveBeenCalledWith(1010);
  });

  it('a stall shows the liveness banner at its tick, with the rule, in both languages', () => {
    const view = createSimulation({ nodes: 5, raft: unsafeConfig(['fixed-timeouts']), livenessWatchTicks: 2_000 }).advance(2_500).view();
    const onSeek = show(view);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Liveness: no leader at tick 2000: no leader for 2000 ticks, though a majority can talk');
    expect(alert).toHaveTextContent('Rule removed by the unsafe switch: Election timeouts are drawn at random');
    screen.getByRole('button', { name: 'Go to tick 2000' }).click();
    expect(onSeek).toHaveBeenCalledWith(2000);
  });

  it('a stall reads in Chinese', () => {
    show(createSimulation({ nodes: 5, raft: unsafeConfig(['fixed-timeouts']), livenessWatchTicks: 2_000 }).advance(2_500).view(), 'zh-CN');
    expect(screen.getByRole('alert')).toHaveTextContent('活性：没有领导者，发生在 tick 2000：多数派可以互相通信，却已有 2000 个 tick 没有领导者');
  });

  it('a halted run says where it stopped and offers the tick before', () => {
    const start = createSimulation({ nodes: 3, seed: 4, raft: unsafeConfig(['apply-before-commit']) }).advance(1_000);
    const state = start.checkpoint();
    state.servers[0]!.node!.log.committed = 99;
    const broken = Simulation.fromState(state).advance(500);
    const tick = broken.halted()!.tick;
    const onSeek = show(broken.view());
    expect(screen.getByText(`The run stopped at tick ${tick}`)).toBeInTheDocument();
    screen.getByRole('button', { name: `Go to tick ${tick - 1}` }).click();
    expect(onSeek).toHaveBeenCalledWith(tick - 1);
  });
});

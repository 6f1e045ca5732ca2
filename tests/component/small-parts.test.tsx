/**
 * The smaller pieces of the app: speed slider mapping, how many log columns fit, the throttled
 * refresh of detail panels, the client load control and the safety violation banner.
 */
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import type { ClusterView } from '../../src/core/index.ts';
import { logColumnsThatFit } from '../../src/ui/components/LogPanel.tsx';
import { logLayout } from '../../src/ui/components/LogTable.tsx';
import { ControlBar } from '../../src/ui/components/ControlBar.tsx';
import { LoadControl } from '../../src/ui/components/LoadControl.tsx';
import { StatusBar } from '../../src/ui/components/StatusBar.tsx';
import { useThrottledValue } from '../../src/ui/hooks/use-throttled-value.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { formatSpeed, speedFromSlider, speedSliderMax, speedToSlider } from '../../src/ui/speed.ts';
import { logWindowCount } from '../../src/ui/store/store.ts';
import { withStore } from '../support/with-store.tsx';

describe('speed slider', () => {
  it('maps positions logarithmically from 1 to 1,000,000 ticks/s and back', () => {
    expect(speedFromSlider(0)).toBe(1);
    expect(speedFromSlider(200)).toBe(100);
    expect(speedFromSlider(speedSliderMax)).toBe(1_000_000);
    expect(speedFromSlider(-50)).toBe(1);
    expect(speedFromSlider(900)).toBe(1_000_000);
    for (const speed of [1, 10, 100, 1_000, 100_000]) expect(speedFromSlider(speedToSlider(speed))).toBe(speed);
    const m = messagesFor('en');
    expect(formatSpeed(m, 100)).toBe('100 ticks/s');
    expect(formatSpeed(m, 31_623)).toBe('32k ticks/s');
    expect(formatSpeed(m, 1_000_000)).toBe('1M ticks/s');
  });
});

describe('log columns that fit', () => {
  it('shows as many columns as the panel holds, never fewer than 4 nor more than the window sent', () => {
    const em = 18;
    const labels = (logLayout.nodeColumnEms + logLayout.stateColumnEms + logLayout.slackEms) * em;
    const column = (logLayout.entryColumnEms + logLayout.spacingEms) * em;
    expect(logColumnsThatFit(labels + column * 10, em)).toBe(10);
    expect(logColumnsThatFit(labels + column * 10 - 1, em)).toBe(9);
    expect(logColumnsThatFit(200, em)).toBe(4);
    expect(logColumnsThatFit(100_000, em)).toBe(logWindowCount);
    // Large type: fewer, larger columns in the same width.
    expect(logColumnsThatFit(labels + column * 10, 22)).toBeLessThan(10);
  });
});

describe('useThrottledValue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes values straight through when not throttled', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, { intervalMs: 500, throttle: false }), { initialProps: { value: 1 } });
    rerender({ value: 2 });
    expect(result.current).toBe(2);
  });

  it('while throttled, holds a value until the interval has passed, then shows the latest', () => {
    // The clock starts at 0, so the first refresh is due at 500 ms.
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, { intervalMs: 500, throttle: true }), { initialProps: { value: 1 } });
    act(() => {
      vi.advanceTimersByTime(600);
    });
    expect(result.current).toBe(1);
    // Refreshed at 500: the next refresh may come at 1,000, not before.
    rerender({ value: 2 });
    act(() => {
      vi.advanceTimersByTime(399);
    });
    expect(result.current).toBe(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe(2);
    // Values arriving in between are skipped; the latest one shows at the next refresh (1,500).
    rerender({ value: 3 });
    rerender({ value: 4 });
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current).toBe(2);
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(result.current).toBe(4);
  });
});

describe('LoadControl', () => {
  it('shows the current rate and asks for a new one', () => {
    const onAct = vi.fn();
    render(<LoadControl workload={{ proposeEveryTicks: 37, keys: 16 }} onAct={onAct} />, withStore());
    const select = screen.getByRole('combobox', { name: 'Steady client load' });
    expect(select).toHaveValue('37');
    fireEvent.change(select, { target: { value: '10' } });
    expect(onAct).toHaveBeenCalledWith({ type: 'configure-workload', workload: { proposeEveryTicks: 10 } });
    fireEvent.change(select, { target: { value: '0' } });
    expect(onAct).toHaveBeenLastCalledWith({ type: 'configure-workload', workload: { proposeEveryTicks: 0 } });
  });
});

describe('StatusBar', () => {
  const timeline = { tick: 0, maxTick: 0, playing: false, ticksPerSecond: 100, achievedTicksPerSecond: 0, behind: false };

  it('shows the tick, the leader and its term', () => {
    const simulation = createSimulation({ nodes: 3, seed: 2 });
    simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 });
    const leader = simulation.leader()!;
    render(<StatusBar view={simulation.view()} timeline={{ ...timeline, tick: simulation.tick, maxTick: simulation.tick }} onSeek={vi.fn()} />, withStore());
    expect(screen.getByLabelText('Current tick')).toHaveTextContent(String(simulation.tick));
    expect(screen.getByLabelText('Leader')).toHaveTextContent(`Node ${leader.id}`);
    expect(screen.getByText(`term ${leader.term}`)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names a safety violation and seeks to the tick where it first broke', () => {
    const view = createSimulation({ nodes: 3, seed: 2 }).view();
    const broken: ClusterView = {
      ...view,
      violations: [{ tick: 812, property: 'Election Safety', nodes: [1, 2], detail: 'nodes 1 and 2 both became leader in term 3' }],
      violationCount: 2,
    };
    const onSeek = vi.fn();
    render(<StatusBar view={broken} timeline={timeline} onSeek={onSeek} />, withStore());
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('Safety violated: Election Safety');
    expect(banner).toHaveTextContent('nodes 1 and 2 both became leader in term 3');
    expect(banner).toHaveTextContent('(and 1 more)');
    fireEvent.click(screen.getByRole('button', { name: 'Go to tick 812' }));
    expect(onSeek).toHaveBeenCalledWith(812);
  });
});

describe('ControlBar: the speed reached', () => {
  const base = { tick: 10, maxTick: 10, playing: true, ticksPerSecond: 1_000_000, achievedTicksPerSecond: 0, behind: false };
  const bar = (timeline: typeof base) => (
    <ControlBar timeline={timeline} onTogglePlay={vi.fn()} onStep={vi.fn()} onStepBack={vi.fn()} onNextEvent={vi.fn()} onSeek={vi.fn()} onSpeed={vi.fn()} />
  );

  it('shows the speed playback reaches next to the chosen one, and marks when it falls behind', () => {
    const { rerender } = render(bar({ ...base, achievedTicksPerSecond: 54_321, behind: true }), withStore());
    expect(screen.getByRole('status', { name: 'Speed reached' })).toHaveTextContent('⚠ reaching only 54k ticks/s');
    rerender(bar({ ...base, ticksPerSecond: 100, achievedTicksPerSecond: 99, behind: false }));
    expect(screen.getByRole('status', { name: 'Speed reached' })).toHaveTextContent(/^reaching 99 ticks\/s$/);
  });

  it('says nothing while paused', () => {
    render(bar({ ...base, playing: false }), withStore());
    expect(screen.queryByRole('status', { name: 'Speed reached' })).toBeNull();
  });
});

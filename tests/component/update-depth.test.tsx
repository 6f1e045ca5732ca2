/**
 * Development mode once logged "Maximum update depth exceeded" a few seconds after Play on a busy
 * machine: useThrottledValue copied every new value into state from an effect, so each frame's
 * commit scheduled another render, and when the next frame arrived before that render ran, the
 * chain of effect-scheduled updates grew past React's limit of 50.
 */
import { StrictMode } from 'react';
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useThrottledValue } from '../../src/ui/hooks/use-throttled-value.ts';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

afterEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  vi.restoreAllMocks();
});

describe('useThrottledValue', () => {
  it('unthrottled, a new value costs one render, not a second one scheduled from an effect', () => {
    let renders = 0;
    const { rerender, result } = renderHook(
      ({ value }) => {
        renders += 1;
        return useThrottledValue(value, { intervalMs: 250, throttle: false });
      },
      { initialProps: { value: 0 } },
    );
    for (let value = 1; value <= 10; value += 1) rerender({ value });
    expect(result.current).toBe(10);
    expect(renders).toBe(11);
  });

  it('frames arriving back to back, as from the worker, never chain updates past React’s limit', async () => {
    const store = createStore<{ frame: { tick: number } }>()(() => ({ frame: { tick: 0 } }));
    function Panel() {
      const frame = useThrottledValue(
        useStore(store, (state) => state.frame),
        { intervalMs: 250, throttle: false },
      );
      return <p>tick {frame.tick}</p>;
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Real scheduling, as in the browser: act() would flush each update to the end.
    globalThis.IS_REACT_ACT_ENVIRONMENT = false;
    const { container } = render(
      <StrictMode>
        <Panel />
      </StrictMode>,
    );
    // Each frame lands in a microtask, before React's scheduler runs an effect-scheduled render.
    for (let tick = 1; tick <= 120; tick += 1) {
      await Promise.resolve();
      store.setState({ frame: { tick } });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    await act(async () => {});
    expect(container).toHaveTextContent('tick 120');
    expect(errors.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('Maximum update depth'))).toEqual([]);
  });
});

/**
 * What a lesson's step points at: a ring around the node in the cluster view and an outline on
 * the log entry, from the step's tick until the next step; and the keys of lessons and presenter
 * mode, and presenter mode's controls fading while the pointer is still.
 */
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClusterPanel } from '../../src/ui/components/ClusterPanel.tsx';
import { LogPanel } from '../../src/ui/components/LogPanel.tsx';
import { lessonKeyCommand } from '../../src/ui/hooks/use-lesson-keys.ts';
import { usePointerIdle } from '../../src/ui/hooks/use-pointer-idle.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

const lesson = `nodes 3
seed 1
election 20000..30000
latency 10..10
at 0: caption "Three followers." zh "三个跟随者。"
at 100: campaign 1
at 200: caption "Node 1 leads; its no-op is entry 1." zh "节点 1 是领导者；它的空操作是条目 1。"
at 200: highlight leader; highlight entry 1 on 1
at 300: caption "Nothing pointed at." zh "没有标出任何东西。"
run until 400
`;

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a lesson’s highlights', () => {
  it('ring the node and outline the log entry during their step only', async () => {
    const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, () => 0)), { runOptions: { nodes: 3, seed: 1 } });
    const { container } = render(
      <AppStoreProvider store={store}>
        <ClusterPanel />
        <LogPanel />
      </AppStoreProvider>,
    );
    await settle();
    act(() => store.getState().openLesson({ id: null, text: lesson }));
    await settle();
    expect(container.querySelectorAll('.lesson-highlight')).toHaveLength(0);
    act(() => store.getState().seek(250));
    await settle();
    const rings = container.querySelectorAll('.lesson-highlight');
    expect(rings).toHaveLength(1);
    // The ring sits on node 1's glyph (the leader at tick 200).
    const node1 = container.querySelector('[data-node-id="1"]')!.getAttribute('transform');
    expect(node1).toBe(`translate(${rings[0]!.getAttribute('cx')},${rings[0]!.getAttribute('cy')})`);
    const outlined = container.querySelectorAll('.log-cell.is-highlighted');
    expect(outlined).toHaveLength(1);
    expect(outlined[0]!.closest('tr')).toHaveAttribute('data-node', '1');
    expect(outlined[0]!.getAttribute('aria-label')).toMatch(/^Index 1\b|index 1\b/i);
    act(() => store.getState().seek(300));
    await settle();
    expect(container.querySelectorAll('.lesson-highlight, .log-cell.is-highlighted')).toHaveLength(0);
  });
});

describe('opening a lesson at a mark (the Learn page’s Show me)', () => {
  it('goes to the mark’s tick once the lesson is open; an unknown mark leaves it at its start', async () => {
    const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, () => 0)), { runOptions: { nodes: 3, seed: 1 } });
    render(<AppStoreProvider store={store}>{null}</AppStoreProvider>);
    await settle();
    const marked = lesson.replace('at 300:', 'at 250: mark elected\nat 300:');
    act(() => store.getState().openLesson({ id: 'demo', text: marked, at: 'elected' }));
    await settle();
    expect(store.getState()).toMatchObject({ lessonId: 'demo', timeline: { tick: 250 } });
    act(() => store.getState().openLesson({ id: 'demo', text: marked, at: 'no-such-mark' }));
    await settle();
    expect(store.getState().timeline.tick).toBe(0);
  });
});

describe('the keys of lessons and presenter mode', () => {
  it('are PageDown and PageUp with a lesson; the clicker keys, blank, full screen and Esc in presenter mode', () => {
    expect(lessonKeyCommand('PageDown', true, false)).toBe('next');
    expect(lessonKeyCommand('PageUp', true, false)).toBe('previous');
    // Outside presenter mode the app's own keys keep their meaning.
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'b', '.', 'f', 'Escape']) expect(lessonKeyCommand(key, true, false)).toBeNull();
    expect(lessonKeyCommand('PageDown', false, false)).toBeNull();
    expect([' ', 'ArrowRight', 'PageDown'].map((key) => lessonKeyCommand(key, true, true))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((key) => lessonKeyCommand(key, true, true))).toEqual(['previous', 'previous']);
    expect(['b', 'B', '.'].map((key) => lessonKeyCommand(key, false, true))).toEqual(['blank', 'blank', 'blank']);
    expect(['f', 'F'].map((key) => lessonKeyCommand(key, false, true))).toEqual(['fullscreen', 'fullscreen']);
    expect(lessonKeyCommand('Escape', false, true)).toBe('escape');
    // Without a lesson, presenter mode leaves Space and the arrows to the app (play, step).
    expect(lessonKeyCommand(' ', false, true)).toBeNull();
  });
});

describe('presenter mode’s controls', () => {
  it('fade after the pointer is still for a while, and come back when it moves', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ active }) => usePointerIdle(active, 2_500), { initialProps: { active: true } });
    expect(result.current).toBe(false);
    act(() => {
      vi.advanceTimersByTime(2_400);
    });
    expect(result.current).toBe(false);
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(result.current).toBe(true);
    act(() => void window.dispatchEvent(new Event('pointermove')));
    expect(result.current).toBe(false);
    act(() => {
      vi.advanceTimersByTime(2_600);
    });
    expect(result.current).toBe(true);
    rerender({ active: false });
    expect(result.current).toBe(false);
  });
});

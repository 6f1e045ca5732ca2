/**
 * A lesson in the app, on the real worker logic: the caption bar (region "Caption") shows each
 * step's caption in the language on screen; Next plays the run on to the next step and pauses
 * there; Previous goes back; a question takes a guess and the step after it reveals the answer;
 * PageDown and PageUp move through the steps; the last step says the run is live.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LessonCaption } from '../../src/ui/components/LessonCaption.tsx';
import { useLessonKeys } from '../../src/ui/hooks/use-lesson-keys.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { AppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider, useAppStoreApi } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

const lesson = `nodes 3
seed 1
election 20000..30000
latency 10..10
at 0: caption "Three followers." zh "三个跟随者。"
at 100: caption "Node 1 stands for election." zh "节点 1 发起选举。"; campaign 1
at 100: ask "Which node will win?" zh "哪个节点会赢？" choices nodes answer leader
at 200: caption "Node 1 won." zh "节点 1 赢了。"
at 300: cue
at 400: caption "Explore: crash a node." zh "自由探索：让一个节点崩溃。"
run until 500
`;

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

function Keys() {
  useLessonKeys(useAppStoreApi().getState);
  return null;
}

async function openLesson(locale: Locale = 'en'): Promise<AppStore> {
  const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, () => 0)), { runOptions: { nodes: 3, seed: 1 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <Keys />
      <LessonCaption />
    </AppStoreProvider>,
  );
  await settle();
  act(() => store.getState().openLesson({ id: null, text: lesson }));
  await settle();
  return store;
}

/** Frames of 100 ms until the worker pauses (the lesson plays at 40 ticks/s: 4 ticks a frame). */
async function playToStep(store: AppStore): Promise<void> {
  for (let i = 0; i < 200 && store.getState().timeline.playing; i += 1) {
    act(() => void store.requestFrame(100));
    await settle();
  }
}

describe('a lesson’s caption bar', () => {
  it('moves through the steps: Next plays to the next step and pauses there, Previous goes back', async () => {
    const store = await openLesson();
    const caption = screen.getByRole('region', { name: 'Caption' });
    expect(caption).toHaveTextContent('Three followers.');
    expect(caption).toHaveTextContent('Step 1 of 5');
    expect(store.getState().timeline.ticksPerSecond).toBe(40);
    fireEvent.click(within(caption).getByRole('button', { name: 'Next' }));
    await settle();
    expect(store.getState().timeline.playing).toBe(true);
    await playToStep(store);
    expect(store.getState().timeline).toMatchObject({ tick: 100, playing: false });
    expect(caption).toHaveTextContent('Node 1 stands for election.');
    expect(caption).toHaveTextContent('Step 2 of 5');
    fireEvent.click(within(caption).getByRole('button', { name: 'Previous' }));
    await settle();
    expect(store.getState().timeline.tick).toBe(0);
    expect(caption).toHaveTextContent('Three followers.');
  });

  it('asks, takes a guess, and reveals the answer at the next step', async () => {
    const store = await openLesson();
    const caption = screen.getByRole('region', { name: 'Caption' });
    act(() => store.getState().seek(100));
    await settle();
    const question = within(caption).getByRole('group', { name: 'Question' });
    expect(question).toHaveTextContent('Which node will win?');
    fireEvent.click(within(question).getByRole('button', { name: 'Node 2' }));
    expect(within(question).getByRole('button', { name: 'Node 2' })).toHaveAttribute('aria-pressed', 'true');
    expect(question).toHaveTextContent('Your guess: Node 2.');
    // Next twice: the first plays on, the second skips to the step at once.
    fireEvent.click(within(caption).getByRole('button', { name: 'Next' }));
    await settle();
    fireEvent.click(within(caption).getByRole('button', { name: 'Next' }));
    await settle();
    expect(store.getState().timeline).toMatchObject({ tick: 200, playing: false });
    expect(caption).toHaveTextContent('Node 1 won.');
    expect(caption).toHaveTextContent('You guessed Node 2; the answer is Node 1.');
  });

  it('follows PageDown and PageUp, and ends live', async () => {
    const store = await openLesson();
    const caption = screen.getByRole('region', { name: 'Caption' });
    for (const tick of [100, 200, 300, 400]) {
      fireEvent.keyDown(document.body, { key: 'PageDown' });
      await settle();
      await playToStep(store);
      expect(store.getState().timeline.tick).toBe(tick);
    }
    expect(caption).toHaveTextContent('Explore: crash a node.');
    expect(caption).toHaveTextContent('The lesson is over; the run is live.');
    expect(within(caption).getByRole('button', { name: 'Next' })).toBeDisabled();
    fireEvent.keyDown(document.body, { key: 'PageUp' });
    await settle();
    expect(store.getState().timeline.tick).toBe(300);
    // The cue step keeps the caption before it.
    expect(caption).toHaveTextContent('Node 1 won.');
  });

  it('reads in Chinese', async () => {
    await openLesson('zh-CN');
    const caption = screen.getByRole('region', { name: '字幕' });
    expect(caption).toHaveTextContent('三个跟随者。');
    expect(within(caption).getByRole('button', { name: '下一步' })).toBeInTheDocument();
    expect(caption).toHaveTextContent('第 1 步，共 5 步');
  });
});

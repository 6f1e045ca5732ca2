/**
 * The scenario's parts of the screen on the real worker (in process): the Open scenario dialog
 * (a preset fills the text, problems are listed with their place and the run stays), the caption
 * in force at the tick on screen, the marks and the Expectations list, revealed as the tick
 * reaches each result and in Chinese in Chinese. Scenario text is only ever text: a caption
 * written as HTML shows as those characters.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OpenScenarioButton } from '../../src/ui/components/OpenScenario.tsx';
import { ImportStatusNotices } from '../../src/ui/components/RunFileButtons.tsx';
import { captionAt, ScenarioCaption, ScenarioPanel } from '../../src/ui/components/ScenarioPanel.tsx';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

function renderScenarioParts(locale: Locale = 'en') {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 2 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <OpenScenarioButton />
      <ImportStatusNotices />
      <ScenarioCaption />
      <ScenarioPanel />
    </AppStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

const text = `nodes 3; seed 2
election 20000..30000
latency 10..10
at 100: caption "<img src=x onerror=alert(1)> Node 1 stands"
at 100: campaign 1
at 300: mark settled
at 300: caption "Settled"
expect by 150: leader in {1}
expect at 200: node 2 is a leader
run until 400`;

describe('scenarios on screen', () => {
  it('opens pasted text: the results show as the tick reaches them; a failure says what was found', async () => {
    const { store, user } = renderScenarioParts();
    await settle();
    await user.click(screen.getByRole('button', { name: 'Open scenario' }));
    const dialog = screen.getByRole('dialog', { name: 'Open a scenario' });
    // Typing braces would be read as key names: paste the text.
    await user.click(within(dialog).getByLabelText('Scenario text'));
    await user.paste(text);
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('✓ Opened "pasted text", 2 expectations: press Play');
    const items = () => within(screen.getByRole('list', { name: 'Expectations' })).getAllByRole('listitem');
    expect(items().map((item) => item.textContent)).toEqual(['pendingexpect by 150: leader in {1}', 'pendingexpect at 200: node 2 is a leader']);

    act(() => store.getState().seek(250));
    await settle();
    expect(items()[0]).toHaveTextContent('✓ passed at tick 120');
    expect(items()[1]).toHaveTextContent('✗ failed at tick 200expect at 200: node 2 is a leadernode 2 was a follower');
    // The caption in force, as plain text.
    const caption = screen.getByLabelText('Caption');
    expect(caption).toHaveTextContent('<img src=x onerror=alert(1)> Node 1 stands');
    expect(caption.querySelector('img')).toBeNull();
    // A decided result and a mark seek.
    await user.click(screen.getByRole('button', { name: 'expect at 200: node 2 is a leader: go to tick 200' }));
    await settle();
    expect(store.getState().timeline.tick).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Mark settled, tick 300' }));
    await settle();
    expect(store.getState().timeline.tick).toBe(300);
    expect(screen.getByLabelText('Caption')).toHaveTextContent(/^Settled$/);
  });

  it('bad text: every problem listed, a click puts the caret there, and the run stays', async () => {
    const { store, user } = renderScenarioParts();
    await settle();
    const before = await store.getState().exportRun();
    await user.click(screen.getByRole('button', { name: 'Open scenario' }));
    const dialog = screen.getByRole('dialog', { name: 'Open a scenario' });
    const area = within(dialog).getByLabelText<HTMLTextAreaElement>('Scenario text');
    await user.click(area);
    await user.paste('nodes 3\nat 10: crash 7');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    await settle();
    const problems = within(within(dialog).getByRole('list', { name: 'Problems in the scenario' })).getAllByRole('button');
    expect(problems.map((item) => item.textContent)).toEqual(['line 2, column 14: node 7 does not exist: the cluster has 3 nodes (1 to 3)']);
    await user.click(problems[0]!);
    expect(area.selectionStart).toBe('nodes 3\n'.length + 13);
    expect(await store.getState().exportRun()).toEqual(before);
    // Editing the text clears the problems it had.
    await user.type(area, ' ');
    expect(within(dialog).queryByRole('list', { name: 'Problems in the scenario' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open scenario' }));
  });

  it('a preset fills the text; in Chinese the dialog, the list and the results read in Chinese', async () => {
    const { store, user } = renderScenarioParts('zh-CN');
    await settle();
    await user.click(screen.getByRole('button', { name: '打开场景' }));
    const dialog = screen.getByRole('dialog', { name: '打开一个场景' });
    await user.selectOptions(within(dialog).getByLabelText('预设场景'), 'split-vote');
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('场景文本').value).toMatch(/^# A split vote/);
    await user.click(within(dialog).getByRole('button', { name: '打开' }));
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent('✓ 已打开“选票分裂”，5 条预期');
    act(() => store.getState().seek(1500));
    await settle();
    const list = screen.getByRole('list', { name: '预期' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('✓ 在 tick 200 通过');
  });

  it('the caption in force is the latest at or before the tick', () => {
    const captions = [
      { tick: 100, text: 'a' },
      { tick: 300, text: 'b' },
    ];
    expect(captionAt(captions, 99)).toBeNull();
    expect(captionAt(captions, 100)?.text).toBe('a');
    expect(captionAt(captions, 299)?.text).toBe('a');
    expect(captionAt(captions, 5000)?.text).toBe('b');
  });
});

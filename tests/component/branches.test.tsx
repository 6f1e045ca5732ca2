/**
 * The Branches panel on the real worker logic: the picker lists the branches as a tree, each
 * under the one it left; renaming and deleting work from the keyboard; the timeline marks where
 * branches leave the one on screen.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { treeOrder } from '../../src/ui/components/BranchesPanel.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** Three branches: 2 leaves 1 at tick 600, 3 leaves 1 at tick 300; the screen shows branch 3. */
async function threeBranches() {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 5 } });
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  await settle();
  const at = async (tick: number) => {
    act(() => store.getState().seek(tick));
    await settle();
  };
  act(() => store.getState().step(1_000));
  await settle();
  await at(600);
  act(() => store.getState().act({ type: 'crash', node: 1 }));
  await settle();
  act(() => store.getState().switchBranch(1));
  await settle();
  await at(300);
  act(() => store.getState().act({ type: 'crash', node: 2 }));
  await settle();
  const panel = screen.getByRole('region', { name: 'Branches' });
  return { store, panel, picker: within(panel).getByRole('combobox', { name: 'Branch' }), user: userEvent.setup() };
}

const optionTexts = (picker: HTMLElement) => within(picker).getAllByRole('option').map((option) => option.textContent?.replace(/\u00a0/g, ' '));

describe('the Branches panel', () => {
  it('lists the branches as a tree, and marks on the timeline where the one on screen began', async () => {
    const { store, panel, picker } = await threeBranches();
    expect(optionTexts(picker)).toEqual(['Branch 1 (ticks 0–1,000)', '  └ Branch 2: from Branch 1 at tick 600 (to tick 600)', '  └ Branch 3: from Branch 1 at tick 300 (to tick 300)']);
    expect(picker).toHaveValue('3');
    expect(within(panel).getByText('3 of at most 16 branches kept.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Branch 3 left Branch 1 here, at tick 300' })).toBeInTheDocument();
    act(() => store.getState().switchBranch(1));
    await settle();
    // On branch 1, both children's forks are marked; a click goes to that branch at its fork.
    screen.getByRole('button', { name: 'Branch 2 leaves here, at tick 600: switch to it' }).click();
    await settle();
    expect(store.getState().timeline).toMatchObject({ tick: 600, maxTick: 600 });
    expect(picker).toHaveValue('2');
  });

  it('renames the branch on screen, and Escape cancels a rename', async () => {
    const { panel, picker, user } = await threeBranches();
    await user.click(within(panel).getByRole('button', { name: 'Rename branch' }));
    const name = within(panel).getByRole('textbox', { name: 'Branch name' });
    expect(name).toHaveFocus();
    await user.type(name, 'node 2 down{Enter}');
    await settle();
    expect(optionTexts(picker)[2]).toBe('  └ node 2 down: from Branch 1 at tick 300 (to tick 300)');
    await user.click(within(panel).getByRole('button', { name: 'Rename branch' }));
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('textbox', { name: 'Branch name' })).toBeNull();
    // A blank name gives the default back.
    await user.click(within(panel).getByRole('button', { name: 'Rename branch' }));
    await user.clear(within(panel).getByRole('textbox', { name: 'Branch name' }));
    await user.click(within(panel).getByRole('button', { name: 'Save name' }));
    await settle();
    expect(optionTexts(picker)[2]).toMatch(/^ {2}└ Branch 3: /);
  });

  it('asks before deleting; deleting shows the branch it left; the last one cannot be deleted', async () => {
    const { store, panel, picker, user } = await threeBranches();
    await user.click(within(panel).getByRole('button', { name: 'Delete branch' }));
    const question = within(panel).getByRole('group', { name: 'Delete branch' });
    expect(question).toHaveTextContent('Delete Branch 3? Its ticks after it left its parent are lost.');
    expect(within(question).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Delete' }));
    await settle();
    expect(optionTexts(picker)).toHaveLength(2);
    expect(picker).toHaveValue('1');
    expect(store.getState().timeline).toMatchObject({ tick: 300, maxTick: 1_000 });
    act(() => store.getState().deleteBranch(2));
    await settle();
    expect(within(panel).getByRole('button', { name: 'Delete branch' })).toBeDisabled();
    expect(within(panel).getByText('This run has one branch: act in the past to start another.')).toBeInTheDocument();
  });
});

describe('treeOrder', () => {
  it('puts each branch after its parent, children by id, and one whose parent is unknown at the top', () => {
    const branch = (id: number, parent: number | null) => ({ id, name: null, parent, forkTick: 0, end: 0, actionCount: 0 });
    const order = treeOrder([branch(1, null), branch(4, 2), branch(2, 1), branch(3, 1), branch(5, 9)]);
    expect(order.map(({ branch: { id }, depth }) => [id, depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
      [5, 0],
    ]);
  });
});

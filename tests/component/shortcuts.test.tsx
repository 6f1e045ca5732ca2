/**
 * Keyboard shortcuts in the whole app: they keep working after a slider was clicked (a slider
 * keeps only its own keys), and typing in a field or a select never triggers one.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { targetOwnsKey } from '../../src/ui/hooks/shortcuts.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

async function renderApp() {
  const store = makeAppStore(createInProcessPort(createWorkerLogic));
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

describe('shortcuts after a slider was clicked', () => {
  it.each(['Timeline', 'Speed'])('Space, N, a digit and ? still work with the %s slider focused', async (name) => {
    const { store, user } = await renderApp();
    await user.click(screen.getByRole('slider', { name }));
    expect(screen.getByRole('slider', { name })).toHaveFocus();

    await user.keyboard('2');
    expect(store.getState().selectedNode).toBe(2);
    await user.keyboard('n');
    await settle();
    expect(store.getState().timeline.tick).toBeGreaterThan(0);
    await user.keyboard(' ');
    await settle();
    expect(store.getState().timeline.playing).toBe(true);
    await user.keyboard(' ');
    await settle();
    expect(store.getState().timeline.playing).toBe(false);
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it("leaves a slider its own keys: arrows, Home, End, Page Up and Page Down don't step or seek", async () => {
    const { store, user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    await settle();
    const tick = store.getState().timeline.tick;
    const slider = screen.getByRole('slider', { name: 'Speed' });
    await user.click(slider);
    const speed = store.getState().timeline.ticksPerSecond;
    // Dispatched directly: user-event refuses to guess how a range input moves.
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', 'PageUp', 'PageDown']) fireEvent.keyDown(slider, { key });
    await settle();
    // jsdom does not move a range input by itself: any change would come from a shortcut.
    expect(store.getState().timeline).toMatchObject({ tick, ticksPerSecond: speed });
  });
});

describe('shortcuts while typing', () => {
  it('typing a key or choosing from a select triggers nothing', async () => {
    const { store, user } = await renderApp();
    const key = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'n1 ?');
    await settle();
    expect(key).toHaveValue('n1 ?');
    expect(store.getState()).toMatchObject({ selectedNode: null, helpOpen: false, timeline: { tick: 0, playing: false } });

    const target = screen.getByRole('combobox', { name: 'Send to' });
    target.focus();
    await user.keyboard('2{ArrowDown} ');
    await settle();
    expect(store.getState()).toMatchObject({ selectedNode: null, timeline: { tick: 0, playing: false } });
  });

  it('knows which keys each kind of control keeps', () => {
    const element = <T extends HTMLElement>(html: string): T => {
      const host = document.createElement('div');
      host.innerHTML = html;
      return host.firstElementChild as T;
    };
    const slider = element('<input type="range">');
    expect(['ArrowLeft', 'ArrowUp', 'Home', 'End', 'PageDown'].every((key) => targetOwnsKey(slider, key))).toBe(true);
    expect([' ', 'n', '2', '?', 'Escape'].some((key) => targetOwnsKey(slider, key))).toBe(false);
    expect(targetOwnsKey(element('<div role="slider" tabindex="0"></div>'), ' ')).toBe(false);
    for (const typing of ['<input type="text">', '<input type="number">', '<input>', '<textarea></textarea>', '<select></select>', '<div contenteditable="true"></div>']) {
      const field = element(typing);
      if (typing.includes('contenteditable')) Object.defineProperty(field, 'isContentEditable', { value: true }); // jsdom leaves it false
      expect(targetOwnsKey(field, 'n'), typing).toBe(true);
    }
    for (const untyped of ['<input type="checkbox">', '<input type="button">', '<button></button>']) expect(targetOwnsKey(element(untyped), 'n'), untyped).toBe(false);
  });
});

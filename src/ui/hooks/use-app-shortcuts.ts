import { useAppStoreApi } from '../store/store-context.tsx';
import { speedFromSlider, speedToSlider } from '../speed.ts';
import type { ShortcutCommand } from './shortcuts.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** Binds the keyboard map (hooks/shortcuts.ts) to the store's actions. */
export function useAppShortcuts(): void {
  const store = useAppStoreApi();
  useShortcuts((command: ShortcutCommand, key: string) => {
    const state = store.getState();
    // While the app asks before acting in the past, the page under the question is inert: Esc cancels.
    if (state.pendingAct !== null && command !== 'escape') return;
    const selected = state.selectedNode === null ? undefined : state.view?.nodes.find((node) => node.id === state.selectedNode);
    switch (command) {
      case 'toggle-play':
        state.togglePlay();
        return;
      case 'step':
        state.step(1);
        return;
      case 'step-back':
        state.stepBack(1);
        return;
      case 'next-event':
        state.nextEvent();
        return;
      case 'select-node': {
        const id = Number(key);
        if (state.view !== null && id <= state.view.nodes.length) state.selectNode(state.selectedNode === id ? null : id);
        return;
      }
      case 'crash-or-restart':
        if (selected !== undefined) state.act({ type: selected.alive ? 'crash' : 'restart', node: selected.id }, { source: 'inspector' });
        return;
      case 'isolate':
        // One node has no network to be cut off from.
        if (selected !== undefined && state.view !== null && state.view.nodes.length > 1) state.act({ type: 'isolate', node: selected.id }, { source: 'inspector' });
        return;
      case 'transfer-leadership':
        // Hand over to the selected node: only while another node leads (the core refuses otherwise).
        if (selected !== undefined && selected.alive && state.view?.leader != null && state.view.leader.id !== selected.id) {
          state.act({ type: 'transfer-leadership', node: selected.id }, { source: 'inspector' });
        }
        return;
      case 'heal':
        state.act({ type: 'heal' }, { source: 'faults' });
        return;
      case 'faster':
        state.setSpeed(speedFromSlider(speedToSlider(state.timeline.ticksPerSecond) + 25));
        return;
      case 'slower':
        state.setSpeed(speedFromSlider(speedToSlider(state.timeline.ticksPerSecond) - 25));
        return;
      case 'seek-start':
        state.seek(0);
        return;
      case 'seek-end':
        state.seek(state.timeline.maxTick);
        return;
      case 'theme':
        state.setTheme(state.theme === 'dark' ? 'light' : 'dark');
        return;
      case 'legend':
        state.setLegendOpen(!state.legendOpen);
        return;
      case 'large-type':
        state.setLargeType(!state.largeType);
        return;
      case 'help':
        state.setHelpOpen(!state.helpOpen);
        return;
      case 'escape':
        if (state.pendingAct !== null) state.cancelAct();
        else if (state.helpOpen) state.setHelpOpen(false);
        else {
          state.selectNode(null);
          state.selectMessage(null);
        }
        return;
    }
  });
}

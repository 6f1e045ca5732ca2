import { useAppStore } from '../store/store-context.tsx';
import { RunFileButtons } from './RunFileButtons.tsx';

/** The title bar: saving and loading runs, the theme and Large type switches, the shortcuts help. */
export function AppHeader() {
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  const largeType = useAppStore((state) => state.largeType);
  const setLargeType = useAppStore((state) => state.setLargeType);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  return (
    <header className="app-header">
      <h1>Raftlab</h1>
      <p className="app-tagline">A real Raft cluster, simulated tick by tick. Break it and watch it recover.</p>
      <div className="app-header-actions">
        <RunFileButtons />
        <button type="button" aria-pressed={largeType} aria-keyshortcuts="G" onClick={() => setLargeType(!largeType)} title="Larger type everywhere, for a projector (G)">
          Large type
        </button>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-keyshortcuts="T">
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </button>
      </div>
    </header>
  );
}

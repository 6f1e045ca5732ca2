/**
 * Presenter mode's only chrome besides the playback controls: the keys, and the way out. It
 * fades while the pointer is still (App.tsx, usePointerIdle) and comes back when it moves.
 */
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore } from '../store/store-context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './lessons.css';

export function PresenterBar() {
  const m = useMessages();
  const setPresenter = useAppStore((state) => state.setPresenter);
  return (
    <div className="presenter-bar">
      <p className="muted presenter-keys">{m.lessons.presenterKeys}</p>
      <LanguageSwitch />
      <button type="button" aria-keyshortcuts="Escape" onClick={() => setPresenter(false)}>
        {m.lessons.leavePresenter}
      </button>
    </div>
  );
}

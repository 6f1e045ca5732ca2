import { useAppStore, useShallow } from '../store/store-context.tsx';
import { ControlBar } from './ControlBar.tsx';
import { StatusBar } from './StatusBar.tsx';

/** Below the title: the status line, the playback controls and the worker's last error. */
export function PlaybackArea() {
  const view = useAppStore((state) => state.view);
  const timeline = useAppStore((state) => state.timeline);
  const actions = useAppStore(
    useShallow((state) => ({
      togglePlay: state.togglePlay,
      step: state.step,
      stepBack: state.stepBack,
      nextEvent: state.nextEvent,
      seek: state.seek,
      setSpeed: state.setSpeed,
    })),
  );
  return (
    <div>
      <StatusBar view={view} timeline={timeline} onSeek={actions.seek} />
      <ControlBar
        timeline={timeline}
        onTogglePlay={actions.togglePlay}
        onStep={() => actions.step(1)}
        onStepBack={() => actions.stepBack(1)}
        onNextEvent={actions.nextEvent}
        onSeek={actions.seek}
        onSpeed={actions.setSpeed}
      />
      <ErrorBanner />
    </div>
  );
}

/** The last error the worker reported, until dismissed. */
function ErrorBanner() {
  const error = useAppStore((state) => state.error);
  const dismissError = useAppStore((state) => state.dismissError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismissError}>
        Dismiss
      </button>
    </div>
  );
}

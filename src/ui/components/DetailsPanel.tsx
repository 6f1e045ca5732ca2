import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { fastPlaybackTicksPerSecond } from '../speed.ts';
import { useAppStore } from '../store/store-context.tsx';
import { MessageDetails } from './MessageDetails.tsx';
import { NodeInspector } from './NodeInspector.tsx';

/** The selected node's state, or the selected message's fields, or a hint on how to select. */
export function DetailsPanel() {
  // Fast playback changes these tables every frame, faster than anyone reads: refresh them a few
  // times a second then, so the cluster view keeps its frame rate.
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  const view = useThrottledValue(
    useAppStore((state) => state.view),
    { intervalMs: 250, throttle: fast },
  );
  const selectedNode = useAppStore((state) => state.selectedNode);
  const selectedMessage = useAppStore((state) => state.selectedMessage);
  const act = useAppStore((state) => state.act);
  if (view === null) return null;
  const node = selectedNode === null ? undefined : view.nodes.find((candidate) => candidate.id === selectedNode);
  const message = selectedMessage === null ? undefined : view.inFlight.find((candidate) => candidate.id === selectedMessage);
  return (
    <section className="app-slot" aria-label="Inspector">
      {node !== undefined ? (
        <NodeInspector
          node={node}
          view={view}
          onCrash={(id) => act({ type: 'crash', node: id })}
          onRestart={(id) => act({ type: 'restart', node: id })}
          onIsolate={(id) => act({ type: 'isolate', node: id })}
        />
      ) : message !== undefined ? (
        <MessageDetails message={message} tick={view.tick} />
      ) : (
        <div className="panel">
          <h2>Inspector</h2>
          <p className="hint">
            Click a node (or press 1–{Math.min(view.nodes.length, 9)}) to see its state and crash or restart it; click a
            message in flight to see its fields.
          </p>
        </div>
      )}
    </section>
  );
}

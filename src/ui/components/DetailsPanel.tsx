import type { NodeId } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useShownOutcome } from '../hooks/use-shown-outcome.ts';
import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { actionNode } from '../outcome.ts';
import { fastPlaybackTicksPerSecond } from '../speed.ts';
import { useAppStore } from '../store/store-context.tsx';
import { MessageDetails } from './MessageDetails.tsx';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import { NodeInspector } from './NodeInspector.tsx';

/** The selected node's state, or the selected message's fields, or a hint on how to select. */
export function DetailsPanel() {
  const m = useMessages();
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
  const outcome = useShownOutcome('inspector');
  const messageOutcome = useShownOutcome('message');
  if (view === null) return null;
  const node = selectedNode === null ? undefined : view.nodes.find((candidate) => candidate.id === selectedNode);
  const message = selectedMessage === null ? undefined : view.inFlight.find((candidate) => candidate.id === selectedMessage);
  const actOn = (type: 'crash' | 'restart' | 'isolate' | 'rejoin' | 'campaign') => (id: NodeId) => act({ type, node: id }, { source: 'inspector' });
  return (
    <section className="app-slot" aria-label={m.details.name}>
      {node !== undefined ? (
        <NodeInspector
          m={m}
          node={node}
          view={view}
          onCrash={actOn('crash')}
          onRestart={actOn('restart')}
          onIsolate={actOn('isolate')}
          onRejoin={actOn('rejoin')}
          onTimeoutNow={actOn('campaign')}
          onTransferLeadership={(id) => act({ type: 'transfer-leadership', node: id }, { source: 'inspector' })}
          onRemove={(id) => act({ type: 'remove-node', node: id }, { source: 'inspector' })}
          onSetTimer={(id, ticks) => act({ type: 'set-timer', node: id, ticks }, { source: 'inspector' })}
          // Another node's outcome would read as this one's.
          outcome={outcome !== null && actionNode(outcome.action) === node.id ? outcome : null}
        />
      ) : message !== undefined ? (
        <MessageDetails m={m} message={message} tick={view.tick} onAct={(action) => act(action, { source: 'message' })} outcome={messageOutcome} />
      ) : (
        <div className="panel">
          <h2>{m.details.name}</h2>
          <p className="hint">{m.details.hint(nodeKeys(view.nodes.length))}</p>
          {/* A message dropped or delivered by hand leaves the screen: its outcome stays here. */}
          <OutcomeStatus outcome={messageOutcome} />
        </div>
      )}
    </section>
  );
}

/** The number keys that select nodes: "1" for one node, "1–5", at most "1–9". */
function nodeKeys(nodeCount: number): string {
  const last = Math.min(nodeCount, 9);
  return last <= 1 ? '1' : `1–${last}`;
}

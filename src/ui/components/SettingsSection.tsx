import { useId, useState } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { useShownOutcome } from '../hooks/use-shown-outcome.ts';
import { useAppStore } from '../store/store-context.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

/** Run settings, folded away by default: network, Raft timing, nodes and seed. */
export function SettingsSection() {
  const m = useMessages();
  const headingId = useId();
  const view = useAppStore((state) => state.view);
  const runOptions = useAppStore((state) => state.runOptions);
  const act = useAppStore((state) => state.act);
  const reset = useAppStore((state) => state.reset);
  const networkOutcome = useShownOutcome('network');
  const [generation, setGeneration] = useState(0);
  if (view === null) return null;
  return (
    <details className="panel settings-panel">
      <summary>
        <h2 id={headingId}>{m.settings.heading}</h2>
      </summary>
      {/* Named by the summary's heading: one "Settings" heading, not two. */}
      <SettingsPanel
        key={generation}
        labelledBy={headingId}
        network={view.network}
        raft={view.raft}
        nodeCount={view.nodes.length}
        seed={runOptions.seed ?? view.seed}
        onAct={(action) => act(action, { source: 'network' })}
        networkOutcome={networkOutcome}
        onReset={(options) => {
          reset(options);
          setGeneration((value) => value + 1);
        }}
      />
    </details>
  );
}

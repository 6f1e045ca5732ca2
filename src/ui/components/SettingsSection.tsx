import { useState } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

/** Run settings, folded away by default: network, Raft timing, nodes and seed. */
export function SettingsSection() {
  const view = useAppStore((state) => state.view);
  const runOptions = useAppStore((state) => state.runOptions);
  const act = useAppStore((state) => state.act);
  const reset = useAppStore((state) => state.reset);
  const [generation, setGeneration] = useState(0);
  if (view === null) return null;
  return (
    <details className="panel settings-panel">
      <summary>
        <h2>Settings</h2>
      </summary>
      <SettingsPanel
        key={generation}
        network={view.network}
        raft={view.raft}
        nodeCount={view.nodes.length}
        seed={runOptions.seed ?? view.seed}
        onAct={act}
        onReset={(options) => {
          reset(options);
          setGeneration((value) => value + 1);
        }}
      />
    </details>
  );
}

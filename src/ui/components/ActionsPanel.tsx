import { useMemo } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { ClientPanel } from './ClientPanel.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import { LoadControl } from './LoadControl.tsx';

/** What a user can do to the cluster: client requests, steady load, faults. */
export function ActionsPanel() {
  // Only what these controls show: the frame decoder keeps each of these the same object while it
  // does not change, so playing does not re-render the forms every frame.
  const nodeCount = useAppStore((state) => state.view?.nodes.length ?? 0);
  const workload = useAppStore((state) => state.view?.workload ?? null);
  const partition = useAppStore((state) => state.view?.partition ?? null);
  const cutLinks = useAppStore((state) => state.view?.cutLinks ?? null);
  const lastOutcome = useAppStore((state) => state.lastOutcome);
  const act = useAppStore((state) => state.act);
  const nodeIds = useMemo(() => Array.from({ length: nodeCount }, (_, index) => index + 1), [nodeCount]);
  if (workload === null || partition === null || cutLinks === null) return null;
  return (
    <section className="app-slot actions-panel" aria-label="Client and faults">
      <ClientPanel nodeIds={nodeIds} onSubmit={act} outcome={lastOutcome} />
      <LoadControl workload={workload} onAct={act} />
      <FaultPanel nodeIds={nodeIds} partition={partition} cutLinks={cutLinks} onAct={act} />
    </section>
  );
}

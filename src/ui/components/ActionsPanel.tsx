import { useMemo } from 'react';
import type { Action, ReadView } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useShownOutcome } from '../hooks/use-shown-outcome.ts';
import { idsFromKey, presentIdsKey } from '../present-nodes.ts';
import { useAppStore } from '../store/store-context.tsx';
import { ClientPanel } from './ClientPanel.tsx';
import { DeliveryPanel } from './DeliveryPanel.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import { LoadControl } from './LoadControl.tsx';
import { MembershipPanel } from './MembershipPanel.tsx';
import { TimerPanel } from './TimerPanel.tsx';

const noReads: readonly ReadView[] = [];

/** What a user can do to the cluster: client requests, steady load, faults, election timers. */
export function ActionsPanel() {
  const m = useMessages();
  // Only what these controls show: the frame decoder keeps each of these the same object while it
  // does not change, so playing does not re-render the forms every frame.
  const idsKey = useAppStore((state) => presentIdsKey(state.view));
  const workload = useAppStore((state) => state.view?.workload ?? null);
  const partition = useAppStore((state) => state.view?.partition ?? null);
  const cutLinks = useAppStore((state) => state.view?.cutLinks ?? null);
  const reads = useAppStore((state) => state.view?.reads ?? noReads);
  const act = useAppStore((state) => state.act);
  const outcomes = { client: useShownOutcome('client'), load: useShownOutcome('load'), faults: useShownOutcome('faults'), timers: useShownOutcome('timers'), delivery: useShownOutcome('delivery'), membership: useShownOutcome('membership') };
  const nodeIds = useMemo(() => idsFromKey(idsKey), [idsKey]);
  // Each control says where it acts from, so its outcome shows next to it.
  const onAct = useMemo(
    () => ({
      client: (action: Action) => act(action, { source: 'client' }),
      load: (action: Action) => act(action, { source: 'load' }),
      faults: (action: Action) => act(action, { source: 'faults' }),
      timers: (action: Action) => act(action, { source: 'timers' }),
      delivery: (action: Action) => act(action, { source: 'delivery' }),
      membership: (action: Action) => act(action, { source: 'membership' }),
    }),
    [act],
  );
  if (workload === null || partition === null || cutLinks === null) return null;
  return (
    <section className="app-slot actions-panel" aria-label={m.actions.region}>
      <ClientPanel nodeIds={nodeIds} onSubmit={onAct.client} outcome={outcomes.client} reads={reads} />
      <LoadControl workload={workload} onAct={onAct.load} outcome={outcomes.load} />
      <FaultPanel nodeIds={nodeIds} partition={partition} cutLinks={cutLinks} onAct={onAct.faults} outcome={outcomes.faults} />
      <MembershipPanel onAct={onAct.membership} outcome={outcomes.membership} />
      <TimerPanel nodeIds={nodeIds} onAct={onAct.timers} outcome={outcomes.timers} />
      <DeliveryPanel onAct={onAct.delivery} outcome={outcomes.delivery} />
    </section>
  );
}

/**
 * Membership change (thesis ch. 4): the configuration the leader uses, the change it has not
 * committed yet, and Add node. Remove node is on each node's inspector. Both go to the leader as
 * actions recorded in the run; a refused change (one at a time) says why in the outcome.
 */
import { useId } from 'react';
import type { Action } from '../../core/index.ts';
import { nodeCountMax, screenNodeCountMax } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore, useShallow } from '../store/store-context.tsx';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

export interface MembershipPanelProps {
  readonly onAct: (action: Action) => void;
  readonly outcome?: OutcomeLine | null;
}

export function MembershipPanel({ onAct, outcome = null }: MembershipPanelProps) {
  const m = useMessages();
  const id = useId();
  // Only what this panel shows, compared by content, so playing does not re-render it each frame.
  const facts = useAppStore(
    useShallow((state) => {
      const view = state.view;
      const leader = view?.leader === null || view === null ? undefined : view.nodes[view.leader.id - 1];
      const membership = leader?.membership;
      return {
        voters: membership?.voters.join(',') ?? null,
        learners: membership?.learners.join(',') ?? '',
        pending: membership !== undefined && leader !== undefined && membership.index > leader.log.committed ? membership.index : null,
        shown: view?.nodes.filter((node) => node.removedAt === undefined).length ?? 0,
        servers: view?.nodes.length ?? 0,
      };
    }),
  );
  const words = m.actions.membership;
  const ids = (list: string): readonly number[] => (list === '' ? [] : list.split(',').map(Number));
  const full = facts.shown >= screenNodeCountMax || facts.servers >= nodeCountMax;
  return (
    <section className="panel membership-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{words.heading}</h2>
      <p className="hint">
        {facts.voters === null ? words.noLeader : words.configuration(m.common.groups([ids(facts.voters)]), facts.learners === '' ? null : m.common.groups([ids(facts.learners)]))}
      </p>
      {facts.pending === null ? null : <p className="hint">{words.pending(facts.pending)}</p>}
      <div className="panel-toolbar">
        <button type="button" disabled={full} title={full ? words.full(screenNodeCountMax) : words.addHelp} onClick={() => onAct({ type: 'add-node' })}>
          {words.add}
        </button>
      </div>
      <p className="hint">{words.removeHint}</p>
      <OutcomeStatus outcome={outcome} />
    </section>
  );
}

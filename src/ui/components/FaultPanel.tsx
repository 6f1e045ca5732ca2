/**
 * Network faults: split the cluster into two groups, cut or restore single links (one way or
 * both), and heal everything. Shows the network as it is now, so the effect of each action is
 * visible next to the control that caused it.
 */
import { useId, useState } from 'react';
import type { Action, NodeId } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

export interface FaultPanelProps {
  readonly nodeIds: readonly NodeId[];
  /** The current partition (one group when the network is whole). */
  readonly partition?: readonly (readonly NodeId[])[];
  readonly cutLinks?: readonly { readonly from: NodeId; readonly to: NodeId }[];
  readonly onAct: (action: Action) => void;
  /** The outcome of the last fault taken here (shown for a few seconds). */
  readonly outcome?: OutcomeLine | null;
}

export function FaultPanel({ nodeIds, partition = [], cutLinks = [], onAct, outcome = null }: FaultPanelProps) {
  const id = useId();
  const m = useMessages();
  return (
    <section className="panel fault-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.actions.faults.heading}</h2>
      {nodeIds.length < 2 ? (
        <p className="muted">{m.actions.faults.oneNode}</p>
      ) : (
        <>
          <p className="muted">{m.actions.faults.now(partition, cutLinks)}</p>
          <PartitionBuilder nodeIds={nodeIds} onAct={onAct} />
          <LinkControls nodeIds={nodeIds} onAct={onAct} />
          <div className="panel-toolbar">
            <button type="button" onClick={() => onAct({ type: 'heal' })}>
              {m.actions.faults.heal}
            </button>
          </div>
        </>
      )}
      <OutcomeStatus outcome={outcome} />
    </section>
  );
}

/**
 * The link's ends as chosen, or, for a node the run no longer has (a restart with fewer nodes),
 * the first node (for From) and the first other node (for To).
 */
function linkEnds(nodeIds: readonly NodeId[], chosen: { from: NodeId; to: NodeId }): { from: NodeId; to: NodeId } {
  const from = nodeIds.includes(chosen.from) ? chosen.from : (nodeIds[0] ?? 1);
  const to = nodeIds.includes(chosen.to) ? chosen.to : (nodeIds.find((node) => node !== from) ?? from);
  return { from, to };
}

function PartitionBuilder({ nodeIds, onAct }: { nodeIds: readonly NodeId[]; onAct: (action: Action) => void }) {
  const m = useMessages();
  const [picked, setPicked] = useState<readonly NodeId[]>([]);
  const toggle = (node: NodeId) => setPicked(picked.includes(node) ? picked.filter((other) => other !== node) : [...picked, node]);
  const chosen = nodeIds.filter((node) => picked.includes(node));
  const rest = nodeIds.filter((node) => !picked.includes(node));
  const canSplit = chosen.length > 0 && rest.length > 0;
  const split = () => {
    onAct({ type: 'partition', groups: [chosen, rest] });
    setPicked([]);
  };
  return (
    <fieldset>
      <legend>{m.actions.faults.partition}</legend>
      <div className="checkbox-row">
        {nodeIds.map((node) => (
          <label key={node} className="checkbox">
            <input type="checkbox" checked={picked.includes(node)} onChange={() => toggle(node)} />
            {m.common.node(node)}
          </label>
        ))}
      </div>
      <p className="muted">{canSplit ? m.actions.faults.groups([chosen, rest]) : m.actions.faults.pick}</p>
      <button type="button" disabled={!canSplit} onClick={split}>
        {m.actions.faults.split}
      </button>
    </fieldset>
  );
}

function LinkControls({ nodeIds, onAct }: { nodeIds: readonly NodeId[]; onAct: (action: Action) => void }) {
  const id = useId();
  const m = useMessages();
  const [chosenFrom, setFrom] = useState<NodeId>(nodeIds[0] ?? 1);
  const [chosenTo, setTo] = useState<NodeId>(nodeIds[1] ?? nodeIds[0] ?? 1);
  const [bothWays, setBothWays] = useState(true);
  const { from, to } = linkEnds(nodeIds, { from: chosenFrom, to: chosenTo });
  const isSame = from === to;
  return (
    <fieldset>
      <legend>{m.actions.faults.link}</legend>
      <div className="form-row">
        <label htmlFor={`${id}-from`}>{m.actions.faults.from}</label>
        <select id={`${id}-from`} value={from} onChange={(event) => setFrom(Number(event.target.value))}>
          {nodeIds.map((node) => (
            <option key={node} value={node}>
              {m.common.node(node)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-to`}>{m.actions.faults.to}</label>
        <select id={`${id}-to`} value={to} onChange={(event) => setTo(Number(event.target.value))}>
          {nodeIds.map((node) => (
            <option key={node} value={node}>
              {m.common.node(node)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={bothWays} onChange={(event) => setBothWays(event.target.checked)} />
        {m.actions.faults.bothWays}
      </label>
      {isSame ? <p className="field-error">{m.actions.faults.sameNode}</p> : null}
      <div className="panel-toolbar">
        <button type="button" disabled={isSame} onClick={() => onAct({ type: 'cut-link', from, to, bothWays })}>
          {m.actions.faults.cut}
        </button>
        <button type="button" disabled={isSame} onClick={() => onAct({ type: 'restore-link', from, to, bothWays })}>
          {m.actions.faults.restore}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Election timers for the whole cluster, a debugger's controls: Align timers makes the chosen
 * nodes time out on the same tick (a split vote when they stand at once), Spread timers makes one
 * node time out well before the rest (a clean election). Both are actions recorded in the run,
 * so the run replays exactly; per-node timers are in the inspector (Time out now, Set timer).
 */
import { useId, useState } from 'react';
import type { Action, NodeId } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

export interface TimerPanelProps {
  readonly nodeIds: readonly NodeId[];
  readonly onAct: (action: Action) => void;
  readonly outcome?: OutcomeLine | null;
}

export function TimerPanel({ nodeIds, onAct, outcome = null }: TimerPanelProps) {
  const id = useId();
  const m = useMessages();
  const [aligned, setAligned] = useState<readonly NodeId[]>([1, 2]);
  const [first, setFirst] = useState<NodeId>(1);
  // Choices of nodes a smaller new run no longer has are dropped.
  const chosen = aligned.filter((node) => nodeIds.includes(node));
  const firstNode = nodeIds.includes(first) ? first : (nodeIds[0] ?? 1);
  if (nodeIds.length < 2) return null;
  return (
    <section className="panel timer-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.actions.timers.heading}</h2>
      <p className="muted">{m.actions.timers.hint}</p>
      <fieldset>
        <legend>{m.actions.timers.alignLegend}</legend>
        <div className="checkbox-row">
          {nodeIds.map((node) => (
            <label key={node} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(node)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setAligned((before) => (on ? [...before.filter((other) => other !== node), node].sort((a, b) => a - b) : before.filter((other) => other !== node)));
                }}
              />
              {m.common.node(node)}
            </label>
          ))}
        </div>
        <button type="button" disabled={chosen.length < 2} onClick={() => onAct({ type: 'align-timers', nodes: chosen })} title={m.actions.timers.alignHint}>
          {m.actions.timers.align}
        </button>
      </fieldset>
      <div className="form-row">
        <label htmlFor={`${id}-first`}>{m.actions.timers.firstLabel}</label>
        <select id={`${id}-first`} value={firstNode} onChange={(event) => setFirst(Number(event.currentTarget.value))}>
          {nodeIds.map((node) => (
            <option key={node} value={node}>
              {m.common.node(node)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => onAct({ type: 'spread-timers', node: firstNode })} title={m.actions.timers.spreadHint}>
          {m.actions.timers.spread}
        </button>
      </div>
      <OutcomeStatus outcome={outcome} />
    </section>
  );
}

/**
 * Compare: the run on screen against the same run with one setting changed (fast backup on or
 * off, the election timeout doubled, another seed), as a diff of their event streams: "First
 * divergence at tick N", what each run did there, and a button to go to that tick; and both runs
 * side by side at the tick on screen, node by node, each node that differs marked. The run on
 * screen is not changed.
 */
import { useState } from 'react';
import type { SimEvent } from '../../core/index.ts';
import type { CompareChange, ComparedNode, NodeBrief } from '../../protocol/worker-protocol.ts';
import { compareChanges } from '../../protocol/worker-protocol.ts';
import { explain } from '../explain.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';

function eventText(m: Messages, event: SimEvent | null): string {
  if (event === null) return m.events.compare.nothing;
  return `${event.node === null ? m.events.compare.cluster : m.common.node(event.node)}: ${explain(m, event)}`;
}

function briefText(m: Messages, brief: NodeBrief): string {
  if (!brief.alive) return m.events.compare.crashed(brief.term);
  return m.events.compare.brief(m.common.role[brief.role], brief.term, brief.commit, brief.lastIndex);
}

/** Each node of both runs at one tick, the rows that differ marked in words (not by colour alone). */
function SideBySide({ change, tick, nodes }: { change: CompareChange; tick: number; nodes: readonly ComparedNode[] }) {
  const m = useMessages();
  const words = m.events.compare;
  return (
    <table className="compare-states">
      <caption>{words.tableCaption(words.changes[change], tick)}</caption>
      <thead>
        <tr>
          <th scope="col">{words.node}</th>
          <th scope="col">{words.here}</th>
          <th scope="col">{words.there(words.changes[change])}</th>
          <th scope="col">
            <span className="visually-hidden">{words.differs}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => {
          const here = briefText(m, node.here);
          const there = briefText(m, node.there);
          const differs = here !== there;
          return (
            <tr key={node.id} className={differs ? 'is-different' : undefined}>
              <th scope="row">{node.id}</th>
              <td>{here}</td>
              <td>{there}</td>
              <td>{differs ? `≠ ${words.differs}` : words.sameState}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CompareControls() {
  const m = useMessages();
  const compare = useAppStore((state) => state.compare);
  const comparison = useAppStore((state) => state.comparison);
  const seek = useAppStore((state) => state.seek);
  const compareStates = useAppStore((state) => state.compareStates);
  const states = useAppStore((state) => state.comparedStates);
  const tick = useAppStore((state) => state.timeline.tick);
  const [change, setChange] = useState<CompareChange>('fast-backup');
  const words = m.events.compare;
  const divergence = comparison?.divergence ?? null;
  return (
    <div className="compare-controls">
      <div className="panel-toolbar">
        <label>
          {words.with}
          <select value={change} onChange={(event) => setChange(event.currentTarget.value as CompareChange)}>
            {compareChanges.map((option) => (
              <option key={option} value={option}>
                {words.changes[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => compare(change)} disabled={comparison?.pending === true} title={words.hint}>
          {words.compare}
        </button>
        <button type="button" onClick={() => compareStates(change)} title={words.sideBySideHint}>
          {words.sideBySide(tick)}
        </button>
      </div>
      <div role="status" className="compare-result">
        {comparison === null ? null : comparison.pending ? (
          <p className="muted">{words.running}</p>
        ) : divergence === null ? (
          <p>{words.same(words.changes[comparison.change], comparison.until)}</p>
        ) : (
          <>
            <p>
              {words.diverge(words.changes[comparison.change], Number.isFinite(divergence.tick) ? divergence.tick : comparison.until)}{' '}
              {Number.isFinite(divergence.tick) ? (
                <button type="button" className="link-button" onClick={() => seek(divergence.tick)}>
                  {words.goTo(divergence.tick)}
                </button>
              ) : null}
            </p>
            <p className="muted">{words.thisRun(eventText(m, divergence.a))}</p>
            <p className="muted">{words.otherRun(eventText(m, divergence.b))}</p>
          </>
        )}
      </div>
      {states === null ? null : <SideBySide change={states.change} tick={states.tick} nodes={states.nodes} />}
    </div>
  );
}

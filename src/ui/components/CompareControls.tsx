/**
 * Compare: the run on screen against the same run with one setting changed (fast backup on or
 * off, the election timeout doubled, another seed), as a diff of their event streams: "First
 * divergence at tick N", what each run did there, and a button to go to that tick. The run on
 * screen is not changed.
 */
import { useState } from 'react';
import type { SimEvent } from '../../core/index.ts';
import type { CompareChange } from '../../protocol/worker-protocol.ts';
import { compareChanges } from '../../protocol/worker-protocol.ts';
import { explain } from '../explain.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';

function eventText(m: Messages, event: SimEvent | null): string {
  if (event === null) return m.events.compare.nothing;
  return `${event.node === null ? m.events.compare.cluster : m.common.node(event.node)}: ${explain(m, event)}`;
}

export function CompareControls() {
  const m = useMessages();
  const compare = useAppStore((state) => state.compare);
  const comparison = useAppStore((state) => state.comparison);
  const seek = useAppStore((state) => state.seek);
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
    </div>
  );
}

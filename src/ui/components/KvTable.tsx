/** A node's applied key-value state: what its state machine holds after lastApplied, keys in natural order. */
import { useMemo } from 'react';
import type { NodeId } from '../../core/index.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import { naturallyByKey } from '../natural-order.ts';
import './panels.css';

/** Most pairs rendered; the rest are counted (a bound on the DOM). */
export const kvRowsMax = 200;

export interface KvTableProps {
  readonly node: NodeId;
  readonly pairs: readonly (readonly [string, string])[];
  /** The catalogue to speak in (NodeInspector passes its own); English when left out. */
  readonly m?: Messages;
}

export function KvTable({ node, pairs, m = messagesFor(defaultLocale) }: KvTableProps) {
  // The core's order is by code point (key10 before key2); people read key2 first.
  const sorted = useMemo(() => naturallyByKey(pairs), [pairs]);
  if (pairs.length === 0) {
    return <p className="muted">{m.details.kv.empty(node)}</p>;
  }
  const shown = sorted.slice(0, kvRowsMax);
  return (
    <table className="panel-table kv-table">
      <caption>{m.details.kv.caption(node)}</caption>
      <thead>
        <tr>
          <th scope="col">{m.details.kv.key}</th>
          <th scope="col">{m.details.kv.value}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
      {pairs.length > shown.length ? (
        <tfoot>
          <tr>
            <td colSpan={2} className="muted">
              {m.details.kv.more(pairs.length - shown.length)}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

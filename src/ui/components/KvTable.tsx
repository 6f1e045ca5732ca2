/** A node's applied key-value state: what its state machine holds after lastApplied, keys in natural order. */
import { useMemo } from 'react';
import type { NodeId } from '../../core/index.ts';
import { naturallyByKey } from '../natural-order.ts';
import './panels.css';

/** Most pairs rendered; the rest are counted (a bound on the DOM). */
export const kvRowsMax = 200;

export interface KvTableProps {
  readonly node: NodeId;
  readonly pairs: readonly (readonly [string, string])[];
}

export function KvTable({ node, pairs }: KvTableProps) {
  // The core's order is by code point (key10 before key2); people read key2 first.
  const sorted = useMemo(() => naturallyByKey(pairs), [pairs]);
  if (pairs.length === 0) {
    return <p className="muted">Node {node}&apos;s key-value state is empty.</p>;
  }
  const shown = sorted.slice(0, kvRowsMax);
  return (
    <table className="panel-table kv-table">
      <caption>Key-value state of node {node}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
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
              and {pairs.length - shown.length} more keys
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

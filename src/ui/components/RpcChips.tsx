/**
 * The message-type filter as chips, one per RPC (its request and reply together) and "All types".
 * The event log and the space-time diagram both show it, bound to the same filter.
 */
import type { RpcFamily } from '../viz/rpc-family.ts';
import { familyRequest, rpcFamilies } from '../viz/rpc-family.ts';
import { useMessages } from '../hooks/use-messages.ts';

export function RpcChips({ rpcs, onChange }: { rpcs: readonly RpcFamily[]; onChange: (rpcs: readonly RpcFamily[]) => void }) {
  const m = useMessages();
  const toggle = (family: RpcFamily) => onChange(rpcs.includes(family) ? rpcs.filter((shown) => shown !== family) : [...rpcs, family]);
  return (
    <div role="group" aria-label={m.events.filters.rpcs} className="chips">
      <button type="button" className="chip" aria-pressed={rpcs.length === 0} onClick={() => onChange([])}>
        {m.events.filters.allRpcs}
      </button>
      {rpcFamilies.map((family) => (
        <button key={family} type="button" className={`chip rpc-${family}`} aria-pressed={rpcs.includes(family)} onClick={() => toggle(family)}>
          {m.events.rpc[familyRequest[family]]}
        </button>
      ))}
    </div>
  );
}

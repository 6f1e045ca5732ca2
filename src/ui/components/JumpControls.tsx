/**
 * Jumps through the run by what happened: back to the last, or on to the next, election, leader
 * change, commit, term change or message of a type, on the node the event log is filtered to
 * (or any). The worker finds the tick on the core's own events (src/worker/jumps.ts) and says
 * when there is none, leaving the run where it was.
 */
import { useId, useState } from 'react';
import type { NodeId, RemoteMessageType } from '../../core/index.ts';
import type { JumpKind } from '../../protocol/worker-protocol.ts';
import { jumpKinds, remoteMessageTypes } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore } from '../store/store-context.tsx';

export function JumpControls({ node }: { readonly node: NodeId | null }) {
  const m = useMessages();
  const id = useId();
  const jump = useAppStore((state) => state.jump);
  const last = useAppStore((state) => state.lastJump);
  const [kind, setKind] = useState<JumpKind>('election');
  const [messageType, setMessageType] = useState<RemoteMessageType | null>(null);
  const words = m.events.jump;
  const go = (direction: 'next' | 'previous') => jump({ direction, kind, messageType: kind === 'message' ? messageType : null, node });
  const what = (lastKind: JumpKind, lastType: RemoteMessageType | null) => (lastKind === 'message' && lastType !== null ? m.events.rpc[lastType] : words.kinds[lastKind]);
  const result =
    last === null ? '' : last.tick !== null ? words.landed(last.tick) : (last.request.direction === 'previous' ? words.noneBack : words.noneAhead)(what(last.request.kind, last.request.messageType), last.request.node);
  return (
    <div className="panel-toolbar jump-controls">
      <label htmlFor={`${id}-kind`}>{words.label}</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.currentTarget.value as JumpKind)}>
        {jumpKinds.map((option) => (
          <option key={option} value={option}>
            {words.kinds[option]}
          </option>
        ))}
      </select>
      {kind === 'message' ? (
        <select aria-label={words.messageType} value={messageType ?? ''} onChange={(event) => setMessageType(event.currentTarget.value === '' ? null : (event.currentTarget.value as RemoteMessageType))}>
          <option value="">{words.anyMessage}</option>
          {remoteMessageTypes.map((type) => (
            <option key={type} value={type}>
              {m.events.rpc[type]}
            </option>
          ))}
        </select>
      ) : null}
      <button type="button" onClick={() => go('previous')} title={words.backHint}>
        {words.back}
      </button>
      <button type="button" onClick={() => go('next')} title={words.aheadHint}>
        {words.ahead}
      </button>
      <span role="status" className="muted">
        {result}
      </span>
    </div>
  );
}

/**
 * Manual delivery and frozen timers, a debugger's switches: with Manual delivery on, messages
 * wait in the network, a queue per link, until delivered by hand (Deliver next in the network's
 * own order, Deliver all, or one at a time, in any order, with Drop and Duplicate beside); with
 * Freeze timers on, no node times out or beats, so nothing happens but what is delivered. Each
 * is an action recorded in the run.
 */
import { useId } from 'react';
import type { Action, MessageView } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore, useShallow } from '../store/store-context.tsx';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

export interface DeliveryPanelProps {
  readonly onAct: (action: Action) => void;
  readonly outcome?: OutcomeLine | null;
}

/** The waiting messages by link, links in order of their first message (the network's order). */
function byLink(waiting: readonly MessageView[]): { readonly link: string; readonly messages: readonly MessageView[] }[] {
  const links = new Map<string, MessageView[]>();
  for (const message of waiting) {
    const link = `${message.from}→${message.to}`;
    links.set(link, [...(links.get(link) ?? []), message]);
  }
  return [...links].map(([link, messages]) => ({ link, messages }));
}

export function DeliveryPanel({ onAct, outcome = null }: DeliveryPanelProps) {
  const m = useMessages();
  const id = useId();
  const delivery = useAppStore((state) => state.view?.delivery ?? null);
  const tick = useAppStore((state) => state.view?.tick ?? 0);
  const waiting = useAppStore(useShallow((state) => (state.view?.inFlight ?? []).filter((message) => message.held === true)));
  if (delivery === null) return null;
  const words = m.actions.delivery;
  const ready = waiting.filter((message) => message.sentTick < tick);
  return (
    <section className="panel delivery-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{words.heading}</h2>
      <div className="checkbox-row">
        <label className="checkbox">
          <input type="checkbox" checked={delivery.manual} onChange={(event) => onAct({ type: 'set-manual-delivery', on: event.currentTarget.checked })} />
          {words.manual}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={delivery.timersFrozen} onChange={(event) => onAct({ type: 'freeze-timers', on: event.currentTarget.checked })} />
          {words.freeze}
        </label>
      </div>
      {delivery.manual ? (
        <>
          <div className="panel-toolbar">
            <button type="button" disabled={ready.length === 0} onClick={() => onAct({ type: 'deliver-next' })} title={words.nextHint}>
              {words.next}
            </button>
            <button type="button" disabled={ready.length === 0} onClick={() => onAct({ type: 'deliver-all' })} title={words.allHint}>
              {words.all}
            </button>
          </div>
          {waiting.length === 0 ? (
            <p className="muted">{words.none}</p>
          ) : (
            <ul className="delivery-queues" aria-label={words.queue}>
              {byLink(waiting).map(({ link, messages }) => (
                <li key={link}>
                  <span className="delivery-link">{link}</span>
                  <ul>
                    {messages.map((message) => {
                      const name = `${m.events.rpc[message.type]} ${message.from}→${message.to} (#${message.id})`;
                      const early = message.sentTick >= tick;
                      return (
                        <li key={message.id}>
                          <span>
                            {name}
                            {message.dropReason === null ? '' : words.lost}
                          </span>
                          <button type="button" aria-label={words.deliverOne(name)} disabled={early} onClick={() => onAct({ type: 'deliver-message', id: message.id })}>
                            {words.deliver}
                          </button>
                          <button type="button" aria-label={words.dropOne(name)} onClick={() => onAct({ type: 'drop-message', id: message.id })}>
                            {words.drop}
                          </button>
                          <button type="button" aria-label={words.duplicateOne(name)} disabled={message.dropReason !== null} onClick={() => onAct({ type: 'duplicate-message', id: message.id })}>
                            {words.duplicate}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <OutcomeStatus outcome={outcome} />
    </section>
  );
}

/**
 * What Next event will run, named before it runs ("Next, at tick 310: deliver RequestVote 2→4"),
 * from the worker's TimelineState.next. Shown while paused, when stepping one event at a time
 * needs it; empty while playing.
 */
import type { NextStep } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';

export function nextStepText(m: Messages, next: NextStep | null): string {
  const words = m.app.controls.next;
  if (next === null) return words.nothing;
  switch (next.kind) {
    case 'delivery': {
      const { type, from, to } = next.message;
      return words.at(next.tick, next.lost === null ? words.delivery(m.events.rpc[type], from, to) : words.lost(m.events.rpc[type], from, to));
    }
    case 'election-timeout':
      return words.at(next.tick, words.electionTimeout(next.node));
    case 'heartbeat':
      return words.at(next.tick, words.heartbeat(next.node));
    case 'client-put':
      return words.at(next.tick, words.clientPut);
    case 'action':
      return words.at(next.tick, words.action(next.action.type));
  }
}

export function NextStepLabel({ id, next }: { readonly id: string; readonly next: NextStep | null | undefined }) {
  const m = useMessages();
  return (
    <span id={id} className="next-step" aria-live="off">
      {next === undefined ? '' : nextStepText(m, next)}
    </span>
  );
}

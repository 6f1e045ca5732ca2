/**
 * The store's one path for acting on the cluster. Every action (buttons, forms, shortcuts) comes
 * through `act`, so two rules hold everywhere: acting before the end of the timeline starts a
 * branch, or, when every branch place is taken, asks first (it would discard the ticks after the
 * current one); and each answer is shown at the place the action was taken (outcome.ts), matched
 * to its act by id.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Action } from '../../core/index.ts';
import type { FromWorker, ToWorker } from '../../protocol/worker-protocol.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { ActionSource } from '../outcome.ts';
import { defaultSource, showOutcome } from '../outcome.ts';
import type { AppState } from './app-state.ts';

/** An act posted to the worker and not answered yet. */
interface AwaitedAct {
  readonly id: number;
  readonly action: Action;
  readonly source: ActionSource;
}

/** The acts awaiting their answers, oldest first (the worker answers in order). */
export interface AwaitedActs {
  readonly list: AwaitedAct[];
  lastId: number;
}

export function createAwaitedActs(): AwaitedActs {
  return { list: [], lastId: 0 };
}

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

export function actActions(post: (message: ToWorker) => void, awaited: AwaitedActs, set: SetState, get: GetState): Pick<AppState, 'act' | 'confirmAct' | 'cancelAct'> {
  const send = (action: Action, source: ActionSource, discardFuture = false): void => {
    const id = (awaited.lastId += 1);
    awaited.list.push({ id, action, source });
    // The previous outcome goes as soon as the next action is taken.
    set({ lastOutcome: null });
    post({ type: 'act', action, id, ...(discardFuture ? { discardFuture } : {}) });
  };
  const answer = (confirmed: boolean): void => {
    const pending = get().pendingAct;
    if (pending === null) return;
    set({ pendingAct: null });
    if (confirmed) send(pending.action, pending.source, true);
    if (pending.resume) post({ type: 'play' });
  };
  return {
    act: (action, options = {}) => {
      const source = options.source ?? defaultSource(action);
      const { tick, maxTick, playing } = get().timeline;
      const { branches, limit } = get().branches;
      const full = branches.length >= limit;
      if (tick >= maxTick || !full) {
        send(action, source);
        return;
      }
      // Pause while asking, so the ticks the question names are the ones that would go.
      const resume = playing || get().pendingAct?.resume === true;
      if (playing) post({ type: 'pause' });
      set({ pendingAct: { action, source, resume } });
    },
    confirmAct: () => answer(true),
    cancelAct: () => answer(false),
  };
}

/**
 * An action-result: the outcome, at the place its act came from, with what its sentence needs
 * from the state before the action (the frame after it comes next).
 */
export function settleAct(awaited: AwaitedActs, reply: Extract<FromWorker, { type: 'action-result' }>, set: SetState, get: GetState): void {
  // Acts before this one were answered with an 'error' instead (no run yet, an internal error).
  const index = awaited.list.findIndex((entry) => entry.id === reply.id);
  if (index === -1) return; // Not an act of this store: there is no place to show it.
  const { id, action, source } = awaited.list.splice(0, index + 1)[index]!;
  const view = get().view;
  const before = { networkBefore: view?.network ?? null, workloadBefore: view?.workload ?? null };
  set({ lastOutcome: showOutcome(messagesFor(get().locale), reply.result, { seq: id, source, action, ...before }) });
}

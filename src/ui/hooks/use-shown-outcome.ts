import { useEffect, useMemo, useState } from 'react';
import type { ActionSource, ShownOutcome } from '../outcome.ts';
import { outcomeShownMs, outcomeText } from '../outcome.ts';
import { useAppStore } from '../store/store-context.tsx';
import { useMessages } from './use-messages.ts';

/**
 * The outcome of the last action, if it was taken at `source`, for outcomeShownMs: a sentence
 * left on screen would go stale ("Node 3 crashed" long after it restarted). The next action
 * clears it at once (the store drops lastOutcome when an action is taken). Its `summary` is
 * worded in the language on screen now, so switching language re-words an outcome on screen.
 */
export function useShownOutcome(source: ActionSource): ShownOutcome | null {
  const m = useMessages();
  const outcome = useAppStore((state) => (state.lastOutcome?.source === source ? state.lastOutcome : null));
  const [expiredSeq, setExpiredSeq] = useState<number | null>(null);
  useEffect(() => {
    if (outcome === null) return undefined;
    const timer = setTimeout(() => setExpiredSeq(outcome.seq), outcomeShownMs);
    return () => clearTimeout(timer);
  }, [outcome]);
  const shown = outcome !== null && outcome.seq !== expiredSeq ? outcome : null;
  return useMemo(() => (shown === null ? null : { ...shown, summary: outcomeText(m, shown) }), [shown, m]);
}

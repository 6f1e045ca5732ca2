import { useEffect, useState } from 'react';
import type { ActionSource, ShownOutcome } from '../outcome.ts';
import { outcomeShownMs } from '../outcome.ts';
import { useAppStore } from '../store/store-context.tsx';

/**
 * The outcome of the last action, if it was taken at `source`, for outcomeShownMs: a sentence
 * left on screen would go stale ("Node 3 crashed" long after it restarted). The next action
 * clears it at once (the store drops lastOutcome when an action is taken).
 */
export function useShownOutcome(source: ActionSource): ShownOutcome | null {
  const outcome = useAppStore((state) => (state.lastOutcome?.source === source ? state.lastOutcome : null));
  const [expiredSeq, setExpiredSeq] = useState<number | null>(null);
  useEffect(() => {
    if (outcome === null) return undefined;
    const timer = setTimeout(() => setExpiredSeq(outcome.seq), outcomeShownMs);
    return () => clearTimeout(timer);
  }, [outcome]);
  return outcome !== null && outcome.seq !== expiredSeq ? outcome : null;
}

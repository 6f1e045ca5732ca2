import type { OutcomeTone } from '../outcome.ts';
import { toneMark } from '../outcome.ts';
import './panels.css';

/**
 * What an outcome line needs: a sentence, already in the language on screen (useShownOutcome
 * words it), whether the action was accepted, and how it went. The marks are the same in every
 * language.
 */
export interface OutcomeLine {
  readonly ok: boolean;
  readonly summary: string;
  /** success ✓, warning ⚠ (accepted, but nothing done), error ✗; by default from `ok`. */
  readonly tone?: OutcomeTone;
}

const toneClass = { success: 'is-ok', warning: 'is-warning', error: 'is-error' } as const satisfies Record<OutcomeTone, string>;

/**
 * The outcome of the last action taken here, announced politely to screen readers. The element
 * is always present (a live region must exist before its text changes to be announced), empty
 * while there is nothing to say.
 */
export function OutcomeStatus({ outcome }: { readonly outcome: OutcomeLine | null }) {
  const tone = outcome === null ? null : (outcome.tone ?? (outcome.ok ? 'success' : 'error'));
  return (
    <p role="status" aria-live="polite" className={tone === null ? 'outcome' : `outcome ${toneClass[tone]}`}>
      {outcome === null || tone === null ? '' : `${toneMark[tone]} ${outcome.summary}`}
    </p>
  );
}

/**
 * What a scenario adds to the screen: its caption at the tick on screen (ScenarioCaption, above
 * the cluster, large enough for the back of a classroom), its named marks and the Expectations
 * list (ScenarioPanel). A result shows once the tick on screen reaches the tick it was decided
 * at, so playing a scenario reveals them in order and stepping back hides them again; each item
 * with a tick seeks there. Only runs with annotations show either.
 */
import { useMemo } from 'react';
import type { Tick } from '../../core/index.ts';
import type { WatchedResult } from '../../scenario/index.ts';
import { parseExpectation } from '../../scenario/index.ts';
import type { Caption } from '../../scenario/annotations.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { conditionDetailText, scenarioErrorText } from '../scenario/text.ts';
import { useAppStore } from '../store/store-context.tsx';
import './panels.css';

/** The caption in force at `tick`: the latest at or before it. */
export function captionAt(captions: readonly Caption[], tick: Tick): Caption | null {
  let shown: Caption | null = null;
  for (const caption of captions) if (caption.tick <= tick && (shown === null || caption.tick >= shown.tick)) shown = caption;
  return shown;
}

export function ScenarioCaption() {
  const m = useMessages();
  const captions = useAppStore((state) => state.annotations.captions);
  const tick = useAppStore((state) => state.timeline.tick);
  // A lesson shows its own caption bar (LessonCaption), in the language on screen.
  const lessonOpen = useAppStore((state) => state.lesson !== null);
  const caption = captionAt(captions, tick);
  if (captions.length === 0 || lessonOpen) return null;
  return (
    // Polite: a new caption is read out when it appears, without cutting into what is being read.
    <p className={caption === null ? 'scenario-caption is-empty' : 'scenario-caption'} aria-live="polite" aria-label={m.scenario.caption}>
      {caption?.text ?? ''}
    </p>
  );
}

/** How an expectation's result reads at the tick on screen. */
type Shown = { readonly kind: 'passed' | 'failed'; readonly tick: Tick } | { readonly kind: 'pending' | 'holding' | 'invalid' };

/** Whether each expectation is an always/never one, which holds until it fails. */
function useLasting(expectations: readonly string[]): readonly boolean[] {
  return useMemo(
    () =>
      expectations.map((text) => {
        const parsed = parseExpectation(text);
        return parsed.ok && (parsed.expectation.timing.kind === 'always' || parsed.expectation.timing.kind === 'never');
      }),
    [expectations],
  );
}

export function shownResult(result: WatchedResult | undefined, lasting: boolean, tick: Tick): Shown {
  if (result === undefined) return { kind: lasting ? 'holding' : 'pending' };
  if (result.status === 'invalid') return { kind: 'invalid' };
  if ((result.status === 'passed' || result.status === 'failed') && result.tick !== null && result.tick <= tick) return { kind: result.status, tick: result.tick };
  return { kind: lasting ? 'holding' : 'pending' };
}

function statusText(m: Messages, shown: Shown): string {
  switch (shown.kind) {
    case 'passed':
      return m.scenario.status.passed(shown.tick);
    case 'failed':
      return m.scenario.status.failed(shown.tick);
    default:
      return m.scenario.status[shown.kind];
  }
}

export function ScenarioPanel() {
  const m = useMessages();
  const annotations = useAppStore((state) => state.annotations);
  const results = useAppStore((state) => state.expectationResults);
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const seek = useAppStore((state) => state.seek);
  const lasting = useLasting(annotations.expectations);
  const { marks, expectations } = annotations;
  if (marks.length === 0 && expectations.length === 0) return null;
  const shown = expectations.map((_, index) => shownResult(results[index], lasting[index] === true, tick));
  const passed = shown.filter((item) => item.kind === 'passed').length;
  const failed = shown.filter((item) => item.kind === 'failed').length;
  return (
    <section className="app-slot" aria-label={m.scenario.panel}>
      <div className="panel scenario-panel">
        <h2>{m.scenario.panel}</h2>
        {marks.length > 0 ? (
          <div className="scenario-marks">
            <h3>{m.scenario.marks}</h3>
            <ul>
              {marks.map((mark) => (
                <li key={`${mark.tick}-${mark.name}`}>
                  <button type="button" className="link-button" aria-label={m.scenario.markButton(mark.name, mark.tick)} disabled={mark.tick > maxTick} onClick={() => seek(mark.tick)}>
                    {mark.name} <span className="scenario-tick">@{mark.tick}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {expectations.length > 0 ? (
          <>
            <h3>{m.scenario.expectations}</h3>
            <p className="scenario-summary">{m.scenario.summary(passed, failed, expectations.length)}</p>
            <ul className="expectation-list" aria-label={m.scenario.expectations}>
              {expectations.map((text, index) => {
                const item = shown[index]!;
                const result = results[index];
                const decided = item.kind === 'passed' || item.kind === 'failed';
                const failure = item.kind === 'failed' && result?.state !== null && result?.state !== undefined ? conditionDetailText(m, result.state.condition, result.state.held) : null;
                const invalid = item.kind === 'invalid' && result !== undefined ? result.errors.map((error) => scenarioErrorText(m, error)).join('; ') : null;
                return (
                  <li key={index} className={`expectation is-${item.kind}`}>
                    <span className="expectation-status">{statusText(m, item)}</span>
                    {decided ? (
                      <button type="button" className="link-button expectation-text" aria-label={m.scenario.goTo(text, item.tick)} onClick={() => seek(item.tick)}>
                        <code>{text}</code>
                      </button>
                    ) : (
                      <code className="expectation-text">{text}</code>
                    )}
                    {failure !== null ? <span className="expectation-detail">{failure}</span> : null}
                    {invalid !== null ? <span className="expectation-detail">{invalid}</span> : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}

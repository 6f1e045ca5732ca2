import type { WorkerProblem } from '../../protocol/worker-protocol.ts';
import { assertNever } from '../format.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { notJsonText, runProblemText } from '../run-file-text.ts';
import { readProblemText } from '../scenario/source.ts';
import { scenarioErrorsSummary } from '../scenario/text.ts';
import { badLinkText } from '../share/permalink-text.ts';
import type { Notice, Refusal } from '../store/app-state.ts';
import { useAppStore, useShallow } from '../store/store-context.tsx';
import { addressBanner } from '../url-options.ts';
import { ControlBar } from './ControlBar.tsx';
import { StatusBar } from './StatusBar.tsx';

/**
 * Below the title: the status line, the playback controls and the worker's last error. An
 * embedded view may leave out the status line or the controls; the banner always shows.
 */
export function PlaybackArea({ status = true, controls = true }: { readonly status?: boolean; readonly controls?: boolean }) {
  const view = useAppStore((state) => state.view);
  const timeline = useAppStore((state) => state.timeline);
  const actions = useAppStore(
    useShallow((state) => ({
      togglePlay: state.togglePlay,
      step: state.step,
      stepBack: state.stepBack,
      nextEvent: state.nextEvent,
      seek: state.seek,
      setSpeed: state.setSpeed,
    })),
  );
  return (
    <div className="playback-area">
      {status && <StatusBar view={view} timeline={timeline} onSeek={actions.seek} />}
      {controls && (
        <ControlBar
          timeline={timeline}
          onTogglePlay={actions.togglePlay}
          onStep={() => actions.step(1)}
          onStepBack={() => actions.stepBack(1)}
          onNextEvent={actions.nextEvent}
          onSeek={actions.seek}
          onSpeed={actions.setSpeed}
        />
      )}
      <ErrorBanner />
    </div>
  );
}

/** The last problem reported, until dismissed, in the language on screen. */
function ErrorBanner() {
  const m = useMessages();
  const error = useAppStore((state) => state.error);
  const dismissError = useAppStore((state) => state.dismissError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{noticeText(m, error)}</span>
      <button type="button" onClick={dismissError}>
        {m.app.notice.dismiss}
      </button>
    </div>
  );
}

/** What the banner says for a notice (see Notice in app-state.ts). */
export function noticeText(m: Messages, notice: Notice): string {
  switch (notice.kind) {
    case 'address':
      return addressBanner(m, notice) ?? '';
    case 'file':
      return notJsonText(m, notice.problem);
    case 'file-too-large':
      return m.share.fileTooLarge(notice.fileName, notice.bytes, notice.max);
    case 'permalink':
      return notice.earlier === null ? badLinkText(m, notice.problem) : m.app.notice.sentences([noticeText(m, notice.earlier), badLinkText(m, notice.problem)]);
    case 'scenario-read':
      return m.scenario.readFailed(notice.source, readProblemText(m, notice.problem));
    case 'refused':
      return refusalText(m, notice.refusal);
    case 'defaults': {
      const fallback = m.app.notice.defaultsInstead(refusalText(m, notice.refusal));
      return notice.earlier === null ? fallback : m.app.notice.sentences([noticeText(m, notice.earlier), fallback]);
    }
    default:
      return assertNever(notice, 'notice');
  }
}

/** What the worker refused and why: its problem in words, or its English detail framed by what was refused. */
function refusalText(m: Messages, refusal: Refusal): string {
  const problem = refusal.problem;
  if (problem !== null && isAboutTheWorker(problem)) return workerProblemText(m, problem);
  if (problem?.code === 'scenario') return m.scenario.refused(refusal.from?.kind === 'scenario' ? refusal.from.name : m.scenario.pasted, scenarioErrorsSummary(m, problem.errors));
  const detail = problem === null ? refusal.message : runProblemText(m, problem);
  switch (refusal.refused) {
    case 'import':
      if (refusal.from?.kind === 'link') return m.share.linkRefused(detail);
      if (refusal.from?.kind === 'autosave') return m.share.restoreRefused(detail);
      return m.app.notice.importRefused(detail);
    case 'run':
      return m.app.notice.runRefused(detail);
    case 'command':
      return m.app.notice.commandRefused(detail);
    default:
      return assertNever(refusal.refused, 'refusal');
  }
}

type WorkerFailure = Extract<WorkerProblem, { code: 'internal' | 'worker-failed' | 'unreadable-reply' }>;

/** A failure of the simulation itself, whatever command it happened in. */
function isAboutTheWorker(problem: WorkerProblem): problem is WorkerFailure {
  return problem.code === 'internal' || problem.code === 'worker-failed' || problem.code === 'unreadable-reply';
}

function workerProblemText(m: Messages, problem: WorkerFailure): string {
  switch (problem.code) {
    case 'internal':
      return m.app.notice.internal(problem.detail);
    case 'worker-failed':
      return problem.detail === null ? m.app.notice.workerDidNotStart : m.app.notice.workerFailed(problem.detail);
    case 'unreadable-reply':
      return m.app.notice.unreadableReply;
    default:
      return assertNever(problem, 'worker problem');
  }
}

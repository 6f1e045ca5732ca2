/**
 * A permalink that could not be read, in words (src/protocol/permalink.ts finds the problem as
 * data, so the banner says it in the language on screen, whenever that changes).
 */
import type { PermalinkProblem } from '../../protocol/permalink.ts';
import { assertNever } from '../format.ts';
import type { Messages } from '../i18n/catalogue.ts';

/** Why the link cannot be opened: "it is cut short (63 of its 67 bytes); copy the whole link". */
export function permalinkProblemText(m: Messages, problem: PermalinkProblem): string {
  switch (problem.code) {
    case 'not-base64':
      return m.share.badLink.notBase64(problem.character, problem.position);
    case 'truncated':
      return m.share.badLink.truncated(problem.bytes, problem.expectedBytes);
    case 'edited':
      return m.share.badLink.edited;
    case 'newer-version':
      return m.share.badLink.newerVersion(problem.version, problem.newest);
    case 'not-a-run':
      return m.share.badLink.notARun;
    default:
      return assertNever(problem, 'permalink problem');
  }
}

/** The banner's sentence: what is wrong with the link, and that a new run started instead. */
export function badLinkText(m: Messages, problem: PermalinkProblem): string {
  return m.share.badLink.sentence(permalinkProblemText(m, problem));
}

/**
 * The share area's messages: permalinks (Copy link, a link that cannot be opened), the autosave's
 * restore notice, and the run-file problems the permalinks and version 2 files brought (English,
 * the source catalogue).
 */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

/** 'one of "a", "b"': values quoted as they are written in a file. */
const oneOf = (values: readonly string[]) => `one of ${values.map((value) => `"${value}"`).join(', ')}`;

export const share = {
  copyLink: 'Copy link',
  copied: (tick: number) => `✓ Link copied: it opens this run at tick ${tick}, paused`,
  /** When the clipboard refuses: the link is shown, selected, to copy by hand. */
  copyByHand: 'Copy this link by hand (Ctrl+C, or ⌘C on a Mac):',
  linkField: 'Link to this run',
  tooLong: (chars: number, max: number) =>
    `This run is too long for a link (${f.size(chars)}; a link holds up to ${f.size(max)}): export it as a file instead. The address now keeps only its options.`,
  exportInstead: 'Export as a file',
  dismissLinkNotice: 'Dismiss link notice',
  /** Opening a long run from the address or the autosave: the replay's progress. */
  openingLink: 'Opening the run in the link…',
  openingLinkPercent: (percent: number) => `Opening the run in the link: ${percent}%`,
  restoring: 'Restoring your run…',
  restoringPercent: (percent: number) => `Restoring your run: ${percent}%`,
  restored: (savedAt: number) => `Restored your run from ${f.dateTime(savedAt)}`,
  startFresh: 'Start fresh',
  dismissRestoreNotice: 'Dismiss restore notice',
  /** The worker refused a run that came from the link or the autosave; `detail` says why. */
  linkRefused: (detail: string) => `The run in the link could not be opened: ${detail}`,
  restoreRefused: (detail: string) => `Your saved run could not be restored: ${detail}`,
  /** A permalink that cannot be read (src/protocol/permalink.ts), then what the app did instead. */
  badLink: {
    sentence: (why: string) => `The run in the address could not be opened: ${why}. A new run started instead.`,
    notBase64: (character: string, position: number) => `it holds a character no Raftlab link has ("${character}" at position ${position}), so it was changed by hand or by a program`,
    truncated: (bytes: number, expected: number) => `it is cut short (${f.count(bytes)} of its ${f.count(expected)} bytes); copy the whole link`,
    edited: 'it was changed after it was made (its checksum does not match)',
    newerVersion: (version: number, newest: number) => `it was made by a newer Raftlab (link version ${version}; this app reads up to version ${newest})`,
    notARun: 'what it holds is not a Raftlab run',
  },
  fileTooLarge: (fileName: string, bytes: number, max: number) => `"${fileName}" is too large for a run file (${f.size(bytes)}; the limit is ${f.size(max)}): it was not read.`,
  /**
   * Run-file problems beyond the runs area's: versions, and a version 2 run's annotations, the
   * same sentences as the worker's English message (src/worker/run-file.ts, run-annotations.ts).
   */
  runProblem: {
    version: (oldest: number, newest: number, got: string) => `version must be an integer from ${oldest} to ${newest}, a version this app reads (got ${got})`,
    newerVersion: (newest: number, got: string) => `version must be at most ${newest}, the newest version this app reads (a newer Raftlab saved this run) (got ${got})`,
    annotations: (got: string) => `annotations must be an object { captions, marks, expectations, end, breakpoints } (got ${got})`,
    annotationList: (field: string, max: number, got: string) => `${field} must be an array of at most ${max} (got ${got})`,
    captionItem: (field: string, got: string) => `${field} must be an object { tick, text } (got ${got})`,
    markItem: (field: string, got: string) => `${field} must be an object { tick, name } (got ${got})`,
    annotationTick: (field: string, max: number, got: string) => `${field} must be an integer from 0 to ${max} (got ${got})`,
    annotationText: (field: string, max: number, got: string) => `${field} must be a string of 1 to ${max} characters (got ${got})`,
    breakpointItem: (field: string, got: string) => `${field} must be an object { breakpoint, enabled } (got ${got})`,
    /** A breakpoint's field, by the rule it breaks (src/core/breakpoints.ts breakpointAllowed): the lists are the allowed values. */
    breakpoint: {
      object: (field: string, got: string) => `${field} must be an object { kind, ... } (got ${got})`,
      kind: (field: string, kinds: readonly string[], got: string) => `${field} must be ${oneOf(kinds)} (got ${got})`,
      on: (field: string, got: string) => `${field} must be "sent" or "delivered" (got ${got})`,
      messageType: (field: string, types: readonly string[], got: string) => `${field} must be null or ${oneOf(types)} (got ${got})`,
      node: (field: string, max: number, got: string) => `${field} must be null or a node id from 1 to ${max} (got ${got})`,
      reason: (field: string, reasons: readonly string[], got: string) => `${field} must be null or ${oneOf(reasons)} (got ${got})`,
      tick: (field: string, got: string) => `${field} must be an integer of at least 1 (got ${got})`,
      enabled: (field: string, got: string) => `${field} must be true or false (got ${got})`,
    },
    breakpointDuplicate: (field: string, first: string, got: string) => `${field} must be a breakpoint not listed before (the same as ${first}) (got ${got})`,
    /** A saved branch's field, by the rule it breaks (src/worker/run-branches.ts). */
    branch: {
      branches: (got: string) => `branches must be an object { active, list } (got ${got})`,
      list: (field: string, max: number, got: string) => `${field} must be an array of 1 to ${max} branches (got ${got})`,
      item: (field: string, got: string) => `${field} must be an object { id, name, parent, forkTick, end, actions } (got ${got})`,
      id: (field: string, got: string) => `${field} must be a whole number of at least 1, used by no other branch (got ${got})`,
      name: (field: string, max: number, got: string) => `${field} must be null or a string of 1 to ${max} characters (got ${got})`,
      parent: (field: string, got: string) => `${field} must be null or the id of an earlier branch in the list (got ${got})`,
      tick: (field: string, max: number, got: string) => `${field} must be an integer from 0 to ${max} (got ${got})`,
      actions: (field: string, max: number, got: string) => `${field} must be an array of at most ${max} { tick, action }, in tick order (got ${got})`,
      active: (field: string, got: string) => `${field} must be the id of a branch in the list (got ${got})`,
    },
  },
};

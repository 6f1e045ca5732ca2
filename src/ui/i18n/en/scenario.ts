/**
 * The scenario area's messages: the Open scenario dialog, the scenario panel (caption, marks,
 * the Expectations list) and scenario errors, which read exactly like the headless API's English
 * (src/scenario/errors.ts, describe-result.ts) so a message in the app and in the CLI agree: the
 * words for kinds of things, node lists and reasons are taken from there, not copied (English,
 * the source catalogue). Scenario text itself (expectations as written, found words)
 * is quoted as it is: it is code, not prose.
 */
import type { ExpectedClass, NoNodeReason } from '../../../scenario/errors.ts';
import { alternatives, classWords, noNodeWords, wordFound } from '../../../scenario/errors.ts';
import { nodeList, unresolvedNote } from '../../../scenario/describe-result.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const scenario = {
  openScenario: 'Open scenario',
  exportScenario: 'Export scenario',
  exportScenarioHint: 'Save the run as scenario text: readable, editable, and it opens again with Open scenario',
  /** The dialog. */
  dialogTitle: 'Open a scenario',
  dialogIntro: 'A scenario is a run written as text: options, timed actions, captions and expectations (see docs/scenarios.md). Pick a preset, choose a file, or paste the text.',
  presetChoice: 'Preset',
  presetNone: 'Choose a preset…',
  file: 'Scenario file',
  text: 'Scenario text',
  address: 'Scenario address',
  addressPlaceholder: 'https://…/lesson.scn',
  addressHint: 'The address of a .scn file (the same site, or one that allows it)',
  load: 'Load',
  open: 'Open',
  cancel: 'Cancel',
  empty: 'Write or paste a scenario first.',
  opening: (name: string) => `Opening the scenario "${name}"…`,
  openingPercent: (name: string, percent: number) => `Opening the scenario "${name}": ${percent}%`,
  opened: (name: string, expectations: number) =>
    `✓ Opened "${name}"${expectations === 0 ? '' : `, ${expectations} ${f.plural(expectations, { one: 'expectation', other: 'expectations' })}`}: press Play`,
  pasted: 'pasted text',
  /** A file or address that could not be read. */
  readFailed: (name: string, why: string) => `"${name}" could not be read: ${why}`,
  fetchStatus: (status: number) => `the server answered ${status}`,
  webPage: 'a web page came back, not a scenario file (check the address)',
  protocol: (protocol: string) => `only http and https addresses are read, not ${protocol}`,
  fetchFailed: (detail: string) => `the browser could not fetch it (${detail})`,
  tooLarge: (bytes: number, max: number) => `it is ${f.size(bytes)}; a scenario may be at most ${f.size(max)}`,
  /** The worker could not open it: the banner (outside the dialog), then the dialog's list. */
  refused: (name: string, detail: string) => `The scenario "${name}" could not be opened: ${detail}`,
  errorCount: (count: number) => `${count} ${f.plural(count, { one: 'problem', other: 'problems' })}; the run on screen is unchanged:`,
  errorsList: 'Problems in the scenario',
  andMore: (detail: string, more: number) => `${detail} (and ${more} more)`,
  /** A scenario error with its place (the same sentences as src/scenario/errors.ts). */
  errorAt: (line: number, column: number, problem: string) => (line === 0 ? problem : `line ${line}, column ${column}: ${problem}`),
  problem: {
    expected: (what: ExpectedClass) => classWords[what],
    literal: (text: string) => `'${text}'`,
    alternatives,
    unexpectedCharacter: (text: string | null) => `unexpected character ${wordFound(text)}: words are letters, digits, '_', '-' and '.'; put other text in quotes`,
    syntax: (expected: string, text: string | null) => `expected ${expected}, found ${wordFound(text)}`,
    didYouMean: (suggestion: string) => ` — did you mean '${suggestion}'?`,
    unclosedQuote: 'unclosed quote: the text that starts here has no closing " on this line',
    unclosed: (sign: string, expected: string) => `unclosed '${sign}': expected ${expected} before the end of the line`,
    unknownAction: (text: string | null, expected: string | null) => `unknown action ${wordFound(text)}${expected === null ? '' : `: expected ${expected}`}`,
    unknownOption: (text: string | null, expected: string | null) => `unknown option ${wordFound(text)}${expected === null ? '' : `: expected ${expected}`}`,
    badNode: (text: string, max: number) => `node ${text} does not exist: the cluster has ${max} ${f.plural(max, { one: 'node', other: 'nodes' })} (1 to ${max})`,
    outOfRange: (text: string, expected: string, min: string, max: string) => `${text} is out of range: expected ${expected} from ${min} to ${max}`,
    tickBackwards: (tick: number, previousTick: number, previousLine: number) =>
      `tick ${tick} comes before tick ${previousTick} of the timed line before it (line ${previousLine}): timed lines go in tick order`,
    duplicate: (text: string | null, previousLine: number) => `${wordFound(text)} is already given on line ${previousLine}`,
    tooLong: (size: number, limit: number) => `the scenario is ${size} characters long: at most ${limit} are allowed`,
    tooMany: (what: 'actions' | 'expectations' | 'breakpoints', limit: number) => `too many ${what}: a scenario may hold at most ${limit}`,
    noNode: (tick: number, text: string | null, reason: NoNodeReason) => `at tick ${tick}, ${wordFound(text)} names no node: ${noNodeWords[reason]}`,
    refused: (tick: number, text: string | null, field: string, allowed: string, received: string) =>
      `at tick ${tick}, the simulation refused ${wordFound(text)}: ${field} must be ${allowed} (got ${received})`,
  },
  /** The scenario panel. */
  panel: 'Scenario',
  caption: 'Caption',
  marks: 'Marks',
  markButton: (name: string, tick: number) => `Mark ${name}, tick ${tick}`,
  expectations: 'Expectations',
  summary: (passed: number, failed: number, total: number) => `${passed} of ${total} passed${failed === 0 ? '' : `, ${failed} failed`}`,
  status: {
    passed: (tick: number) => `✓ passed at tick ${tick}`,
    failed: (tick: number) => `✗ failed at tick ${tick}`,
    pending: 'pending',
    holding: 'holds so far',
    invalid: '✗ invalid',
    /** Decided later in the run than the tick on screen: not shown yet, so playing reveals it. */
    ahead: 'not reached yet',
  },
  goTo: (expectation: string, tick: number) => `${expectation}: go to tick ${tick}`,
  /** What a failed condition found (the same sentences as src/scenario/describe-result.ts). */
  detail: {
    leaderIs: (leader: number | null) => `the leader was node ${leader ?? '?'}`,
    noLeader: 'there was no leader',
    leaderNotIn: (leader: number, nodes: readonly number[]) =>
      `the leader was node ${leader}, ${nodes.length === 0 ? 'none of the nodes named could be found' : `not ${nodes.length === 1 ? `node ${nodes[0]!}` : `one of ${nodes.join(', ')}`}`}`,
    nodeWasLeader: (node: number) => `node ${node} was leader`,
    neverCommitted: 'it was never committed',
    committedAt: (indexes: readonly number[]) => `it was committed at index ${indexes.join(', ')}`,
    appliedOn: (ids: readonly number[]) => ` and applied on ${nodeList(ids)}`,
    butMissing: (parts: readonly string[]) => `, but ${parts.join(', ')}`,
    appliedUpTo: (node: number, index: number) => `node ${node} had applied up to index ${index}`,
    wasCrashed: (node: number) => `node ${node} was crashed`,
    wasRemoved: (node: number) => `node ${node} was removed`,
    /** `voters` is common.groups of one group. */
    voters: (voters: string) => `the voters were ${voters}`,
    unnamed: 'the node could not be named',
    term: (node: number, term: number | null) => `node ${node} was in term ${term ?? '?'}`,
    role: (node: number, role: string | null) => `node ${node} was a ${role ?? '?'}`,
    log: (node: number, terms: readonly number[], snapshotIndex: number) => `node ${node}'s log held terms [${terms.join(',')}]${snapshotIndex > 0 ? `, after a snapshot of entries 1 to ${snapshotIndex}` : ''}`,
    noViolation: 'the safety checker reported nothing',
    violation: (property: string, tick: number, nodes: readonly number[], detail: string) => `the safety checker reported ${property} at tick ${tick} (${nodeList(nodes)}): ${detail}`,
    noViolationOf: (property: string | null) => (property === null ? 'the safety checker reported nothing' : `the safety checker reported no violation of ${property}`),
    stall: (kind: string, tick: number, detail: string) => `the liveness watch reported ${kind} at tick ${tick}: ${detail}`,
    noStallOf: (kind: string | null) => (kind === null ? 'the liveness watch reported nothing' : `the liveness watch reported no ${kind}`),
    oneLeaderPerTerm: 'no term had two leaders',
    twoLeaders: (leaders: readonly number[], term: number) => `${nodeList(leaders)} both became leader of term ${term}`,
    unresolved: unresolvedNote,
  },
};

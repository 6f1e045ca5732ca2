/**
 * The shape of the app's one zustand store: the latest frame from the worker, what the user has
 * selected, and the actions the UI can take. Actions post commands to the worker (through the
 * protocol) or change UI-only state; components never compute Raft.
 */
import type { Action, BreakpointKind, ClusterView, Divergence, NodeId, SimEvent, SimulationOptions, Tick, Topic } from '../../core/index.ts';
import type { PermalinkProblem } from '../../protocol/permalink.ts';
import type { BranchListing, BreakpointMark, CompareChange, ComparedNode, DiagramWindow, RunTape, JumpRequest, Run, TimelineState, WorkerProblem } from '../../protocol/worker-protocol.ts';
import type { Annotations, BreakpointSetting } from '../../scenario/annotations.ts';
import type { ScenarioError, WatchedResult } from '../../scenario/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { LessonScript } from '../../scenario/index.ts';
import type { RpcFamily } from '../viz/rpc-family.ts';
import type { ReadProblem } from '../scenario/source.ts';
import type { ActionSource, ShownOutcome } from '../outcome.ts';
import type { NotJson } from '../run-file-text.ts';
import type { AddressProblem, AddressWarning } from '../url-options.ts';

export type Theme = 'light' | 'dark';

/** How the screen looks and speaks, chosen by the user (and remembered) or by the system. */
export interface Display {
  readonly theme: Theme;
  readonly largeType: boolean;
  readonly locale: Locale;
}

/**
 * Where a run being opened comes from when it is not a file the user picked: the permalink in the
 * page's address, or this browser's autosave (saved at `savedAt`, ms since the epoch).
 */
export type OpenedFrom =
  | { readonly kind: 'link' }
  | { readonly kind: 'autosave'; readonly savedAt: number }
  /**
   * Scenario text (a file, a paste, a preset, an address), by the name the user knows it by.
   * `inDialog`: opened from the Open scenario dialog, which shows its errors itself.
   */
  | { readonly kind: 'scenario'; readonly name: string; readonly inDialog: boolean };

/** Scenario text the worker could not open: every error, for the Open scenario dialog. */
export interface ScenarioProblem {
  readonly name: string;
  readonly stage: 'parse' | 'compile';
  readonly errors: readonly ScenarioError[];
}

/**
 * An import: replaying (with progress), or just done (the success notice). `fileName` is null when
 * the app was not told it. `from` is absent for a file, else says where the run came from.
 */
export type ImportStatus =
  | { readonly phase: 'replaying'; readonly fileName: string | null; readonly done: number; readonly total: number; readonly from?: OpenedFrom }
  | { readonly phase: 'done'; readonly fileName: string | null; readonly actions: number; readonly tick: Tick; readonly from?: OpenedFrom };

/** Something the worker refused, as it said it (see FromWorker 'error'). */
export interface Refusal {
  /** What was refused: a file being imported, a new run's options, or another command. */
  readonly refused: 'import' | 'run' | 'command';
  /** The worker's English message: the core's detail, quoted as it is when there is no `problem`. */
  readonly message: string;
  readonly field: string | null;
  /** What went wrong as data, when the worker could say it so. */
  readonly problem: WorkerProblem | null;
  /** For a refused import that was not a file: the link or the autosave it came from. */
  readonly from?: OpenedFrom;
}

/**
 * What the banner under the playback controls says until dismissed. It is data, worded only when
 * shown (PlaybackArea's noticeText), so it is always in the language on screen.
 */
export type Notice =
  /** Parameters of the page address that were ignored, or applied with a warning. */
  | { readonly kind: 'address'; readonly problems: readonly AddressProblem[]; readonly warnings: readonly AddressWarning[] }
  /** A file picked for import that is not JSON at all. */
  | { readonly kind: 'file'; readonly problem: NotJson }
  /** A file picked for import that is larger than any run file, refused before it is read. */
  | { readonly kind: 'file-too-large'; readonly fileName: string; readonly bytes: number; readonly max: number }
  /** The permalink in the address could not be read; `earlier` is what the banner said before. */
  | { readonly kind: 'permalink'; readonly problem: PermalinkProblem; readonly earlier: Notice | null }
  /** The address's `scenario` could not be read (not a preset, and fetching it failed). */
  | { readonly kind: 'scenario-read'; readonly source: string; readonly problem: ReadProblem }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** The first run's options were refused, so the defaults run instead; `earlier` is what the banner said before. */
  | { readonly kind: 'defaults'; readonly refusal: Refusal; readonly earlier: Notice | null };

/** An action taken in the past while every branch place is taken, waiting for the user to accept that it discards the future. */
export interface PendingAct {
  readonly action: Action;
  readonly source: ActionSource;
  /** Playback was paused to ask; it resumes once the user has answered. */
  readonly resume: boolean;
}

export interface ActOptions {
  /** The place the action was taken, which shows its outcome (by default the one place offering it). */
  readonly source?: ActionSource;
}

export interface EventFilter {
  /** Topics shown; all when empty. */
  readonly topics: readonly Topic[];
  /** Only events of this node, or all nodes. */
  readonly node: NodeId | null;
  /** Only messages of these RPCs, in the event log and the space-time diagram; all when empty or absent. */
  readonly rpcs?: readonly RpcFamily[];
}

/** Where the run last paused at a breakpoint, as the worker said it ('breakpoint-hit'). */
export interface BreakpointStop {
  readonly tick: Tick;
  /** The breakpoint's place in annotations.breakpoints when it fired. */
  readonly index: number;
  /** The event that made it hold; null for a tick or violation breakpoint. */
  readonly event: SimEvent | null;
  /** The kind of breakpoint that fired, as the list stood then. */
  readonly kind: BreakpointKind | null;
}

/** The lesson on screen and presenter mode (lesson-actions.ts). */
export interface LessonFields {
  readonly lesson: LessonScript | null;
  readonly lessonId: string | null;
  readonly lessonGuesses: Readonly<Record<number, string>>;
  /** The step Next is playing to, or null. */
  readonly lessonTarget: number | null;
  readonly presenter: boolean;
  readonly blanked: boolean;
  /** A lesson the address asked for that does not exist (the list opens, saying so), or null. */
  readonly missingLesson: string | null;
}

export interface AppState extends LessonFields {
  /** The latest view of the cluster (null until the worker's first frame). */
  readonly view: ClusterView | null;
  readonly timeline: TimelineState;
  /** Recent events, oldest first, bounded by eventBufferMax. */
  readonly events: readonly SimEvent[];
  /** The options the current run was started with. */
  readonly runOptions: SimulationOptions;
  /** The current run's captions, marks and expectations (none for an ordinary run). */
  readonly annotations: Annotations;
  /** Every tick where a breakpoint fired in this run, with the breakpoint's place (the timeline marks them). */
  readonly breakpointHits: readonly BreakpointMark[];
  /** The last breakpoint the run paused at (null until one fires, and for a new run). */
  readonly breakpointStop: BreakpointStop | null;
  /** Where each of the run's expectations stands, as the worker decided them on the run so far. */
  readonly expectationResults: readonly WatchedResult[];
  /** The scenario the Open scenario dialog last failed to open, until the next attempt. */
  readonly scenarioProblem: ScenarioProblem | null;
  /** The last comparison (Compare): the change, and the first divergence or null when the runs agree; `pending` while it runs. */
  readonly comparison: { readonly change: CompareChange; readonly pending: boolean; readonly until: Tick; readonly divergence: Divergence | null } | null;
  /** Both runs of the last comparison side by side at a tick, node by node (Compare, "Side by side at tick N"). */
  readonly comparedStates: { readonly change: CompareChange; readonly tick: Tick; readonly nodes: readonly ComparedNode[] } | null;
  /** The last window of the run the space-time diagram asked for; null until it asks. */
  readonly diagram: DiagramWindow | null;
  /** The run's term tape (the history at a glance, for the timeline), as far as the worker has built it; null until it first says. */
  readonly tape: RunTape | null;
  /** The run's branches (one, unnamed, until the worker says otherwise); acting in the past starts one. */
  readonly branches: BranchListing;
  /** Where the last jump (Jump back, Jump ahead) landed, or tick null when it found nothing. */
  readonly lastJump: { readonly request: JumpRequest; readonly tick: Tick | null } | null;
  /**
   * Counts changes to what the run is, not to where it is: a new or imported run, an action
   * taken, new annotations. Moving in time leaves it alone. Whoever keeps a copy of the run (the
   * address, the autosave) exports it again when this changes.
   */
  readonly runRevision: number;

  readonly selectedNode: NodeId | null;
  readonly selectedMessage: number | null;
  readonly eventFilter: EventFilter;
  readonly theme: Theme;
  /** Larger type everywhere, for a projector (the "Large type" switch, ?large=1). */
  readonly largeType: boolean;
  /** The language of every word on screen (the "Language / 语言" switch, ?lang=zh-CN). */
  readonly locale: Locale;
  /** The cluster view's legend is open. */
  readonly legendOpen: boolean;
  readonly helpOpen: boolean;
  /** The first index shown in the log view; the worker sends entries from there. */
  readonly logFrom: number;
  /**
   * The outcome of the last action, e.g. "Node 2 refused: not leader, try node 3", with where the
   * action was taken; null from the moment the next action is taken until its answer.
   */
  readonly lastOutcome: ShownOutcome | null;
  /** An action taken in the past, asking first (see act). */
  readonly pendingAct: PendingAct | null;
  /** The last problem reported (by the worker, a file or the address), shown until dismissed. */
  readonly error: Notice | null;
  /** The import under way or just finished; null otherwise. */
  readonly importStatus: ImportStatus | null;

  // Playback
  readonly play: () => void;
  /** Plays and pauses when the run reaches `tick` (a lesson's next step); faster than chosen if it would take longer than `withinMs`. */
  readonly playUntil: (tick: Tick, withinMs?: number) => void;
  /**
   * Opens a lesson (a scenario with lesson lines): `id` for a shipped one, null for one opened as
   * text; `at` names one of its marks to go to (the Learn page's "Show me"), else its start;
   * `name` is what the opened-run notice calls it (its title).
   */
  readonly openLesson: (lesson: { readonly id: string | null; readonly text: string; readonly at?: string | null; readonly name?: string | null }) => void;
  /** The lesson's next step: plays on to it (or, while already playing to it, skips there). */
  readonly lessonNext: () => void;
  /** The lesson's step before the one on screen (seeks back). */
  readonly lessonPrevious: () => void;
  /** The class's guess at the question of step `step`. */
  readonly guess: (step: number, choice: string) => void;
  /** Leaves the lesson; the run stays, live. */
  readonly closeLesson: () => void;
  readonly setPresenter: (on: boolean) => void;
  /** Presenter mode's blank screen (B or '.'). */
  readonly setBlanked: (on: boolean) => void;
  readonly setMissingLesson: (id: string | null) => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly step: (ticks?: number) => void;
  readonly stepBack: (ticks?: number) => void;
  readonly nextEvent: () => void;
  readonly seek: (tick: Tick) => void;
  readonly setSpeed: (ticksPerSecond: number) => void;
  // The cluster
  /**
   * Acts on the cluster at the current tick. Before the end of the timeline the worker keeps the
   * future as a branch; only when every branch place is taken does acting there discard the
   * ticks after it, so then it asks first: `pendingAct` holds the action (and playback pauses)
   * until confirmAct or cancelAct.
   */
  readonly act: (action: Action, options?: ActOptions) => void;
  readonly confirmAct: () => void;
  readonly cancelAct: () => void;
  /** Starts a new run with these options (the caller confirms discarding the current one). */
  readonly reset: (options: SimulationOptions) => void;
  /** The current run as data, for saving to a file. */
  readonly exportRun: () => Promise<Run>;
  /**
   * Replaces the current run with one loaded from a file (parsed JSON, checked by the worker) once
   * the caller has confirmed it. `importStatus` follows the replay. If the file is not a valid run,
   * `error` says what is wrong and the current run stays.
   */
  readonly importRun: (run: unknown, fileName?: string | null) => void;
  /** Opens a run from the address's permalink or the autosave, replayed like an import (no question first). */
  readonly openRun: (run: unknown, from: OpenedFrom) => void;
  /** Starts a new run with the options the app opened with (the address's, else the defaults). */
  readonly startFresh: () => void;
  /**
   * Replaces the run with the one scenario text describes (checked by the worker, replayed like
   * an import, shown from tick 0). Text that cannot be opened leaves the run as it was and sets
   * `scenarioProblem` (from the dialog) or `error` (otherwise).
   */
  readonly openScenario: (text: string, from: { readonly name: string; readonly inDialog: boolean }) => void;
  readonly clearScenarioProblem: () => void;
  /** Compares the run with the same run with one setting changed (the worker's compare). */
  readonly compare: (change: CompareChange) => void;
  /** Both runs side by side at the tick on screen (the run on screen and the one with `change`). */
  readonly compareStates: (change: CompareChange) => void;
  /** Goes to the next or previous tick where something of a kind happened (the worker's jump). */
  readonly jump: (request: JumpRequest) => void;
  /** Stops the import under way; the current run stays as it was. */
  readonly cancelImport: () => void;
  /**
   * Replaces the run's breakpoints (off ones included: they stay in the run). The annotations
   * change at once on screen; the worker's 'annotations' reply then counts as a change of the run.
   */
  readonly setBreakpoints: (breakpoints: readonly BreakpointSetting[]) => void;
  /** Asks the worker for ticks [from, to] of the run, for the space-time diagram (answered into `diagram`). */
  readonly requestDiagram: (from: Tick, to: Tick) => void;
  /** Shows another branch at `tick`, by default the tick on screen (kept within its ticks). */
  readonly switchBranch: (id: number, tick?: Tick) => void;
  /** Names a branch; null or blank gives back its default name. */
  readonly renameBranch: (id: number, name: string | null) => void;
  /** Deletes a branch; deleting the one on screen shows the branch it left. */
  readonly deleteBranch: (id: number) => void;
  readonly dismissImportNotice: () => void;
  /** Shows a problem found on this side of the worker (e.g. a file that is not JSON, the address's parameters). */
  readonly reportError: (notice: Notice) => void;
  // UI state
  readonly selectNode: (id: NodeId | null) => void;
  readonly selectMessage: (id: number | null) => void;
  readonly setEventFilter: (filter: EventFilter) => void;
  readonly setTheme: (theme: Theme) => void;
  readonly setLargeType: (on: boolean) => void;
  readonly setLocale: (locale: Locale) => void;
  readonly setLegendOpen: (open: boolean) => void;
  readonly setHelpOpen: (open: boolean) => void;
  readonly setLogFrom: (index: number) => void;
  readonly dismissError: () => void;
}

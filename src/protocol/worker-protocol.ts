/**
 * The one typed protocol between the app and the simulation worker: commands in (ToWorker),
 * frames and replies out (FromWorker), and the limits both sides apply (speeds, window sizes).
 *
 * src/protocol holds everything the two sides share, types and values: this file, the wire
 * view's encoder and decoder (wire-view.ts) with their codes (wire-codes.ts), and the core's
 * naming functions, re-exported for both sides (vocabulary.ts). Beyond src/protocol the UI
 * imports only the core's plain data types (lint enforces it), never the worker or core values.
 *
 * Pacing: the app drives time. While playing it sends one `frame` per animation frame (and only
 * after the previous frame's reply arrived), so the worker posts at most one view per frame and
 * stops by itself when the tab is hidden and animation frames stop.
 */
import type { Action, Branch, ConfChangeRefusal, Divergence, LogIndex, NextEvent, NodeId, ReadView, RemoteMessageType, Role, SimEvent, SimulationOptions, Tick, TimedAction } from '../core/index.ts';
import { branchLimitDefault } from '../core/index.ts';
import type { Annotations, BreakpointSetting } from '../scenario/annotations.ts';
import type { ScenarioError } from '../scenario/errors.ts';
import type { LessonScript } from '../scenario/lesson-script.ts';
import type { WatchedResult } from '../scenario/expectation-watch.ts';
import type { WireView } from './wire-view.ts';

/**
 * A run as data: options, the user's actions with their ticks, the tick being viewed, and what a
 * scenario adds (captions, marks, expectations; empty for an ordinary run). Replays exactly.
 * Files, permalinks and autosaves all carry this shape (docs/runs.md); version 1 files (no
 * annotations) are still read, as a run with none.
 */
export interface Run {
  readonly format: 'raftlab-run';
  readonly version: 2;
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
  /** The tick the run was at when saved. */
  readonly tick: Tick;
  readonly annotations: Annotations;
  /**
   * The run's other branches (src/core/branch-tree.ts), when it has more than one: the run
   * itself is branch `active`, whose entry carries no actions (they are the run's own).
   */
  readonly branches?: RunBranches;
}

/** A run's history tree as saved: every branch, the run's own (`active`) without its actions. */
export interface RunBranches {
  readonly active: number;
  readonly list: readonly RunBranch[];
}

export type RunBranch = Omit<Branch, 'actions'> & { readonly actions?: readonly TimedAction[] };

/** A branch as the app lists it: everything but its action log. */
export interface BranchSummary {
  readonly id: number;
  readonly name: string | null;
  readonly parent: number | null;
  readonly forkTick: Tick;
  readonly end: Tick;
  readonly actionCount: number;
}

/** What the screen currently needs beyond the basics, so views stay small. */
export interface ViewRequest {
  /** Log entries with index in [from, from + count) are sent; the log view scrolls this window. */
  readonly logWindow: { readonly from: number; readonly count: number } | null;
  /** The node whose key-value state is sent in full (the inspector's node). */
  readonly inspectedNode: NodeId | null;
  /** The message in flight whose payload is sent in full (the one the details panel shows). */
  readonly selectedMessage: number | null;
}

export type ToWorker =
  /** Starts a new run (discarding the current one). */
  | { readonly type: 'init'; readonly options: SimulationOptions }
  /** Advances playback: `elapsedMs` of wall time passed since the previous frame. */
  | { readonly type: 'frame'; readonly elapsedMs: number }
  /**
   * Plays on; with `until`, pauses when the run reaches that tick (a lesson's next step), and with
   * `withinMs` as well, plays faster than the chosen speed when that is what it takes to get there
   * in about that long (a long wait between two steps does not keep a class waiting).
   */
  | { readonly type: 'play'; readonly until?: Tick; readonly withinMs?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'set-speed'; readonly ticksPerSecond: number }
  | { readonly type: 'step'; readonly ticks: number }
  | { readonly type: 'step-back'; readonly ticks: number }
  /** Runs until the next event of the kinds a user steps through (a delivery, a timer, a state change). */
  | { readonly type: 'next-event' }
  | { readonly type: 'seek'; readonly tick: Tick }
  /**
   * Acts on the cluster at the current tick. In the past, the branch on screen keeps its future
   * and the action starts a new branch from this tick ('branches' follows); when every place is
   * taken (BranchListing.limit) only `discardFuture` lets it act, dropping the future instead.
   * `id`, if given, comes back on the action-result, so the app knows which act it answers.
   */
  | { readonly type: 'act'; readonly action: Action; readonly id?: number; readonly discardFuture?: boolean }
  /** Shows branch `id` at `tick` (by default the tick on screen, kept within the branch): 'branches', then a frame. */
  | { readonly type: 'switch-branch'; readonly id: number; readonly tick?: Tick }
  /** Names a branch; null or blank gives it back its default name. Answered by 'branches'. */
  | { readonly type: 'rename-branch'; readonly id: number; readonly name: string | null }
  /** Deletes a branch; deleting the one on screen first shows the branch it left (then a frame follows). Answered by 'branches'. */
  | { readonly type: 'delete-branch'; readonly id: number }
  | { readonly type: 'set-view'; readonly request: ViewRequest }
  | { readonly type: 'export-run' }
  /** Replaces the run with a saved one, replayed in chunks (see FromWorker 'import-progress'). */
  | { readonly type: 'import-run'; readonly run: unknown }
  /** Stops an import under way; the current run stays as it was. */
  | { readonly type: 'cancel-import' }
  /**
   * Replaces the run with the one a scenario's text describes (src/scenario): parsed and compiled
   * here, then replayed to the scenario's end like an import, and shown from tick 0, paused. Text
   * that does not parse or compile gets one 'error' with problem 'scenario', and the run stays.
   */
  | { readonly type: 'open-scenario'; readonly text: string }
  /**
   * Plays the run again with one setting changed and answers 'compare-result' with the first
   * place the two runs' events differ (src/core/compare.ts). The run on screen is unchanged.
   */
  | { readonly type: 'compare'; readonly change: CompareChange }
  /**
   * Both runs side by side at the tick on screen: the run with `change` is played to that tick and
   * each node of both is summed up; answered by 'compare-states'. 'compare' sends one too.
   */
  | { readonly type: 'compare-states'; readonly change: CompareChange }
  /**
   * A window of the run for the space-time diagram: the messages and state changes of ticks
   * [from, to] (at most diagramTicksMax of them), answered by 'diagram'. The run on screen does
   * not move.
   */
  | { readonly type: 'diagram'; readonly from: Tick; readonly to: Tick }
  /** Moves to the next or previous tick where something of a kind happened (src/worker/jumps.ts); answered by 'jump-result' and a frame. */
  | { readonly type: 'jump'; readonly request: JumpRequest }
  /**
   * Replaces the run's breakpoints (src/core/breakpoints.ts), each with whether it is on: the
   * whole list, off ones included, since they are part of the run's annotations and travel with
   * it (files, permalinks, autosave). Playing, step and next-event stop at the enabled ones. The
   * worker answers with 'annotations' (the run changed) and, when hits were renumbered or
   * dropped with a removed breakpoint, 'breakpoint-hits'; a bad list gets one 'error'.
   */
  | { readonly type: 'set-breakpoints'; readonly breakpoints: readonly BreakpointSetting[] };

/** The one setting a comparison changes: fast backup on or off, the election timeout doubled, or another seed. */
export const compareChanges = ['fast-backup', 'election-timeout', 'seed', 'pre-vote', 'check-quorum', 'batching', 'pipelining'] as const;
export type CompareChange = (typeof compareChanges)[number];

/** One node in both runs of a comparison, at the same tick. */
export interface ComparedNode {
  readonly id: NodeId;
  readonly here: NodeBrief;
  readonly there: NodeBrief;
}

/** A node in a few words: crashed, or its role, term, leader, commit index and last log index. */
export type NodeBrief =
  | { readonly alive: false; readonly term: number }
  | { readonly alive: true; readonly role: Role; readonly term: number; readonly lead: NodeId | null; readonly commit: number; readonly lastIndex: number };

/** What a jump looks for: an election (a candidate), a leader change, a commit, a term change, or a message delivered. */
export const jumpKinds = ['election', 'leader', 'commit', 'term', 'message'] as const;
export type JumpKind = (typeof jumpKinds)[number];

export interface JumpRequest {
  readonly direction: 'next' | 'previous';
  readonly kind: JumpKind;
  /** For `message`: the type, or null for any message. */
  readonly messageType: RemoteMessageType | null;
  /** Only what happens on this node (for a message, delivered to it), or null for any node: the event log's node filter. */
  readonly node: NodeId | null;
}

export interface TimelineState {
  readonly tick: Tick;
  /** The furthest tick this run has reached (the end of the timeline). */
  readonly maxTick: Tick;
  readonly playing: boolean;
  /** The speed chosen on the slider. */
  readonly ticksPerSecond: number;
  /** The speed playback reaches (about the last second; 0 while paused). */
  readonly achievedTicksPerSecond: number;
  /** Playing slower than the chosen speed: the machine cannot keep up. */
  readonly behind: boolean;
  /**
   * While paused: what "Next event" will run (a message due, a timer, the client's put, or an
   * action recorded later in the run); null when nothing is due; absent while playing.
   */
  readonly next?: NextStep | null;
}

/** What happens next in the run: the simulation's next event, or a recorded action that comes first. */
export type NextStep = NextEvent | { readonly kind: 'action'; readonly tick: Tick; readonly action: Action };

export type FromWorker =
  /**
   * The state after a command or frame. `events` are the events since the previous frame when
   * moving forward; after a seek, `resetEvents` is true and `events` are the recent ones up to the
   * new tick. The view travels small (wire-view.ts); the store decodes it into a ClusterView.
   */
  | {
      readonly type: 'frame';
      readonly view: WireView;
      readonly timeline: TimelineState;
      readonly events: readonly SimEvent[];
      readonly resetEvents: boolean;
    }
  /** The outcome of an 'act', with the act's `id` (an act the worker could not take gets an 'error'). */
  | { readonly type: 'action-result'; readonly result: ActionOutcome; readonly id?: number }
  | { readonly type: 'run'; readonly run: Run }
  /**
   * The run's annotations changed: a new or imported run brought other ones (acting keeps them).
   * Posted before that run's frame, and only when they differ from the ones the UI last got.
   */
  | { readonly type: 'annotations'; readonly annotations: Annotations }
  /** The lesson the run opened with (a scenario with lesson lines), or one without steps when a run without one replaces it. */
  | { readonly type: 'lesson'; readonly script: LessonScript }
  /**
   * Where the run's expectations stand (one per annotation expectation, in order), decided on the
   * run as recorded so far (src/scenario/expectation-watch.ts). Posted when a run with
   * expectations starts and whenever a result changes; an empty list when the new run has none.
   */
  | { readonly type: 'expectations'; readonly results: readonly WatchedResult[] }
  /** Where a jump landed, or `tick` null when nothing of its kind was found (the run stays where it was). */
  | { readonly type: 'jump-result'; readonly request: JumpRequest; readonly tick: Tick | null }
  /** The first divergence of the run and the run with `change` (up to the end of the run), or null when they agree. */
  | { readonly type: 'compare-result'; readonly change: CompareChange; readonly options: SimulationOptions; readonly until: Tick; readonly divergence: Divergence | null }
  /** Each node of the run on screen (`here`) and of the run with `change` (`there`) at `tick`. */
  | { readonly type: 'compare-states'; readonly change: CompareChange; readonly tick: Tick; readonly nodes: readonly ComparedNode[] }
  /**
   * A long import under way: `done` of `total` replay steps (one per action and one per tick).
   * It ends with 'import-done' and the new run's frame, an 'error', or 'import-cancelled'.
   */
  | { readonly type: 'import-progress'; readonly done: number; readonly total: number }
  /** The imported run replaced the current one; its frame follows. */
  | { readonly type: 'import-done'; readonly options: SimulationOptions; readonly actions: number; readonly tick: Tick }
  /** The import was stopped by 'cancel-import'; the current run is unchanged. */
  | { readonly type: 'import-cancelled' }
  /**
   * A rejected command: nothing changed. `field` names the bad input when there was one. `message`
   * is English (the headless API's and the core's words); `problem`, when the worker can say what
   * went wrong as data, lets the app say it in the user's language. Without it the app shows
   * `message` as a quoted detail.
   */
  | { readonly type: 'error'; readonly message: string; readonly field: string | null; readonly problem?: WorkerProblem }
  /**
   * Playing, a step or next-event stopped because a breakpoint held: `index` is its place in the
   * run's breakpoint list (annotations.breakpoints), `tick` where the run paused, `event` the
   * event that made it hold (null for a tick or violation breakpoint). Posted first, then
   * 'breakpoint-hits', then the frame that shows the paused tick (playing: false). Playing on
   * does not stop at that tick again.
   */
  | { readonly type: 'breakpoint-hit'; readonly index: number; readonly tick: Tick; readonly event: SimEvent | null }
  /**
   * Every hit remembered for this run, in tick order (the timeline marks them): posted whenever
   * the list changes (a hit; an act in the past drops the hits after it; set-breakpoints
   * renumbers them and drops a removed breakpoint's; a new run empties it), before that
   * command's frame. At most breakpointHitsMax, the latest kept.
   */
  | { readonly type: 'breakpoint-hits'; readonly hits: readonly BreakpointMark[] }
  /**
   * The run's branches, whenever they change (a fork, a switch, a rename or delete, a new run),
   * before that command's frame. `forked` says that this change was an act in the past starting
   * branch `to` from `from` at `tick`.
   */
  | { readonly type: 'branches'; readonly listing: BranchListing }
  /**
   * The term tape (src/worker/run-tape.ts): the run's history from tick 0 to `tape.until`, built
   * in the background as the run grows. Posted when it changed, at most a few times a second
   * while playing, and once it has caught up.
   */
  | { readonly type: 'tape'; readonly tape: RunTape }
  /** The window a 'diagram' command asked for (src/worker/diagram-window.ts). */
  | { readonly type: 'diagram'; readonly window: DiagramWindow };

/** A message as the space-time diagram draws it: an arrow from its send to its arrival or loss. */
export interface DiagramMessage {
  readonly id: number;
  readonly type: RemoteMessageType;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: number;
  readonly sent: Tick;
  /** When it arrives (or arrived), or is lost. */
  readonly arrive: Tick;
  readonly lost: boolean;
  /** The message this one is a duplicate of, or null. */
  readonly copyOf: number | null;
  /** A reply's answer (vote granted, append accepted); null for a request. */
  readonly ok: boolean | null;
  /** An AppendEntries without entries. */
  readonly heartbeat: boolean;
}

/** A change on a node's lane; `term` is the term, or for commit the new commit index, for snapshot its index. */
export interface DiagramMark {
  readonly tick: Tick;
  readonly node: NodeId;
  readonly kind: 'candidate' | 'leader' | 'follower' | 'term' | 'crash' | 'restart' | 'commit' | 'snapshot';
  readonly term: number | null;
}

export interface DiagramWindow {
  readonly from: Tick;
  readonly to: Tick;
  readonly nodes: number;
  /** Each node's role at `from` (index 0 is node 1), before the marks change it. */
  readonly startRoles: readonly (Role | 'crashed')[];
  /** Each node's term at `from`. */
  readonly startTerms: readonly number[];
  readonly messages: readonly DiagramMessage[];
  readonly marks: readonly DiagramMark[];
  /** Some of the window was left out: more messages than diagramMessagesMax, or events the reader lost. */
  readonly truncated: boolean;
}

/** The longest window one 'diagram' command reads, and the most messages it carries. */
export const diagramTicksMax = 20_000;
export const diagramMessagesMax = 5_000;

/** From `from` until the next segment: the newest term any node has, and its leader (null: none yet, or gone). */
export interface TapeSegment {
  readonly from: Tick;
  readonly term: number;
  readonly leader: NodeId | null;
}

export type TapeMarkKind = 'election' | 'leader' | 'crash' | 'restart' | 'partition' | 'heal' | 'violation' | 'stall' | 'halt';

/**
 * Something that happened at a tick: an election started (a candidate), a leader won, a crash, a
 * restart, a split or heal, a violation, a liveness stall, or a broken run's stop.
 */
export interface TapeMark {
  readonly tick: Tick;
  readonly kind: TapeMarkKind;
  readonly node: NodeId | null;
}

/** A run's history at a glance, up to `until`; `truncated` when it had more than the bounds below keep. */
export interface RunTape {
  readonly until: Tick;
  readonly segments: readonly TapeSegment[];
  readonly marks: readonly TapeMark[];
  readonly truncated: boolean;
}

/** Most segments and marks a tape keeps (the earliest), so a run of endless elections stays bounded. */
export const tapeSegmentsMax = 5_000;
export const tapeMarksMax = 5_000;

/** Every branch of the run, the one on screen, and how many may be kept. */
export interface BranchListing {
  readonly branches: readonly BranchSummary[];
  readonly active: number;
  readonly limit: number;
  readonly forked: { readonly from: number; readonly to: number; readonly tick: Tick } | null;
}

/** Most branches a run keeps, and the longest name a branch may have (src/core/branch-tree.ts). */
export { branchLimitDefault, branchNameLengthMax } from '../core/index.ts';

/** A run with one unnamed branch, as every new run starts: both sides assume it until told otherwise. */
export const initialBranchListing: BranchListing = {
  branches: [{ id: 1, name: null, parent: null, forkTick: 0, end: 0, actionCount: 0 }],
  active: 1,
  limit: branchLimitDefault,
  forked: null,
};

/** Where a breakpoint fired: the tick, and the breakpoint's place in annotations.breakpoints. */
export interface BreakpointMark {
  readonly tick: Tick;
  readonly index: number;
}

/** A value from a file as a problem quotes it: an array by its length, an object, anything else as JSON writes it ("soon", 42, null). */
export type QuotedValue = { readonly kind: 'array'; readonly length: number } | { readonly kind: 'object' } | { readonly kind: 'literal'; readonly text: string };

/**
 * What is wrong with a run file (src/worker/run-file.ts), or with a new run's node count, in the
 * terms of its own fields: `got` is the value found there.
 */
export type RunProblem =
  | { readonly code: 'not-a-run'; readonly got: QuotedValue }
  | { readonly code: 'format'; readonly expected: string; readonly got: QuotedValue }
  /** Not a version number at all; the versions read are `oldest` to `newest`. */
  | { readonly code: 'version'; readonly oldest: number; readonly newest: number; readonly got: QuotedValue }
  /** A later version than this app reads: the run was saved by a newer Raftlab. */
  | { readonly code: 'newer-version'; readonly newest: number; readonly got: QuotedValue }
  | { readonly code: 'options'; readonly got: QuotedValue }
  /** More nodes than the screen shows; `field` is "nodes" for a new run, "options.nodes" in a file. */
  | { readonly code: 'node-count'; readonly field: string; readonly max: number; readonly got: QuotedValue }
  | { readonly code: 'actions'; readonly got: QuotedValue }
  | { readonly code: 'too-many-actions'; readonly max: number; readonly got: QuotedValue }
  | { readonly code: 'action-item'; readonly index: number; readonly got: QuotedValue }
  /** An action's tick: from `min` (the previous action's tick, so actions are in tick order) to `max`. */
  | { readonly code: 'action-tick'; readonly index: number; readonly min: number; readonly max: number; readonly got: QuotedValue }
  | { readonly code: 'action-object'; readonly index: number; readonly got: QuotedValue }
  | { readonly code: 'tick'; readonly max: number; readonly got: QuotedValue }
  | AnnotationProblem
  /** A part of the saved branches that breaks its rule (see BranchPart), e.g. "branches.list[2].parent"; `max` bounds it where the rule has a bound. */
  | { readonly code: 'branch'; readonly field: string; readonly part: BranchPart; readonly max: number | null; readonly got: QuotedValue };

/**
 * Which rule of the saved branches was broken: `branches` is not an object { active, list };
 * `list` is not an array of 1 to max; an `item` is not an object; an `id` is not a whole number
 * of at least 1 used once; a `name` is not null or 1 to max characters; a `parent` is not null or
 * an earlier branch's id; a `tick` (forkTick, end) is out of range; `actions` is not an array of
 * at most max in tick order; `active` names no branch of the list.
 */
export type BranchPart = 'branches' | 'list' | 'item' | 'id' | 'name' | 'parent' | 'tick' | 'actions' | 'active';

/**
 * What is wrong with a version 2 run's annotations (src/worker/run-annotations.ts). `field` is
 * the path in the file, e.g. "annotations.captions[3].text".
 */
export type AnnotationProblem =
  | { readonly code: 'annotations'; readonly got: QuotedValue }
  /** Not an array, or longer than `max`. */
  | { readonly code: 'annotation-list'; readonly field: string; readonly max: number; readonly got: QuotedValue }
  /** An item that is not an object { tick, text } (a caption), { tick, name } (a mark) or { breakpoint, enabled } (a breakpoint). */
  | { readonly code: 'annotation-item'; readonly field: string; readonly shape: 'caption' | 'mark' | 'breakpoint'; readonly got: QuotedValue }
  | { readonly code: 'annotation-tick'; readonly field: string; readonly max: number; readonly got: QuotedValue }
  /** A caption's text, a mark's name or an expectation: a string of 1 to `max` characters. */
  | { readonly code: 'annotation-text'; readonly field: string; readonly max: number; readonly got: QuotedValue }
  /** A breakpoint's field that breaks its rule (`part` says which: see BreakpointPart), e.g. "annotations.breakpoints[2].breakpoint.kind". */
  | { readonly code: 'breakpoint'; readonly field: string; readonly part: BreakpointPart; readonly got: QuotedValue }
  /** A breakpoint listed twice: `field` is the second, `first` the one it repeats. */
  | { readonly code: 'breakpoint-duplicate'; readonly field: string; readonly first: string; readonly got: QuotedValue };

/**
 * Which rule of a breakpoint was broken: the value is not an object with a kind; its kind, `on`,
 * `messageType`, a node (`from`, `to`), `reason` or `tick` (src/core/breakpoints.ts
 * breakpointAllowed); or its setting's `enabled`, which must be true or false.
 */
export type BreakpointPart = 'object' | 'kind' | 'on' | 'message-type' | 'node' | 'reason' | 'tick' | 'enabled';

/** The problems an 'error' can carry as data (see FromWorker). */
export type WorkerProblem =
  | RunProblem
  /** A broken invariant or a bug in the simulation; `detail` is what was thrown, in English. */
  | { readonly code: 'internal'; readonly detail: string }
  /** The worker itself failed (to load, or outside a command); `detail` is the browser's message, when it gave one. */
  | { readonly code: 'worker-failed'; readonly detail: string | null }
  /** A reply from the worker could not be read (structured clone failed). */
  | { readonly code: 'unreadable-reply' }
  /** Scenario text that does not parse or compile: every error, with its line and column. */
  | { readonly code: 'scenario'; readonly stage: 'parse' | 'compile'; readonly errors: readonly ScenarioError[] };

/**
 * What the user learns from an action, e.g. where a proposal went or why it was refused. The app
 * words it itself, in the language on screen (src/ui/outcome.ts), from the action it sent and
 * what only the worker knows after acting: where a proposal went, and `facts`. `summary` is the
 * core's own English sentence (as the headless API and the CLI say it) or, when the action was
 * rejected, the core's English validation detail, which the app frames in the user's language.
 */
export type ActionOutcome =
  | {
      readonly ok: true;
      readonly summary: string;
      readonly proposal: { readonly node: NodeId | null; readonly index: number; readonly term: number; readonly isLeader: boolean; readonly leaderHint: NodeId | null } | null;
      /** Absent in an outcome that carries none (the app then shows `summary` where it needs them). */
      readonly facts?: ActionFacts;
    }
  | { readonly ok: false; readonly summary: string; readonly field: string | null };

/**
 * What acting left behind that the app's sentence needs and cannot know from the action alone.
 * The network and the steady load after a configure action are not here: the app has them from
 * the state before the action and the action's changes (the core merges them just so).
 */
export interface ActionFacts {
  /** The partition after a partition, isolate or rejoin: its groups, one when the network is whole. */
  readonly groups?: readonly (readonly NodeId[])[];
  /** The role of the node that refused a proposal ('crashed' only if it had none). */
  readonly role?: Role | 'crashed';
  /**
   * After a timer action: the tick the chosen nodes' timers fire, and the earliest any other
   * running follower's or candidate's fires (null when there is none).
   */
  readonly timers?: { readonly firesAt: Tick; readonly othersAt: Tick | null };
  /** After a get: the read as it stands (its id, where it went, whether it was refused). */
  readonly read?: ReadView;
  /** After Add node or Remove node: what the leader made of the change (null leader: nobody led). */
  readonly membership?: MembershipFacts;
}

export interface MembershipFacts {
  readonly change: { readonly kind: 'add' | 'remove'; readonly node: NodeId };
  readonly leader: NodeId | null;
  /** Why the leader refused (config-refused's reasons), or null when it appended the change. */
  readonly refusal: ConfChangeRefusal | null;
  readonly pendingIndex?: LogIndex;
  /** The configuration the leader uses after the action, with the index of its entry. */
  readonly index: LogIndex;
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

/**
 * Most nodes the app runs, from the address, the settings form or an imported file: more do not
 * fit legibly on a projected screen. The core itself allows more (nodeCountMax) for headless use.
 */
export const screenNodeCountMax = 15;

/** Most breakpoints a run may carry (src/worker/run-annotations.ts). */
export const breakpointsMax = 100;
/** Most breakpoint hits the worker remembers for the timeline's marks (the latest are kept). */
export const breakpointHitsMax = 1_000;
/** The breakpoint vocabulary both sides share: kinds, vote refusals, message types, node ids. */
export { breakpointKinds, nodeCountMax, remoteMessageTypes, sameBreakpoint, voteRefusals } from '../core/index.ts';

/** Speed limits for the speed slider (ticks of simulated time per second of wall time). */
export const speedTicksPerSecondMin = 1;
export const speedTicksPerSecondMax = 1_000_000;
export const speedTicksPerSecondDefault = 100;
/** Most ticks one frame may run, so a frame never blocks the worker for long. */
export const ticksPerFrameMax = 50_000;
/**
 * How many log indexes the log panel shows, and so how many the worker sends while the panel
 * follows the end of the log: about 20 columns fit on a 1440-pixel screen.
 */
export const logWindowCountDefault = 24;
/** Most events kept for the event log on either side, and sent in one frame. */
export const eventBufferMax = 500;
/**
 * Most wall time the worker spends simulating for one frame, in ms. At high speed the worker stops
 * there and answers, so the screen keeps its frame rate; the speed then is as fast as the machine
 * allows rather than the number on the slider.
 */
export const frameWorkMsMax = 12;

import { branchLimitDefault, BranchTree, breakpointKey, SimulationInputError, Timeline } from '../core/index.ts';
import type { Action, Branch, Breakpoint, BreakpointHit, Simulation, Tick } from '../core/index.ts';
import type { BranchListing, BreakpointMark, FromWorker, NextStep, TimelineState, ToWorker, ViewRequest } from '../protocol/worker-protocol.ts';
import { breakpointHitsMax, eventBufferMax, initialBranchListing, frameWorkMsMax, speedTicksPerSecondDefault } from '../protocol/worker-protocol.ts';
import type { Annotations, BreakpointSetting } from '../scenario/annotations.ts';
import { noAnnotations } from '../scenario/annotations.ts';
import { noLessonScript } from '../scenario/lesson-script.ts';
import type { LessonScript } from '../scenario/lesson-script.ts';
import { compactEvent, frameEvents, frameWireView } from './frame-view.ts';
import { createImportJob } from './import-job.ts';
import type { ImportJob, Schedule } from './import-job.ts';
import { describeOutcome } from './outcome.ts';
import { clampSpeed, idleSpeedMeter, meterFrame, ticksForFrame } from './pacing.ts';
import type { SpeedMeter } from './pacing.ts';
import { requireBreakpointSettings, sameAnnotations } from './run-annotations.ts';
import { branchListing } from './run-branches.ts';
import { exportRun, requireScreenNodeCount, RunFileError, RunReplay } from './run-file.ts';
import { compareStates, compareWith, requireCompareChange } from './compare-runs.ts';
import { jump, requireJumpRequest } from './jumps.ts';
import { diagramWindow } from './diagram-window.ts';
import { TapeFollower } from './run-tape.ts';
import { ExpectationReporter, ScenarioTextError, scenarioRun } from './scenario-run.ts';

/**
 * The simulation worker's behaviour, as plain code: commands in, replies out through `post`. The
 * worker file only connects this to its global scope, so all of it runs (and is tested) in Node.
 *
 * Reply rules:
 * - A command that changes what is shown posts exactly one 'frame'; a rejected command posts one
 *   'error' (or, for 'act', an ok:false 'action-result') and changes nothing.
 * - A 'frame' command posts a frame only while playing: the UI sends the next one only after a
 *   reply, so at most one frame is ever in flight and a paused worker stays quiet.
 * - Frames carry the events since the previous frame, or, with resetEvents, the recent events up
 *   to the new tick after the timeline jumped (seek, step back, new or imported run).
 * - 'import-run' pauses playback and replays the file in chunks, posting 'import-progress' between
 *   them; it ends with 'import-done' and the new run's frame, one 'error' (the current run kept),
 *   or 'import-cancelled' after a 'cancel-import'. A new init or import stops it silently.
 * - The run's annotations (captions, marks, expectations) belong to the run: a new run replaces
 *   them (an imported one brings its own, init starts with none), acting keeps them. When a new
 *   run's differ from the last ones posted, an 'annotations' reply comes just before its frame.
 * - Breakpoints are annotations too ('set-breakpoints' replaces them and answers 'annotations').
 *   Playing, 'step' and 'next-event' stop at the first tick where an enabled one holds
 *   (Timeline.advanceUntilBreak): playback pauses there, and 'breakpoint-hit' and
 *   'breakpoint-hits' come before the frame. The hits are remembered for the run (the timeline
 *   marks them) until a new run; an act in the past drops those after it.
 * - Branches (src/core/branch-tree.ts): an act in the past keeps the future on the branch it was
 *   on and goes on in a new one. 'branches' is posted whenever the list changes, before the
 *   frame; each branch keeps its own breakpoint hits. Switching pauses and resets the events.
 * - The term tape ('tape') is built in the background, in tasks of its own after the replies of
 *   a command (never among them): posted when it changed, at most every tapePostMs while it is
 *   catching up, and once it has.
 */
export interface WorkerLogic {
  handle(message: ToWorker): void;
}

/** Most ticks one step command may run (the UI steps by 1, 10, 100...). */
export const stepTicksMax = 1_000_000;
/** Most ticks 'next-event' looks ahead before giving up on a quiet cluster. */
export const nextEventTicksMax = 10_000;
/** Most log entries a view request may ask for. */
export const logWindowCountMax = 500;

/**
 * A command that cannot be carried out; nothing has changed. The app never sends such a command
 * (it would be a bug there, or in a script driving the worker), so the message is for developers,
 * in English; the app shows it as a quoted detail.
 */
class CommandError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

interface Session {
  /** The current branch's timeline (tree.timeline), or null before the first run. */
  timeline: Timeline | null;
  /** The run's branches; replaced with each new run. */
  tree: BranchTree | null;
  /** The breakpoint hits of the branches not on screen, by branch id. */
  branchHits: Map<number, readonly BreakpointMark[]>;
  /** The branch listing last posted, as JSON, so an unchanged one is not posted again. */
  postedBranches: string;
  /** The run's annotations: exported with it, so files, permalinks and autosaves keep them. */
  annotations: Annotations;
  playing: boolean;
  /** The lesson the run opened with (no steps for any other run). */
  lesson: LessonScript;
  /** Where playback pauses by itself ('play' with `until`), or null. */
  playUntil: Tick | null;
  /** The speed that reaches playUntil in the time asked ('play' with `withinMs`), or null: the chosen speed. */
  playUntilSpeed: number | null;
  ticksPerSecond: number;
  carriedTicks: number;
  request: ViewRequest;
  /** The last event sequence number a frame carried. */
  postedSeq: number;
  /** An import being replayed in chunks; the current run stays until it finishes. */
  importing: ImportJob | null;
  /** The speed playback reaches, frame after frame. */
  speed: SpeedMeter;
  /** The run's expectations, decided as its timeline grows (null before the first run). */
  expectations: ExpectationReporter | null;
  /** The app shows expectation results (the last ones posted were not an empty list). */
  expectationsShown: boolean;
  /** Where breakpoints fired in this run, in tick order (each tick and index once). */
  hits: readonly BreakpointMark[];
  /** The run's term tape, following its timeline (null before the first run). */
  tape: TapeFollower | null;
  /** A tape task is waiting to run. */
  tapeScheduled: boolean;
  /** What the last posted tape said (its revision and tick) and when it was posted. */
  tapePosted: { revision: number; until: number; at: number };
}

type Handlers = { readonly [K in ToWorker['type']]: (command: Extract<ToWorker, { type: K }>) => void };

/** What the command handlers share: the session and the worker's two ways out. */
interface Context {
  readonly session: Session;
  readonly post: (message: FromWorker) => void;
  readonly now: () => number;
  readonly schedule: Schedule;
  /** Most branches a run keeps (branchLimitDefault; tests use fewer). */
  readonly branchLimit: number;
  /** Runs the term tape's next slice later (see createWorkerLogic). */
  readonly background: Schedule;
}

/** Ticks run between two looks at the clock while a frame is being computed. */
const frameChunkTicks = 256;
/**
 * Most wall time one tape task works (ms), so playback and commands keep their pace: little
 * while playing (the tape replays the run beside it, so it would take as long as the run; it
 * falls behind, and catches up once paused), more while paused.
 */
const tapeSliceMsPlaying = 1;
const tapeSliceMs = 8;
/** While the tape is catching up, it is posted at most this often (ms). */
export const tapePostMs = 250;

/**
 * `now` is the wall clock (performance.now in the worker): only pacing uses it, to stop a frame's
 * work after frameWorkMsMax and an import's chunk after importChunkMs; the simulation itself never
 * sees it. `schedule` runs an import's next chunk after the messages already waiting;
 * `background` runs the term tape's next slice (apart, so a test driving the import's chunks by
 * hand is not handed the tape's too). `branchLimit` bounds the branches a run keeps.
 */
export function createWorkerLogic(
  post: (message: FromWorker) => void,
  now: () => number = () => performance.now(),
  schedule: Schedule = (task) => void setTimeout(task, 0),
  options: { readonly branchLimit?: number; readonly background?: Schedule } = {},
): WorkerLogic {
  const context: Context = { session: newSession(), post, now, schedule, branchLimit: options.branchLimit ?? branchLimitDefault, background: options.background ?? ((task) => void setTimeout(task, 0)) };
  const handlers = commandHandlers(context);
  return {
    handle(message) {
      handleCommand(context, handlers, message);
    },
  };
}

function newSession(): Session {
  return {
    timeline: null,
    tree: null,
    branchHits: new Map(),
    postedBranches: initialSignature,
    annotations: noAnnotations,
    playing: false,
    playUntil: null,
    playUntilSpeed: null,
    lesson: noLessonScript,
    ticksPerSecond: speedTicksPerSecondDefault,
    carriedTicks: 0,
    request: { logWindow: null, inspectedNode: null, selectedMessage: null },
    postedSeq: 0,
    importing: null,
    speed: idleSpeedMeter,
    expectations: null,
    expectationsShown: false,
    hits: [],
    tape: null,
    tapeScheduled: false,
    tapePosted: { revision: -1, until: -1, at: Number.NEGATIVE_INFINITY },
  };
}

/** Runs one command; a rejected one posts an error, an internal failure also stops playback. */
function handleCommand(context: Context, handlers: Handlers, message: ToWorker): void {
  try {
    const handler = handlers[message.type] as ((command: ToWorker) => void) | undefined;
    if (handler === undefined) throw new CommandError(`Unknown command ${JSON.stringify(message.type)}`, 'type');
    handler(message);
  } catch (error) {
    reportFailure(context, error);
  }
}

/**
 * Posts why a command failed: the problem as data when this side found it (a run file), else the
 * core's or the command's English message alone.
 */
function reportFailure({ session, post }: Context, error: unknown): void {
  if (error instanceof RunFileError) {
    post({ type: 'error', message: error.message, field: error.field, problem: error.problem });
    return;
  }
  if (error instanceof ScenarioTextError) {
    post({ type: 'error', message: error.message, field: null, problem: { code: 'scenario', stage: error.stage, errors: error.errors } });
    return;
  }
  if (error instanceof SimulationInputError || error instanceof CommandError) {
    post({ type: 'error', message: error.message, field: error.field });
    return;
  }
  // A broken invariant or a bug: stop playing so it does not repeat every frame, and say so.
  session.playing = false;
  const detail = error instanceof Error ? error.message : String(error);
  // i18n-exempt: the worker's English message (docs/i18n.md); the app words the 'internal' problem.
  post({ type: 'error', message: `Internal error in the simulation: ${detail}`, field: null, problem: { code: 'internal', detail } });
}

/** One handler per command type; each follows the reply rules above. */
function commandHandlers(context: Context): Handlers {
  const { session, post } = context;
  const frame = (resetEvents: boolean): void => postFrame(context, { resetEvents });
  return {
    init: (command) => {
      requireScreenNodeCount(command.options, 'nodes');
      startRun(context, new Timeline(command.options), noAnnotations);
    },
    'import-run': (command) => beginImport(context, new RunReplay(command.run)),
    'open-scenario': (command) => {
      const { run, lesson } = scenarioRun(command.text);
      beginImport(context, new RunReplay(run), lesson);
    },
    'cancel-import': () => cancelImport(context),
    'export-run': () => post({ type: 'run', run: exportRun(currentRun(session), session.annotations, session.tree) }),
    play: (command) => {
      const timeline = currentRun(session);
      const until = command.until === undefined ? null : Math.round(requireNumber('until', command.until));
      session.playUntil = until !== null && until > timeline.tick ? until : null;
      const withinMs = command.withinMs === undefined ? null : requireNumber('withinMs', command.withinMs);
      session.playUntilSpeed = session.playUntil === null || withinMs === null || withinMs <= 0 ? null : clampSpeed(Math.ceil(((session.playUntil - timeline.tick) * 1000) / withinMs));
      session.playing = true;
      session.speed = idleSpeedMeter;
      frame(false);
    },
    pause: () => {
      session.playing = false;
      session.playUntil = null;
      session.playUntilSpeed = null;
      frame(false);
    },
    'set-speed': (command) => {
      session.ticksPerSecond = clampSpeed(requireNumber('ticksPerSecond', command.ticksPerSecond));
      session.speed = idleSpeedMeter;
      frame(false);
    },
    frame: (command) => playFrame(context, command.elapsedMs),
    step: (command) => {
      const ticks = requireTicks(command.ticks);
      const timeline = currentRun(session);
      const hit = advanceWithBreakpoints(session, (breakpoints) => timeline.advanceUntilBreak(ticks, breakpoints));
      afterAdvance(context, hit);
    },
    'step-back': (command) => jumpTo(context, currentRun(session).tick - requireTicks(command.ticks)),
    'next-event': () => {
      const timeline = currentRun(session);
      const hit = advanceWithBreakpoints(session, (breakpoints) => timeline.advanceUntilBreak(nextEventTicksMax, breakpoints, { toNextEvent: true }));
      afterAdvance(context, hit);
    },
    seek: (command) => jumpTo(context, Math.round(requireNumber('tick', command.tick))),
    act: (command) => act(context, command),
    'set-view': (command) => {
      session.request = requireViewRequest(command.request);
      frame(false);
    },
    'set-breakpoints': (command) => setBreakpoints(context, requireBreakpointSettings(command.breakpoints)),
    compare: (command) => {
      const timeline = currentRun(session);
      const change = requireCompareChange(command.change);
      const { options, divergence } = compareWith(timeline, change);
      post({ type: 'compare-result', change, options, until: timeline.maxTick, divergence });
      post({ type: 'compare-states', change, ...compareStates(timeline, change) });
    },
    diagram: (command) => {
      const timeline = currentRun(session);
      const from = Math.max(0, Math.round(requireNumber('from', command.from)));
      const to = Math.max(from, Math.round(requireNumber('to', command.to)));
      post({ type: 'diagram', window: diagramWindow(timeline, from, to) });
    },
    'compare-states': (command) => {
      const change = requireCompareChange(command.change);
      post({ type: 'compare-states', change, ...compareStates(currentRun(session), change) });
    },
    'switch-branch': (command) => switchBranch(context, command.id, command.tick),
    'rename-branch': (command) => {
      currentTree(session).rename(command.id, command.name);
      postBranches(context);
    },
    'delete-branch': (command) => deleteBranch(context, command.id),
    jump: (command) => {
      const timeline = currentRun(session);
      const request = requireJumpRequest(command.request);
      session.playing = false;
      post({ type: 'jump-result', request, tick: jump(timeline, request) });
      postFrame(context, { resetEvents: true });
    },
  };
}

function currentTree(session: Session): BranchTree {
  currentRun(session);
  return session.tree!;
}

/** Posts the branch listing when it changed (or, with `forked`, always: it says a fork happened). */
function postBranches(context: Context, forked: BranchListing['forked'] = null): void {
  const { session } = context;
  if (session.tree === null) return;
  const listing = branchListing(session.tree, forked);
  const text = listingSignature(listing);
  if (text === session.postedBranches && forked === null) return;
  session.postedBranches = text;
  context.post({ type: 'branches', listing });
}

/**
 * What the app needs to be told again: the current branch's end and action count grow with the
 * run (the timeline says those), so they are left out.
 */
function listingSignature(listing: BranchListing): string {
  return JSON.stringify([listing.active, listing.limit, listing.branches.map((branch) => (branch.id === listing.active ? { ...branch, end: 0, actionCount: 0 } : branch))]);
}

/** The app starts knowing a run of one unnamed branch (initialBranchListing), so a new run like that posts none. */
const initialSignature = listingSignature(initialBranchListing);

/** Shows another branch, paused, with its own breakpoint hits; the events start again there. */
function switchBranch(context: Context, id: number, tick: number | undefined): void {
  if (tick !== undefined) requireNumber('tick', tick);
  moveToBranch(context, id, tick);
  postBranches(context);
  postFrame(context, { resetEvents: true });
}

/** Makes branch `id` current (posting its hits), without the listing and the frame. */
function moveToBranch(context: Context, id: number, tick: number | undefined): void {
  const { session } = context;
  const tree = currentTree(session);
  const leaving = tree.active;
  session.timeline = tree.switchTo(id, tick);
  session.playing = false;
  session.carriedTicks = 0;
  if (leaving === id) return;
  session.branchHits.set(leaving, session.hits);
  postHits(context, session.branchHits.get(id) ?? []);
  session.branchHits.delete(id);
}

/**
 * Deletes a branch. Deleting the one on screen first shows the branch it left (or, for the
 * first branch, the next one) at the same tick; the only branch of a run stays.
 */
function deleteBranch(context: Context, id: number): void {
  const { session } = context;
  const tree = currentTree(session);
  const deletingShown = id === tree.active;
  if (deletingShown) {
    const others = tree.branches.filter((branch) => branch.id !== id);
    if (others.length === 0) throw new CommandError('The run has only this branch: it cannot be deleted.', 'id');
    moveToBranch(context, tree.branch(id).parent ?? others[0]!.id, undefined);
  }
  tree.remove(id);
  session.branchHits.delete(id);
  postBranches(context);
  if (deletingShown) postFrame(context, { resetEvents: true });
}

function currentRun(session: Session): Timeline {
  if (session.timeline === null) throw new CommandError('No run yet: start one first (init).', null);
  return session.timeline;
}

/** What Next event will run: the first recorded action still ahead, or the simulation's next event, whichever comes first. */
function nextStep(timeline: Timeline): NextStep | null {
  const event = timeline.current.nextEvent();
  const actions = timeline.recordedActions;
  // The first recorded action after the tick on screen (those at it are already applied).
  let low = 0;
  let high = actions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (actions[middle]!.tick <= timeline.tick) low = middle + 1;
    else high = middle;
  }
  const ahead = actions[low];
  if (ahead !== undefined && (event === null || ahead.tick <= event.tick)) return { kind: 'action', tick: ahead.tick, action: ahead.action };
  return event;
}

function postFrame(context: Context, options: { resetEvents: boolean }): void {
  const { session, post } = context;
  const timeline = session.timeline;
  if (timeline === null) return;
  const simulation = timeline.current;
  const events = frameEvents(simulation, options.resetEvents ? 0 : session.postedSeq);
  session.postedSeq = simulation.lastEventSeq;
  const meter = session.playing ? session.speed : idleSpeedMeter;
  const state: TimelineState = {
    tick: timeline.tick,
    maxTick: timeline.maxTick,
    playing: session.playing,
    ticksPerSecond: session.ticksPerSecond,
    achievedTicksPerSecond: Math.round(meter.ticksPerSecond),
    behind: meter.behind,
    ...(session.playing ? {} : { next: nextStep(timeline) }),
  };
  // Expectations first, so the frame that shows a tick never runs ahead of its results.
  const results = session.expectations?.update(timeline) ?? null;
  // A run without expectations posts none, unless the screen still shows the last run's.
  if (results !== null && (results.length > 0 || session.expectationsShown)) post({ type: 'expectations', results });
  if (results !== null) session.expectationsShown = results.length > 0;
  post({ type: 'frame', view: frameWireView(simulation, session.request), timeline: state, events, resetEvents: options.resetEvents });
  wantTape(context);
}

/** Schedules a tape task when the tape is behind the timeline or has news to post. */
function wantTape(context: Context): void {
  const { session } = context;
  const tape = session.tape;
  if (session.tapeScheduled || tape === null || session.timeline === null) return;
  const posted = session.tapePosted;
  if (tape.tick === session.timeline.maxTick && posted.revision === tape.revision && posted.until === tape.tick) return;
  session.tapeScheduled = true;
  context.background(() => tapeTask(context));
}

/** Works on the tape for a slice of time, posts it when due, and goes on later if still behind. */
function tapeTask(context: Context): void {
  const { session, now } = context;
  session.tapeScheduled = false;
  const tape = session.tape;
  const timeline = session.timeline;
  if (tape === null || timeline === null) return;
  const deadline = now() + (session.playing ? tapeSliceMsPlaying : tapeSliceMs);
  const caughtUp = tape.follow(timeline.recordedActions, timeline.maxTick, () => now() >= deadline);
  const posted = session.tapePosted;
  const news = posted.revision !== tape.revision || posted.until !== tape.tick;
  if (news && (caughtUp || now() - posted.at >= tapePostMs)) {
    session.tapePosted = { revision: tape.revision, until: tape.tick, at: now() };
    context.post({ type: 'tape', tape: tape.tape });
  }
  wantTape(context);
}

/** Replaces the run: used by init and import once the new timeline (and its saved branches) are built and valid. */
function startRun(context: Context, timeline: Timeline, annotations: Annotations, branches: { active: number; branches: Branch[] } | null = null, lesson: LessonScript = noLessonScript): void {
  const { session } = context;
  session.importing?.cancel();
  session.importing = null;
  session.timeline = timeline;
  session.tree = new BranchTree(timeline, context.branchLimit, branches ?? undefined);
  session.tape = new TapeFollower(timeline.options);
  session.tapePosted = { revision: -1, until: -1, at: Number.NEGATIVE_INFINITY };
  session.branchHits = new Map();
  postBranches(context);
  session.expectations = new ExpectationReporter(timeline, annotations);
  postHits(context, []);
  if (!sameAnnotations(session.annotations, annotations)) {
    session.annotations = annotations;
    context.post({ type: 'annotations', annotations });
  }
  // A lesson belongs to the run it opened with: any other run has none.
  if (session.lesson.steps.length > 0 || lesson.steps.length > 0) {
    session.lesson = lesson;
    context.post({ type: 'lesson', script: lesson });
  }
  session.playing = false;
  session.playUntil = null;
  session.playUntilSpeed = null;
  session.carriedTicks = 0;
  postFrame(context, { resetEvents: true });
}

/** Starts replaying a checked run in chunks; the current run stays (paused) until it finishes. */
function beginImport(context: Context, replay: RunReplay, lesson: LessonScript = noLessonScript): void {
  const { session, post } = context;
  session.importing?.cancel();
  if (session.playing) {
    session.playing = false;
    postFrame(context, { resetEvents: false });
  }
  const job = createImportJob(replay, {
    now: context.now,
    schedule: context.schedule,
    progress: (done, total) => post({ type: 'import-progress', done, total }),
    finish: () => {
      post({ type: 'import-done', options: replay.run.options, actions: replay.run.actions.length, tick: replay.timeline.tick });
      startRun(context, replay.timeline, replay.run.annotations, replay.branches, lesson);
    },
    fail: (error) => {
      session.importing = null;
      reportFailure(context, error);
    },
  });
  session.importing = job;
  job.start();
}

function cancelImport(context: Context): void {
  const job = context.session.importing;
  if (job === null) return; // Already over: its frame or error was posted before this command arrived.
  job.cancel();
  context.session.importing = null;
  context.post({ type: 'import-cancelled' });
}

function jumpTo(context: Context, tick: number): void {
  const timeline = currentRun(context.session);
  timeline.seek(Math.min(timeline.maxTick, Math.max(0, tick)));
  postFrame(context, { resetEvents: true });
}

/** A playback frame: runs the ticks `elapsedMs` buys, but no longer than frameWorkMsMax. */
function playFrame(context: Context, elapsedMs: number): void {
  const { session, now } = context;
  if (!session.playing || session.timeline === null) return;
  const carriedBefore = session.carriedTicks;
  // On the way to a lesson's step, as fast as it takes to be there in the time asked (never slower than chosen).
  const ticksPerSecond = session.playUntil !== null && session.playUntilSpeed !== null ? Math.max(session.ticksPerSecond, session.playUntilSpeed) : session.ticksPerSecond;
  const frame = ticksForFrame({ elapsedMs, ticksPerSecond, carriedTicks: session.carriedTicks });
  session.carriedTicks = frame.carriedTicks;
  const timeline = session.timeline;
  // A scenario plays to its end and pauses there; Play again goes on past it, live. A lesson's
  // step (playUntil) pauses it the same way, earlier.
  const stops = [session.annotations.end, session.playUntil].filter((stop): stop is Tick => stop !== null && stop > timeline.tick);
  const end = stops.length === 0 ? null : Math.min(...stops);
  const toEnd = end !== null ? end - timeline.tick : Infinity;
  const ticks = Math.min(frame.ticks, toEnd);
  const deadline = now() + frameWorkMsMax;
  // Bounded by `ticks`; stops early when the frame's time is spent (the rest is dropped), or at a breakpoint.
  let done = 0;
  let hit: BreakpointHit | null = null;
  while (done < ticks) {
    const chunk = Math.min(frameChunkTicks, ticks - done);
    const before = timeline.tick;
    hit = advanceWithBreakpoints(session, (breakpoints) => timeline.advanceUntilBreak(chunk, breakpoints));
    done += timeline.tick - before;
    if (hit !== null) break;
    if (done < ticks && now() >= deadline) {
      session.carriedTicks = 0;
      break;
    }
  }
  // Progress in ticks, fractions owed to the next frame included, so slow speeds read exactly.
  const progressed = done + session.carriedTicks - carriedBefore;
  session.speed = meterFrame(session.speed, { elapsedMs, ticks: progressed, chosenTicksPerSecond: ticksPerSecond });
  if (timeline.tick === end && toEnd !== Infinity) {
    session.playing = false;
    session.carriedTicks = 0;
  }
  if (session.playUntil !== null && timeline.tick >= session.playUntil) {
    session.playUntil = null;
    session.playUntilSpeed = null;
  }
  afterAdvance(context, hit);
}

/**
 * Runs `advance` with the run's enabled breakpoints (an empty list when none is on) and gives
 * back its hit with `index` counted in the whole list, off ones included (the app's numbering).
 */
function advanceWithBreakpoints(session: Session, advance: (breakpoints: readonly Breakpoint[]) => BreakpointHit | null): BreakpointHit | null {
  const settings = session.annotations.breakpoints;
  const places: number[] = [];
  const enabled: Breakpoint[] = [];
  settings.forEach((setting, index) => {
    if (!setting.enabled) return;
    places.push(index);
    enabled.push(setting.breakpoint);
  });
  const hit = advance(enabled);
  return hit === null ? null : { ...hit, index: places[hit.index]! };
}

/**
 * The frame after moving forward; at a breakpoint, playback pauses and the hit is posted and
 * remembered first. Stopping there may have gone back to a checkpoint before the events last
 * posted (the run went past the hit, then back to it): then the frame resets the events.
 */
function afterAdvance(context: Context, hit: BreakpointHit | null): void {
  const { session, post } = context;
  if (hit === null) {
    postFrame(context, { resetEvents: false });
    return;
  }
  session.playing = false;
  session.carriedTicks = 0;
  post({ type: 'breakpoint-hit', index: hit.index, tick: hit.tick, event: hit.event === null ? null : compactEvent(hit.event) });
  const mark = { tick: hit.tick, index: hit.index };
  const kept = session.hits.filter((other) => other.tick !== mark.tick || other.index !== mark.index);
  const hits = [...kept, mark].sort((a, b) => a.tick - b.tick || a.index - b.index);
  postHits(context, hits.length > breakpointHitsMax ? hits.slice(hits.length - breakpointHitsMax) : hits);
  postFrame(context, { resetEvents: eventsMissing(session.timeline!.current, session.postedSeq) });
}

/** Whether some events after `postedSeq` are no longer held, so a frame cannot carry on from it. */
function eventsMissing(simulation: Simulation, postedSeq: number): boolean {
  const from = Math.max(postedSeq, simulation.lastEventSeq - eventBufferMax);
  if (simulation.lastEventSeq <= from) return false;
  const first = simulation.events({ afterSeq: from }).at(0);
  return first === undefined || first.seq > from + 1;
}

/** Remembers the run's hits and posts them when they changed. */
function postHits(context: Context, hits: readonly BreakpointMark[]): void {
  const { session } = context;
  const same = hits.length === session.hits.length && hits.every((hit, index) => hit.tick === session.hits[index]!.tick && hit.index === session.hits[index]!.index);
  session.hits = hits;
  if (!same) context.post({ type: 'breakpoint-hits', hits });
}

/**
 * Replaces the run's breakpoints: the annotations change (posted, so the app keeps the run
 * again), and each remembered hit follows its breakpoint to its new place or goes with it.
 */
function setBreakpoints(context: Context, breakpoints: readonly BreakpointSetting[]): void {
  const { session } = context;
  const before = session.annotations.breakpoints;
  const placeOf = new Map(breakpoints.map((setting, index) => [breakpointKey(setting.breakpoint), index]));
  const hits = session.hits.flatMap((hit) => {
    const setting = before[hit.index];
    const index = setting === undefined ? undefined : placeOf.get(breakpointKey(setting.breakpoint));
    return index === undefined ? [] : [{ tick: hit.tick, index }];
  });
  const annotations = { ...session.annotations, breakpoints };
  if (!sameAnnotations(session.annotations, annotations)) {
    session.annotations = annotations;
    context.post({ type: 'annotations', annotations });
  }
  postHits(context, hits.sort((a, b) => a.tick - b.tick || a.index - b.index));
}

/**
 * Acts, then posts the outcome (with the act's id), the branches when it forked, and a frame; a
 * refused action posts only its outcome.
 */
function act(context: Context, { action, id, discardFuture }: { action: Action; id?: number; discardFuture?: boolean }): void {
  const { session } = context;
  const timeline = currentRun(session);
  const tree = currentTree(session);
  try {
    const { result, forked } = tree.act(action, { discardFuture: discardFuture === true });
    context.post({ type: 'action-result', result: describeOutcome(result, timeline.current), id });
    // The branch left behind keeps its hits; the new one (or the cut-short one) has those up to now.
    if (forked !== null) session.branchHits.set(forked.from, session.hits);
    postHits(context, session.hits.filter((hit) => hit.tick <= timeline.tick));
    if (forked !== null) postBranches(context, forked);
    else postBranches(context);
  } catch (error) {
    if (!(error instanceof SimulationInputError)) throw error;
    context.post({ type: 'action-result', result: { ok: false, summary: error.message, field: error.field }, id });
    return;
  }
  postFrame(context, { resetEvents: false });
}

function requireNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CommandError(`${field} must be a finite number (got ${String(value)})`, field);
  return value;
}

function requireTicks(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > stepTicksMax) {
    throw new CommandError(`ticks must be an integer from 0 to ${stepTicksMax} (got ${String(value)})`, 'ticks');
  }
  return value;
}

function requireViewRequest(value: ViewRequest): ViewRequest {
  if (typeof value !== 'object' || value === null) throw new CommandError('request must be a view request object', 'request');
  const window = value.logWindow;
  if (window !== null) {
    if (!Number.isInteger(window.from) || window.from < 0) throw new CommandError(`logWindow.from must be a log index of at least 0 (got ${window.from})`, 'logWindow.from');
    if (!Number.isInteger(window.count) || window.count < 0 || window.count > logWindowCountMax) {
      throw new CommandError(`logWindow.count must be an integer from 0 to ${logWindowCountMax} (got ${window.count})`, 'logWindow.count');
    }
  }
  const node = value.inspectedNode;
  if (node !== null && (!Number.isInteger(node) || node < 1)) throw new CommandError(`inspectedNode must be a node id or null (got ${node})`, 'inspectedNode');
  const message = value.selectedMessage;
  if (message !== null && (!Number.isInteger(message) || message < 1)) throw new CommandError(`selectedMessage must be a message id or null (got ${message})`, 'selectedMessage');
  return { logWindow: window === null ? null : { from: window.from, count: window.count }, inspectedNode: node, selectedMessage: message };
}

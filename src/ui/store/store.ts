/**
 * The app's one zustand store, vanilla (no React): it owns the connection to the simulation
 * worker through a SimPort, turns replies into state, and turns user actions into commands.
 * Components read it through store-context.tsx; tests drive it with a fake or in-process port
 * (tests/support/in-process-port.ts).
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ClusterView, SimEvent, SimulationOptions } from '../../core/index.ts';
import { eventBufferMax, initialBranchListing, logWindowCountDefault, speedTicksPerSecondDefault } from '../../protocol/worker-protocol.ts';
import type { FromWorker, Run, ToWorker, ViewRequest } from '../../protocol/worker-protocol.ts';
import { createViewDecoder } from '../../protocol/wire-view.ts';
import type { ViewDecoder } from '../../protocol/wire-view.ts';
import { noAnnotations } from '../../scenario/annotations.ts';
import { initialLessonFields, lessonActions, lessonArrived } from './lesson-actions.ts';
import type { LessonConnection } from './lesson-actions.ts';
import { actActions, createAwaitedActs, settleAct } from './act-actions.ts';
import type { AwaitedActs } from './act-actions.ts';
import type { AppState, Display, OpenedFrom, Refusal } from './app-state.ts';

/** The two-way channel to the simulation: a real Worker (worker-port.ts), or in tests a fake or in-process one. */
export interface SimPort {
  post(message: ToWorker): void;
  /** Calls `listener` with every reply; returns the unsubscribe function. */
  subscribe(listener: (message: FromWorker) => void): () => void;
}

export interface AppStore extends StoreApi<AppState> {
  /**
   * Posts a playback frame unless the previous one still awaits its reply (backpressure: at most
   * one frame in flight, so a slow worker slows playback instead of queueing work). Returns
   * whether the frame was sent.
   */
  readonly requestFrame: (elapsedMs: number) => boolean;
  /** Stops listening to the port; pending exports are rejected. */
  readonly dispose: () => void;
}

export const defaultRunOptions: SimulationOptions = { nodes: 5, seed: 1 };
/** The node count the core uses when options leave it out (SimulationOptions.nodes). */
const coreDefaultNodeCount = 5;
/** How many log indexes the log panel shows, and asks for once the user scrolls it (logFrom >= 1). */
export const logWindowCount = logWindowCountDefault;

/** Appends (or, after a jump in time, replaces) events, keeping the newest eventBufferMax. */
export function mergeEvents(current: readonly SimEvent[], incoming: readonly SimEvent[], reset: boolean): readonly SimEvent[] {
  if (!reset && incoming.length === 0) return current;
  const merged = reset ? incoming : current.concat(incoming);
  return merged.length > eventBufferMax ? merged.slice(merged.length - eventBufferMax) : merged;
}

/** The view request for the store's selection: logFrom 0 follows the end of the log. */
function viewRequest(state: Pick<AppState, 'logFrom' | 'selectedNode' | 'selectedMessage'>): ViewRequest {
  return {
    logWindow: state.logFrom >= 1 ? { from: state.logFrom, count: logWindowCount } : null,
    inspectedNode: state.selectedNode,
    selectedMessage: state.selectedMessage,
  };
}

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

/** The store's side of the worker connection: what is in flight, outside the rendered state. */
interface Connection extends LessonConnection {
  readonly port: SimPort;
  /** A frame command awaits its reply (backpressure, see requestFrame). */
  framePending: boolean;
  /** exportRun calls awaiting their 'run' reply, oldest first (the worker answers in order). */
  readonly exports: { resolve: (run: Run) => void; reject: (error: Error) => void }[];
  /**
   * A new run (reset or import) not yet confirmed. A reset ends with its frame (resetEvents) or an
   * error, which puts the previous options back; an import only with its own replies
   * ('import-done', 'import-cancelled') or an error, since the current run's seeks also reset events.
   */
  pendingRun: { readonly previous: SimulationOptions; readonly isImport: boolean; readonly from?: OpenedFrom } | null;
  /** Decodes frames, keeping what did not change the same object (wire-view.ts). */
  decoder: ViewDecoder;
  /** Acts awaiting their outcome, so each outcome shows where its action was taken. */
  readonly acts: AwaitedActs;
}

export const defaultDisplay: Display = { theme: 'light', largeType: false, locale: 'en' };

export function makeAppStore(port: SimPort, options: { runOptions?: SimulationOptions; start?: boolean; display?: Display } = {}): AppStore {
  const connection: Connection = { port, framePending: false, exports: [], pendingRun: null, decoder: createViewDecoder(), acts: createAwaitedActs(), pendingLessonId: null, pendingLessonMark: null };
  const startOptions = options.runOptions ?? defaultRunOptions;
  const store = createStore<AppState>()((set, get) => ({
    ...initialState(startOptions, options.display ?? defaultDisplay),
    ...playbackActions(connection, get, set),
    ...runActions(connection, set, get, startOptions),
    ...actActions((message) => port.post(message), connection.acts, set, get),
    ...importActions(connection, set, get),
    ...screenActions(connection, set, get),
    ...breakpointActions(connection, set, get),
    ...branchActions(connection),
    ...diagramActions(connection),
    ...lessonActions(connection, set, get),
  }));
  const unsubscribe = port.subscribe(replyHandler(connection, store));

  if (options.start ?? true) {
    // If the worker refuses these options (a bad address), the error handler starts the defaults.
    connection.pendingRun = { previous: defaultRunOptions, isImport: false };
    port.post({ type: 'init', options: store.getState().runOptions });
  }

  return {
    ...store,
    requestFrame: (elapsedMs) => {
      if (connection.framePending) return false;
      connection.framePending = true;
      port.post({ type: 'frame', elapsedMs });
      return true;
    },
    dispose: () => {
      unsubscribe();
      for (const pending of connection.exports.splice(0)) pending.reject(new Error('The simulation connection was closed.'));
    },
  };
}

type ActionKey = { [K in keyof AppState]: AppState[K] extends (...args: never[]) => unknown ? K : never }[keyof AppState];

function initialState(runOptions: SimulationOptions, display: Display): Omit<AppState, ActionKey> {
  return {
    ...initialLessonFields,
    view: null,
    timeline: { tick: 0, maxTick: 0, playing: false, ticksPerSecond: speedTicksPerSecondDefault, achievedTicksPerSecond: 0, behind: false },
    events: [],
    runOptions,
    annotations: noAnnotations,
    breakpointHits: [],
    breakpointStop: null,
    expectationResults: [],
    scenarioProblem: null,
    lastJump: null,
    comparison: null,
    comparedStates: null,
    tape: null,
    diagram: null,
    branches: initialBranchListing,
    runRevision: 0,
    selectedNode: null,
    selectedMessage: null,
    eventFilter: { topics: [], node: null },
    theme: display.theme,
    largeType: display.largeType,
    locale: display.locale,
    legendOpen: false,
    helpOpen: false,
    logFrom: 0,
    lastOutcome: null,
    pendingAct: null,
    error: null,
    importStatus: null,
  };
}

function playbackActions({ port }: Connection, get: GetState, set: SetState): Pick<AppState, 'play' | 'playUntil' | 'pause' | 'togglePlay' | 'step' | 'stepBack' | 'nextEvent' | 'seek' | 'setSpeed' | 'jump' | 'compare' | 'compareStates'> {
  return {
    play: () => port.post({ type: 'play' }),
    playUntil: (tick, withinMs) => port.post(withinMs === undefined ? { type: 'play', until: tick } : { type: 'play', until: tick, withinMs }),
    pause: () => port.post({ type: 'pause' }),
    togglePlay: () => port.post({ type: get().timeline.playing ? 'pause' : 'play' }),
    step: (ticks = 1) => port.post({ type: 'step', ticks }),
    stepBack: (ticks = 1) => port.post({ type: 'step-back', ticks }),
    nextEvent: () => port.post({ type: 'next-event' }),
    jump: (request) => port.post({ type: 'jump', request }),
    compare: (change) => {
      set({ comparison: { change, pending: true, until: get().timeline.maxTick, divergence: null } });
      port.post({ type: 'compare', change });
    },
    compareStates: (change) => port.post({ type: 'compare-states', change }),
    seek: (tick) => port.post({ type: 'seek', tick }),
    setSpeed: (ticksPerSecond) => port.post({ type: 'set-speed', ticksPerSecond }),
  };
}

function postViewRequest({ port }: Connection, get: GetState): void {
  port.post({ type: 'set-view', request: viewRequest(get()) });
}

/** Clears what belonged to the old run, once a new one (with these options) replaces it. */
function forgetOldRun(connection: Connection, set: SetState, get: GetState, options: SimulationOptions): void {
  const state = get();
  const keepNode = state.selectedNode === null || state.selectedNode <= (options.nodes ?? coreDefaultNodeCount);
  set({ runOptions: options, selectedNode: keepNode ? state.selectedNode : null, selectedMessage: null, lastOutcome: null, pendingAct: null, error: null, importStatus: null, logFrom: 0, breakpointStop: null, tape: null, diagram: null, comparedStates: null });
  if (state.logFrom !== 0 || !keepNode || state.selectedMessage !== null) postViewRequest(connection, get);
}

/** Replacing or saving the run (acting on it: act-actions.ts). */
function runActions(connection: Connection, set: SetState, get: GetState, startOptions: SimulationOptions): Pick<AppState, 'reset' | 'startFresh' | 'exportRun' | 'reportError'> {
  const { port } = connection;
  const reset = (runOptions: SimulationOptions): void => {
    connection.pendingRun = { previous: get().runOptions, isImport: false };
    forgetOldRun(connection, set, get, runOptions);
    port.post({ type: 'init', options: runOptions });
  };
  return {
    reset,
    startFresh: () => reset(startOptions),
    exportRun: () =>
      new Promise<Run>((resolve, reject) => {
        connection.exports.push({ resolve, reject });
        port.post({ type: 'export-run' });
      }),
    reportError: (notice) => set({ error: notice }),
  };
}

/** Importing a run from a file, a permalink or the autosave: the current run stays until the worker's 'import-done'. */
function importActions(connection: Connection, set: SetState, get: GetState): Pick<AppState, 'importRun' | 'openRun' | 'openScenario' | 'clearScenarioProblem' | 'cancelImport' | 'dismissImportNotice'> {
  const { port } = connection;
  return {
    importRun: (run, fileName = null) => {
      connection.pendingRun = { previous: get().runOptions, isImport: true };
      set({ importStatus: { phase: 'replaying', fileName, done: 0, total: 0 }, error: null });
      port.post({ type: 'import-run', run });
    },
    openRun: (run, from) => {
      connection.pendingRun = { previous: get().runOptions, isImport: true, from };
      // The banner may already name the address's problems: they stay.
      set({ importStatus: { phase: 'replaying', fileName: null, done: 0, total: 0, from } });
      port.post({ type: 'import-run', run });
    },
    openScenario: (text, { name, inDialog }) => {
      const from: OpenedFrom = { kind: 'scenario', name, inDialog };
      connection.pendingRun = { previous: get().runOptions, isImport: true, from };
      set({ importStatus: { phase: 'replaying', fileName: null, done: 0, total: 0, from }, scenarioProblem: null });
      port.post({ type: 'open-scenario', text });
    },
    clearScenarioProblem: () => set({ scenarioProblem: null }),
    cancelImport: () => {
      if (get().importStatus?.phase === 'replaying') port.post({ type: 'cancel-import' });
    },
    dismissImportNotice: () => set({ importStatus: null }),
  };
}

/** Selection, filters and the other screen state; selections also update the view request. */
function screenActions(
  connection: Connection,
  set: SetState,
  get: GetState,
): Pick<AppState, 'selectNode' | 'selectMessage' | 'setEventFilter' | 'setTheme' | 'setLargeType' | 'setLocale' | 'setLegendOpen' | 'setHelpOpen' | 'setLogFrom' | 'dismissError'> {
  return {
    // A node and a message are alternatives in one inspector: selecting one clears the other.
    selectNode: (id) => {
      set(id === null ? { selectedNode: null } : { selectedNode: id, selectedMessage: null });
      postViewRequest(connection, get);
    },
    selectMessage: (id) => {
      if (id === get().selectedMessage) return;
      set(id === null ? { selectedMessage: null } : { selectedMessage: id, selectedNode: null });
      // The worker sends the selected message's payload in full (others travel without it).
      postViewRequest(connection, get);
    },
    setEventFilter: (eventFilter) => set({ eventFilter }),
    setTheme: (theme) => set({ theme }),
    setLargeType: (largeType) => set({ largeType }),
    setLocale: (locale) => set({ locale }),
    setLegendOpen: (legendOpen) => set({ legendOpen }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setLogFrom: (index) => {
      set({ logFrom: Math.max(0, Math.floor(index)) });
      postViewRequest(connection, get);
    },
    dismissError: () => set({ error: null }),
  };
}

/** The run's breakpoints: kept in its annotations, so they travel with it (the worker exports them). */
function breakpointActions({ port }: Connection, set: SetState, get: GetState): Pick<AppState, 'setBreakpoints'> {
  return {
    setBreakpoints: (breakpoints) => {
      set({ annotations: { ...get().annotations, breakpoints } });
      port.post({ type: 'set-breakpoints', breakpoints });
    },
  };
}

/** The run's branches live in the worker; the listing comes back as 'branches'. */
/** The space-time diagram reads windows of the run from the worker. */
function diagramActions({ port }: Connection): Pick<AppState, 'requestDiagram'> {
  return { requestDiagram: (from, to) => port.post({ type: 'diagram', from, to }) };
}

function branchActions({ port }: Connection): Pick<AppState, 'switchBranch' | 'renameBranch' | 'deleteBranch'> {
  return {
    switchBranch: (id, tick) => port.post({ type: 'switch-branch', id, ...(tick === undefined ? {} : { tick }) }),
    renameBranch: (id, name) => port.post({ type: 'rename-branch', id, name }),
    deleteBranch: (id) => port.post({ type: 'delete-branch', id }),
  };
}

type ReplyHandler = (message: FromWorker) => void;
type ReplyHandlers = { readonly [K in FromWorker['type']]: (message: Extract<FromWorker, { type: K }>) => void };

/** Turns the worker's replies into state, settling the connection's pending frame, run and exports. */
function replyHandler(connection: Connection, store: StoreApi<AppState>): ReplyHandler {
  const handlers: ReplyHandlers = {
    frame: (message) => {
      connection.framePending = false;
      if (message.resetEvents && connection.pendingRun?.isImport === false) {
        connection.pendingRun = null;
        bumpRunRevision(store);
      }
      // After a jump (a seek, a new run) nothing is shared: message ids may mean other messages.
      if (message.resetEvents) connection.decoder = createViewDecoder();
      const view = connection.decoder.decode(message.view);
      store.setState((state) => ({ view, timeline: message.timeline, events: mergeEvents(state.events, message.events, message.resetEvents) }));
      if (message.resetEvents) forgetMissingNodes(connection, store, view);
      // After a jump in time the last outcome ("Node 2 crashed") no longer describes the ticks shown.
      if (message.resetEvents && store.getState().lastOutcome !== null) store.setState({ lastOutcome: null });
    },
    'action-result': (message) => {
      if (message.result.ok) bumpRunRevision(store);
      settleAct(connection.acts, message, store.setState, store.getState);
    },
    run: (message) => connection.exports.shift()?.resolve(message.run),
    annotations: (message) => {
      store.setState({ annotations: message.annotations });
      bumpRunRevision(store);
    },
    lesson: ({ script }) => store.setState(lessonArrived(connection, script, store.getState)),
    expectations: (message) => store.setState({ expectationResults: message.results }),
    'jump-result': (message) => store.setState({ lastJump: { request: message.request, tick: message.tick } }),
    'compare-result': (message) => store.setState({ comparison: { change: message.change, pending: false, until: message.until, divergence: message.divergence } }),
    'compare-states': ({ change, tick, nodes }) => store.setState({ comparedStates: { change, tick, nodes } }),
    tape: ({ tape }) => store.setState({ tape }),
    diagram: ({ window }) => store.setState({ diagram: window }),
    'breakpoint-hit': ({ index, tick, event }) =>
      store.setState((state) => ({ breakpointStop: { index, tick, event, kind: state.annotations.breakpoints[index]?.breakpoint.kind ?? null } })),
    'breakpoint-hits': ({ hits }) => store.setState({ breakpointHits: hits }),
    branches: ({ listing }) => {
      store.setState({ branches: listing });
      // What the run is changed (a fork, a switch, a rename or a delete), not only where it is.
      bumpRunRevision(store);
    },
    error: (message) => runRefused(connection, store, message),
    ...importReplies(connection, store),
  };
  return (message) => (handlers[message.type] as ReplyHandler)(message);
}

/** An error reply: puts a refused run's options back, or starts the defaults if no run is shown yet. */
function runRefused(connection: Connection, store: StoreApi<AppState>, { message, field, problem }: Extract<FromWorker, { type: 'error' }>): void {
  // Frames never fail, but a worker that reports an internal error may not answer the frame.
  connection.framePending = false;
  const revert = connection.pendingRun;
  connection.pendingRun = null;
  const state = store.getState();
  const refusal: Refusal = {
    refused: revert === null ? 'command' : revert.isImport ? 'import' : 'run',
    message,
    field,
    problem: problem ?? null,
    ...(revert?.from === undefined ? {} : { from: revert.from }),
  };
  const from = revert?.from;
  if (problem?.code === 'scenario' && from?.kind === 'scenario' && from.inDialog) {
    // The dialog shows every error beside the text; the run on screen stays as it was.
    store.setState({ scenarioProblem: { name: from.name, stage: problem.stage, errors: problem.errors }, runOptions: revert!.previous, importStatus: null });
  } else if (revert === null) {
    store.setState({ error: { kind: 'refused', refusal } });
  } else if (state.view === null && state.runOptions !== defaultRunOptions) {
    // The first run failed (e.g. options from the address): never leave the app without a run.
    connection.pendingRun = { previous: defaultRunOptions, isImport: false };
    store.setState({ error: { kind: 'defaults', refusal, earlier: state.error }, runOptions: defaultRunOptions, importStatus: null });
    connection.port.post({ type: 'init', options: defaultRunOptions });
  } else {
    store.setState({ error: { kind: 'refused', refusal }, runOptions: revert.previous, importStatus: null });
  }
}

/** The replies that settle an import: progress, done (the new run's frame follows) or cancelled. */
function importReplies(connection: Connection, store: StoreApi<AppState>): Pick<ReplyHandlers, 'import-progress' | 'import-done' | 'import-cancelled'> {
  return {
    'import-progress': ({ done, total }) => {
      const status = store.getState().importStatus;
      if (status?.phase === 'replaying') store.setState({ importStatus: { ...status, done, total } });
    },
    'import-done': ({ options, actions, tick }) => {
      const status = store.getState().importStatus;
      const from = connection.pendingRun?.from;
      connection.pendingRun = null;
      forgetOldRun(connection, store.setState, store.getState, options);
      store.setState({ importStatus: { phase: 'done', fileName: status?.fileName ?? null, actions, tick, ...(from === undefined ? {} : { from }) } });
      bumpRunRevision(store);
    },
    'import-cancelled': () => {
      connection.pendingRun = null;
      store.setState({ importStatus: null });
    },
  };
}

/** The run itself changed (see AppState.runRevision). */
function bumpRunRevision(store: StoreApi<AppState>): void {
  store.setState((state) => ({ runRevision: state.runRevision + 1 }));
}

/** After a new run with fewer nodes, forgets the node choices (inspector, event filter) that no longer exist. */
function forgetMissingNodes(connection: Connection, store: StoreApi<AppState>, view: ClusterView): void {
  const state = store.getState();
  const exists = (id: number | null): boolean => id === null || view.nodes.some((node) => node.id === id);
  const keepsFilter = exists(state.eventFilter.node);
  const keepsSelection = exists(state.selectedNode);
  if (keepsFilter && keepsSelection) return;
  store.setState({ eventFilter: keepsFilter ? state.eventFilter : { ...state.eventFilter, node: null }, selectedNode: keepsSelection ? state.selectedNode : null });
  if (!keepsSelection) postViewRequest(connection, store.getState);
}

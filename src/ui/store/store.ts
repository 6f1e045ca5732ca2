/**
 * The app's one zustand store, vanilla (no React): it owns the connection to the simulation
 * worker through a SimPort, turns replies into state, and turns user actions into commands.
 * Components read it through store-context.tsx; tests drive it with a fake port.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { NodeId, SimEvent, SimulationOptions } from '../../core/index.ts';
import { eventBufferMax, logWindowCountDefault, speedTicksPerSecondDefault } from '../../protocol/worker-protocol.ts';
import type { FromWorker, Run, ToWorker, ViewRequest } from '../../protocol/worker-protocol.ts';
import { decodeView } from '../../protocol/wire-view.ts';
import type { AppState } from './app-state.ts';

/** The two-way channel to the simulation: a real Worker (worker-port.ts) or an in-process one. */
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

type ReplyHandler = (message: FromWorker) => void;

export function makeAppStore(port: SimPort, options: { runOptions?: SimulationOptions; start?: boolean } = {}): AppStore {
  let framePending = false;
  let requestId = 0;
  const exports: { resolve: (run: Run) => void; reject: (error: Error) => void }[] = [];
  /**
   * A new run (reset or import) not yet confirmed: the first reply that ends it is either its
   * frame (resetEvents) or an error, which puts the previous options back.
   */
  let pendingRun: { previous: SimulationOptions } | null = null;

  const store = createStore<AppState>()((set, get) => {
    const post = (message: ToWorker): void => port.post(message);
    const postViewRequest = (): void => post({ type: 'set-view', request: viewRequest(get()) });
    const beginRun = (options: SimulationOptions | null): void => {
      pendingRun = { previous: get().runOptions };
      const state = get();
      const keepNode = options === null || state.selectedNode === null || state.selectedNode <= (options.nodes ?? coreDefaultNodeCount);
      set({ runOptions: options ?? state.runOptions, selectedNode: keepNode ? state.selectedNode : null, selectedMessage: null, partitionPick: [], lastOutcome: null, error: null, logFrom: 0 });
      if (state.logFrom !== 0 || !keepNode || state.selectedMessage !== null) postViewRequest();
    };
    return {
      view: null,
      timeline: { tick: 0, maxTick: 0, playing: false, ticksPerSecond: speedTicksPerSecondDefault },
      events: [],
      runOptions: options.runOptions ?? defaultRunOptions,
      selectedNode: null,
      selectedMessage: null,
      partitionPick: [],
      eventFilter: { topics: [], node: null },
      theme: 'light',
      helpOpen: false,
      logFrom: 0,
      lastOutcome: null,
      error: null,

      play: () => post({ type: 'play' }),
      pause: () => post({ type: 'pause' }),
      togglePlay: () => post({ type: get().timeline.playing ? 'pause' : 'play' }),
      step: (ticks = 1) => post({ type: 'step', ticks }),
      stepBack: (ticks = 1) => post({ type: 'step-back', ticks }),
      nextEvent: () => post({ type: 'next-event' }),
      seek: (tick) => post({ type: 'seek', tick }),
      setSpeed: (ticksPerSecond) => post({ type: 'set-speed', ticksPerSecond }),

      act: (action) => {
        requestId += 1;
        post({ type: 'act', action, requestId });
      },
      reset: (runOptions) => {
        beginRun(runOptions);
        post({ type: 'init', options: runOptions });
      },
      exportRun: () =>
        new Promise<Run>((resolve, reject) => {
          exports.push({ resolve, reject });
          post({ type: 'export-run' });
        }),
      importRun: (run) => {
        const given = typeof run === 'object' && run !== null ? (run as { options?: unknown }).options : undefined;
        beginRun(typeof given === 'object' && given !== null ? given : null);
        post({ type: 'import-run', run });
      },

      selectNode: (id) => {
        set({ selectedNode: id });
        postViewRequest();
      },
      selectMessage: (id) => {
        if (id === get().selectedMessage) return;
        set({ selectedMessage: id });
        // The worker sends the selected message's payload in full (others travel without it).
        postViewRequest();
      },
      togglePartitionPick: (id: NodeId) => {
        const pick = get().partitionPick;
        set({ partitionPick: pick.includes(id) ? pick.filter((picked) => picked !== id) : [...pick, id] });
      },
      clearPartitionPick: () => set({ partitionPick: [] }),
      setEventFilter: (eventFilter) => set({ eventFilter }),
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      setLogFrom: (index) => {
        set({ logFrom: Math.max(0, Math.floor(index)) });
        postViewRequest();
      },
      dismissError: () => set({ error: null }),
    };
  });

  const handlers: { readonly [K in FromWorker['type']]: (message: Extract<FromWorker, { type: K }>) => void } = {
    frame: (message) => {
      framePending = false;
      if (message.resetEvents) pendingRun = null;
      const view = decodeView(message.view);
      store.setState((state) => ({ view, timeline: message.timeline, events: mergeEvents(state.events, message.events, message.resetEvents) }));
    },
    'action-result': (message) => store.setState({ lastOutcome: message.result }),
    run: (message) => exports.shift()?.resolve(message.run),
    error: (message) => {
      // Frames never fail, but a worker that reports an internal error may not answer the frame.
      framePending = false;
      const revert = pendingRun;
      pendingRun = null;
      store.setState(revert === null ? { error: message.message } : { error: message.message, runOptions: revert.previous });
    },
  };
  const onReply: ReplyHandler = (message) => (handlers[message.type] as ReplyHandler)(message);
  const unsubscribe = port.subscribe(onReply);

  if (options.start ?? true) port.post({ type: 'init', options: store.getState().runOptions });

  return {
    ...store,
    requestFrame: (elapsedMs) => {
      if (framePending) return false;
      framePending = true;
      port.post({ type: 'frame', elapsedMs });
      return true;
    },
    dispose: () => {
      unsubscribe();
      for (const pending of exports.splice(0)) pending.reject(new Error('The simulation connection was closed.'));
    },
  };
}

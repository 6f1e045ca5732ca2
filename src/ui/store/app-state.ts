/**
 * The shape of the app's one zustand store: the latest frame from the worker, what the user has
 * selected, and the actions the UI can take. Actions post commands to the worker (through the
 * protocol) or change UI-only state; components never compute Raft.
 */
import type { Action, ClusterView, NodeId, SimEvent, SimulationOptions, Tick, Topic } from '../../core/index.ts';
import type { ActionOutcome, Run, TimelineState } from '../../protocol/worker-protocol.ts';

export type Theme = 'light' | 'dark';

export interface EventFilter {
  /** Topics shown; all when empty. */
  readonly topics: readonly Topic[];
  /** Only events of this node, or all nodes. */
  readonly node: NodeId | null;
}

export interface AppState {
  /** The latest view of the cluster (null until the worker's first frame). */
  readonly view: ClusterView | null;
  readonly timeline: TimelineState;
  /** Recent events, oldest first, bounded by eventBufferMax. */
  readonly events: readonly SimEvent[];
  /** The options the current run was started with. */
  readonly runOptions: SimulationOptions;

  readonly selectedNode: NodeId | null;
  readonly selectedMessage: number | null;
  readonly eventFilter: EventFilter;
  readonly theme: Theme;
  readonly helpOpen: boolean;
  /** The first index shown in the log view; the worker sends entries from there. */
  readonly logFrom: number;
  /** The outcome of the last action, e.g. "Node 2 refused: not leader, try node 3". */
  readonly lastOutcome: ActionOutcome | null;
  /** The last error the worker reported, shown until dismissed. */
  readonly error: string | null;

  // Playback
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly step: (ticks?: number) => void;
  readonly stepBack: (ticks?: number) => void;
  readonly nextEvent: () => void;
  readonly seek: (tick: Tick) => void;
  readonly setSpeed: (ticksPerSecond: number) => void;
  // The cluster
  readonly act: (action: Action) => void;
  /** Starts a new run with these options (the caller confirms discarding the current one). */
  readonly reset: (options: SimulationOptions) => void;
  /** The current run as data, for saving to a file. */
  readonly exportRun: () => Promise<Run>;
  /**
   * Replaces the current run with one loaded from a file (parsed JSON, checked by the worker). If
   * the file is not a valid run, `error` says what is wrong and the current run stays.
   */
  readonly importRun: (run: unknown) => void;
  // UI state
  readonly selectNode: (id: NodeId | null) => void;
  readonly selectMessage: (id: number | null) => void;
  readonly setEventFilter: (filter: EventFilter) => void;
  readonly setTheme: (theme: Theme) => void;
  readonly setHelpOpen: (open: boolean) => void;
  readonly setLogFrom: (index: number) => void;
  readonly dismissError: () => void;
}

/** The app's frame: header, status bar, playback controls, help, banners (English, the source catalogue). */
import type { SafetyProperty } from '../../../core/index.ts';
import type { ShortcutCommand } from '../../hooks/shortcuts.ts';
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const app = {
  header: {
    tagline: 'A real Raft cluster, simulated tick by tick. Break it and watch it recover.',
    largeType: 'Large type',
    largeTypeHint: 'Larger type everywhere, for a projector (G)',
    darkTheme: 'Dark theme',
    lightTheme: 'Light theme',
    shortcuts: 'Keyboard shortcuts',
  },
  /** The status line under the header (counts are shown as the worker sends them, ungrouped). */
  status: {
    region: 'Status',
    tick: 'Tick',
    currentTick: 'Current tick',
    /** Simulated time under the tick: "2.966 s simulated" (`seconds` already has its decimals). */
    simulated: (seconds: string) => `${seconds} s simulated`,
    leader: 'Leader',
    noLeader: 'none',
    electionPending: 'election pending',
    term: (term: number) => `term ${term}`,
    /** The tooltip of an RPC's count: "MsgVote: RequestVote requests and replies". */
    rpcTitle: (type: string, name: string) => `${type}: ${name} requests and replies`,
    lost: (count: number) => `${count} lost`,
    committed: 'Committed',
    elections: (count: number) => `${count} elections`,
    /** The violation banner: "Safety violated: Election Safety" (in bold), then where and what. */
    violated: (property: string) => `Safety violated: ${property}`,
    /** Follows `violated` directly, so it starts with its own space. */
    violationAt: (tick: number, detail: string) => ` at tick ${tick}: ${detail}`,
    moreViolations: (count: number) => ` (and ${count} more)`,
    goToTick: (tick: number) => `Go to tick ${tick}`,
    /** The safety properties the checker watches, by the names of the Raft paper (Figure 3). */
    safetyProperty: {
      'One Vote per Term': 'One Vote per Term',
      'Election Safety': 'Election Safety',
      'Leader Append-Only': 'Leader Append-Only',
      'Log Matching': 'Log Matching',
      'Leader Completeness': 'Leader Completeness',
      'Volatile State': 'Volatile State',
      'One Change at a Time': 'One Change at a Time',
      'State Machine Safety': 'State Machine Safety',
    } satisfies Record<SafetyProperty, string>,
  },
  /** The playback toolbar. */
  controls: {
    toolbar: 'Playback',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Step back',
    stepBackHint: 'Step back one tick (←)',
    step: 'Step',
    stepHint: 'Advance one tick (→)',
    nextEvent: 'Next event',
    nextEventHint: 'Run to the next delivery, timer or state change (N)',
    /** What Next event will run, shown beside it while paused. */
    next: {
      at: (tick: number, what: string) => `Next, at tick ${tick}: ${what}`,
      delivery: (name: string, from: number, to: number) => `deliver ${name} ${from}→${to}`,
      lost: (name: string, from: number, to: number) => `${name} ${from}→${to} is lost on arrival`,
      electionTimeout: (node: number) => `election timeout on node ${node}`,
      heartbeat: (node: number) => `leader ${node}'s heartbeat`,
      clientPut: 'the steady client’s next put',
      action: (type: string) => `an action recorded in the run (${type})`,
      nothing: 'Nothing is due: no message in flight and no timer running',
    },
    time: 'Time',
    timeline: 'Timeline',
    timelineValue: (tick: number, maxTick: number) => `tick ${tick} of ${maxTick}`,
    speed: 'Speed',
    /** A speed, its number already shortened: "100", "32k", "1M". */
    ticksPerSecond: (speed: string) => `${speed} ticks/s`,
    speedReached: 'Speed reached',
    speedReachedHint: 'The speed playback reaches on this machine',
    reaching: (speed: string) => `reaching ${speed}`,
    reachingOnly: (speed: string) => `⚠ reaching only ${speed}`,
  },
  /** The keyboard shortcuts dialog ("?"). */
  help: {
    title: 'Keyboard shortcuts',
    note: 'Click a node (or press its number) to inspect it; click a message in flight to see its fields; click an event to jump to its tick. Acting in the past forks the timeline: the old future is dropped.',
    close: 'Close',
  },
  /** What each shortcut does, as the help dialog lists it (hooks/shortcuts.ts has the keys). */
  shortcuts: {
    'toggle-play': 'Play or pause',
    step: 'Step one tick',
    'step-back': 'Step back one tick',
    'next-event': 'Run to the next event',
    'select-node': 'Select node 1 to 9',
    'crash-or-restart': 'Crash the selected node, or restart it if crashed',
    'transfer-leadership': 'Hand the leadership over to the selected node (Transfer leadership)',
    isolate: 'Isolate the selected node',
    heal: 'Heal the network',
    faster: 'Faster',
    slower: 'Slower',
    'seek-start': 'Go to the start of the run',
    'seek-end': 'Go to the end of the run',
    theme: 'Switch light and dark theme',
    legend: 'Show or hide the legend of the cluster view',
    'large-type': 'Large type on or off (for a projector)',
    help: 'Show this help',
    escape: 'Close help, clear the selection',
  } satisfies Record<ShortcutCommand, string>,
  /** The question before acting in the past when no branch place is left, so acting discards the ticks after the current one. */
  actConfirm: {
    title: (tick: number) => `Act at tick ${f.count(tick)}?`,
    noBranchLeft: (limit: number) => `A run keeps at most ${f.count(limit)} ${f.plural(limit, { one: 'branch', other: 'branches' })}, and all are in use: this future cannot become a branch (delete one under Branches to keep it).`,
    nothingDiscarded: 'This is the end of the run now: nothing is discarded.',
    discardsTick: (tick: number) => `This discards tick ${f.count(tick)}.`,
    discardsTicks: (first: number, last: number) => `This discards ticks ${f.count(first)}–${f.count(last)}.`,
    confirm: 'Discard the future and act',
    cancel: 'Cancel',
  },
  /**
   * The banner under the controls. What the worker refused is said as it said it: English gives the
   * detail alone (as it always has), other languages frame the detail, which stays English.
   */
  notice: {
    dismiss: 'Dismiss',
    /** Several notices in one banner, in order. */
    sentences: (parts: readonly string[]) => parts.join(' '),
    importRefused: (detail: string) => detail,
    runRefused: (detail: string) => detail,
    commandRefused: (detail: string) => detail,
    /** The first run's options were refused: `cause` says why. */
    defaultsInstead: (cause: string) => `${cause}: started with the default settings instead.`,
    internal: (detail: string) => `Internal error in the simulation: ${detail}`,
    workerFailed: (detail: string) => `The simulation worker failed: ${detail}`,
    workerDidNotStart: 'The simulation worker failed: it could not start',
    unreadableReply: 'A message from the simulation worker could not be read.',
  },
};

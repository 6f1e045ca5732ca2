/**
 * Raftlab's headless entry: a deterministic Raft cluster simulation with no DOM and no Worker.
 * See docs/headless-api.md.
 */
export { createSimulation, replay, Simulation } from './simulation.ts';
export { defaultTimelineLimits, Timeline } from './timeline.ts';
export { BranchTree, branchLimitDefault, branchNameLengthMax, checkBranch } from './branch-tree.ts';
export type { Branch, BranchActResult } from './branch-tree.ts';
export { breakpointAllowed, breakpointKey, breakpointKinds, breakpointTopic, matchesBreakpoint, sameBreakpoint, validateBreakpoint, voteRefusals } from './breakpoints.ts';
export type { Breakpoint, BreakpointHit, BreakpointKind } from './breakpoints.ts';
export type { VoteRefusal } from './raft/events.ts';
export { advanceWithFaults } from './chaos.ts';
export type { FaultTarget } from './chaos.ts';
export { newFaultSchedule, nextFaultTick, noFaults, takeFaults } from './sim/faults.ts';
export type { FaultOptions, FaultSchedule } from './sim/faults.ts';
export type { TimelineLimits } from './timeline.ts';
export type { ActionRecorder, CommittedAt, NodeState, PersistedState, TimedAction } from './simulation.ts';
export type { Action, ActionResult, ActionType, Proposal } from './sim/actions.ts';
export { timerTicksMax } from './sim/actions.ts';
export { firstDivergence } from './compare.ts';
export type { Divergence, RunToCompare } from './compare.ts';
export type { NextEvent } from './sim/time.ts';
export type { Violation, SafetyProperty } from './sim/checker.ts';
export { safetyProperties } from './sim/checker.ts';
export type { Stall, StallKind } from './sim/stall.ts';
export { stallKinds } from './sim/stall.ts';
export type { Halt } from './sim/halt.ts';
export { SimulationInputError } from './sim/errors.ts';
export { defaultNetworkConfig, defaultRaftConfig, defaultWorkload, nodeCountMax } from './sim/options.ts';
export type { NetworkConfig, ResolvedOptions, SimulationOptions, Workload } from './sim/options.ts';
export type { Stats, CountByType } from './sim/stats.ts';
export type { ClusterView, LogView, MessageView, NodeView, ProgressView, ViewOptions } from './view.ts';
export type { SimEvent, SimEventType, Topic, NodeEvent, WorldEvent, DropReason } from './sim/events.ts';
export { topics, topicOf } from './sim/events.ts';
export { anyUnsafe, isUnsafeSwitch, unsafeConfig, unsafeSwitchBreaks, unsafeSwitchField, unsafeSwitchesOn, unsafeSwitchNames } from './raft/unsafe.ts';
export type { UnsafeField, UnsafeSwitch } from './raft/unsafe.ts';
export type { Command, Entry, HardState, LogIndex, NodeId, RaftConfig, Role, Snapshot, Term, Tick } from './raft/types.ts';
export type { Message, RemoteMessage, RemoteMessageType } from './raft/message.ts';
export { paperName, remoteMessageTypes } from './raft/message.ts';
export type { ProposeResult } from './raft/step-leader.ts';
export { describeCommand, describeMessage } from './describe.ts';
export { checkLinearizable, linearizabilityBudgetDefault } from './linearizability.ts';
export type { HistoryEntry, KvOperation, LinearizabilityVerdict } from './linearizability.ts';
export { fuzzSeed, fuzzRunOptions, fuzzTicksDefault } from './fuzz/fuzz-seed.ts';
export type { FuzzFailure, FuzzFailureKind, FuzzOptions, FuzzResult } from './fuzz/fuzz-seed.ts';
export { HistoryRecorder } from './fuzz/history.ts';
export { minimiseRun, replayJudged } from './fuzz/minimise.ts';
export type { FailingRun, MinimisedRun, MinimiseOptions } from './fuzz/minimise.ts';

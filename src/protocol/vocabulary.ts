/**
 * The core's words for messages and commands, for both sides of the worker boundary. The UI
 * imports core data types only, so the few pure functions that name things (one canonical text
 * per message and command, the paper's RPC names) reach it through here, never as copies.
 */
export { describeCommand, describeMessage, paperName, sameCommand } from '../core/index.ts';
/** The broken-Raft switches, in their order, and how to read which a run has on. */
export { unsafeSwitchField, unsafeSwitchNames, unsafeSwitchesOn } from '../core/index.ts';
/** Lease reads: the share of clock drift a lease allows for (raft/read-index.ts), as the settings hint states it. */
export { leaseDriftBound } from '../core/index.ts';

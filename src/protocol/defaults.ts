/**
 * The core's default options, for both sides of the worker boundary: the UI checks options that
 * leave some fields out (an address with only `electionMin=`) against the values the core will
 * fill in, without copying them; and the longest a timer may be set to (Set timer's field).
 */
export { defaultNetworkConfig, defaultRaftConfig, defaultWorkload, timerTicksMax } from '../core/index.ts';

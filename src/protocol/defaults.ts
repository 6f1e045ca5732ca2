/**
 * The core's default options, for both sides of the worker boundary: the UI checks options that
 * leave some fields out (an address with only `electionMin=`) against the values the core will
 * fill in, without copying them.
 */
export { defaultNetworkConfig, defaultRaftConfig, defaultWorkload } from '../core/index.ts';

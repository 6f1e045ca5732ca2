/**
 * What a scenario may ask for, so that a file (or a pasted text) cannot hang the parser, the
 * worker or the CLI. The action and tick limits are the run file's (src/worker/run-file.ts
 * runActionsMax and runTickMax), copied by value because the scenario layer may not import the
 * worker; tests/unit/scenario/limits.test.ts checks that they stay equal.
 */

/** Most characters of scenario text: room for 100,000 actions of 100 characters each. */
export const scenarioCharsMax = 10_000_000;

/** Most actions a scenario may hold (the run file's runActionsMax). */
export const scenarioActionsMax = 100_000;

/** The latest tick a scenario may name (the run file's runTickMax). */
export const scenarioTickMax = 10_000_000;

/**
 * Most expectations: each is checked at every tick where something it depends on changed, so
 * their number multiplies the cost of evaluating a run.
 */
export const scenarioExpectationsMax = 1_000;

/** Parsing stops collecting errors after this many: one typo should not bury the rest. */
export const scenarioErrorsMax = 100;

/**
 * With no `run until`, a scenario runs this many ticks past its latest timed line or deadline:
 * about two election timeouts, so what the last action set off (an election, a catch-up) can
 * finish and the always/never expectations see it.
 */
export const impliedEndMargin = 1_000;

/** Most breakpoints (the run file's breakpointsMax, src/protocol/worker-protocol.ts). */
export const breakpointsMax = 100;

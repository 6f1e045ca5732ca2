/** One fuzz worker per core, less one for the simulation the page shows; at least one, at most eight. */
export function defaultFuzzWorkers(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(8, cores - 1));
}

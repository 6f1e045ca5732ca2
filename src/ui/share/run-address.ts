/**
 * The page address that describes a run: its options as plain parameters in the query
 * (`?nodes=9&seed=3`, defaults left out, every other parameter such as lang, large or embed kept
 * as it was) and, unless the run is nothing but those options, the whole run as a permalink in
 * the fragment (`#run=1.…`). A run whose permalink would be longer than permalinkCharsMax keeps
 * only the query: the address then starts the same cluster, not the same run (docs/runs.md).
 *
 * Why the fragment: browsers never send it to the server, so a run stays out of server logs and
 * referrers, no server's limit on request lines applies to it, and replacing it never reloads.
 */
import type { SimulationOptions } from '../../core/index.ts';
import { encodePermalink, hashWithPermalink, permalinkCharsMax } from '../../protocol/permalink.ts';
import type { Run } from '../../protocol/worker-protocol.ts';
import { optionParameters, optionsFromSearch, urlParameters } from '../url-options.ts';

/** The parts of a page address this module reads and writes. */
export interface AddressParts {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

export interface RunLink {
  /** The permalink for the fragment, or null when the run is only its options or too long. */
  readonly permalink: string | null;
  /** The permalink's length, in characters, when it was too long for the address; else null. */
  readonly tooLongChars: number | null;
}

export interface RunAddress extends RunLink {
  /** The address to show: path, query and fragment (no origin, as history.replaceState takes it). */
  readonly href: string;
}

const runOptionNames = new Set(urlParameters.map((parameter) => parameter.name));

/** A run with nothing but its options: no action, no annotation (breakpoints included), at tick 0. Its query says it all. */
export function isOptionsOnly(run: Run): boolean {
  const { captions, marks, expectations, breakpoints } = run.annotations;
  return run.actions.length === 0 && run.tick === 0 && captions.length + marks.length + expectations.length + breakpoints.length === 0;
}

/** The query with the run's options in place of the run parameters it had; others (but `scenario`) stay, after them. */
export function searchWithOptions(search: string, options: SimulationOptions): string {
  const params = new URLSearchParams(optionParameters(options));
  // `scenario` asked for the run now on screen: once it is open, the run's own address replaces it.
  for (const [name, value] of new URLSearchParams(search)) if (!runOptionNames.has(name) && name !== 'scenario') params.append(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Whether the address's run parameters describe these options (the autosave's rule: a tab's own
 * save is restored only under an address that asks for the same cluster, or for none).
 */
export function addressAsksFor(search: string, options: SimulationOptions): boolean {
  const key = (pairs: [string, string][]) => pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return key(optionParameters(optionsFromSearch(search).options ?? {})) === key(optionParameters(options));
}

/** The run's permalink, when it needs one and it fits. */
export async function linkForRun(run: Run): Promise<RunLink> {
  if (isOptionsOnly(run)) return { permalink: null, tooLongChars: null };
  const encoded = await encodePermalink(run);
  return encoded.length <= permalinkCharsMax ? { permalink: encoded, tooLongChars: null } : { permalink: null, tooLongChars: encoded.length };
}

/** The address `current` becomes for a run with these options and this link. */
export function hrefForRun(options: SimulationOptions, link: RunLink, current: AddressParts): string {
  return `${current.pathname}${searchWithOptions(current.search, options)}${hashWithPermalink(current.hash, link.permalink)}`;
}

/** The address for a run, with the permalink when it fits. */
export async function addressForRun(run: Run, current: AddressParts): Promise<RunAddress> {
  const link = await linkForRun(run);
  return { ...link, href: hrefForRun(run.options, link, current) };
}

/**
 * Reading scenario text from an address (the dialog's address field, the page's ?scenario=): a
 * preset id, or a URL fetched as text. Bounded: a scenario is at most scenarioBytesMax, and what
 * comes back is only ever text for the scenario parser, never run or shown as HTML.
 */
import { scenarioCharsMax } from '../../scenario/index.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { findPreset } from './presets.ts';

/** The largest scenario read, in bytes or characters: the parser's own limit, checked before the text is read. */
export const scenarioBytesMax = scenarioCharsMax;

/** Why an address gave no scenario, as data (worded by readProblemText). */
export type ReadProblem =
  /** The server answered with an error status. */
  | { readonly kind: 'status'; readonly status: number }
  /** A web page came back (a site that answers every address with its app), not a scenario file. */
  | { readonly kind: 'web-page' }
  /** Not an http(s) address. */
  | { readonly kind: 'protocol'; readonly protocol: string }
  | { readonly kind: 'too-large'; readonly bytes: number }
  /** The address is malformed, or the fetch failed (offline, refused across sites); the browser's words. */
  | { readonly kind: 'failed'; readonly detail: string };

/** `presetId` says the text is a shipped preset's (its name is then its title, in the language on screen). */
export type ScenarioRead = { readonly ok: true; readonly name: string; readonly text: string; readonly presetId: string | null } | { readonly ok: false; readonly problem: ReadProblem };

/** The last path segment of an address, as a name for the user ("split-vote.scn"). */
function nameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter((part) => part !== '').at(-1) ?? url.host);
}

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readScenarioAddress(address: string, base: string, fetcher: typeof fetch = fetch): Promise<ScenarioRead> {
  const preset = findPreset(address.trim());
  if (preset !== null) return { ok: true, name: preset.id, text: preset.text, presetId: preset.id };
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch (error) {
    return { ok: false, problem: { kind: 'failed', detail: detailOf(error) } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: { kind: 'protocol', protocol: url.protocol } };
  try {
    const response = await fetcher(url.href);
    if (!response.ok) return { ok: false, problem: { kind: 'status', status: response.status } };
    if (response.headers.get('content-type')?.includes('text/html') === true) return { ok: false, problem: { kind: 'web-page' } };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > scenarioBytesMax) return { ok: false, problem: { kind: 'too-large', bytes: declared } };
    const text = await response.text();
    if (text.length > scenarioBytesMax) return { ok: false, problem: { kind: 'too-large', bytes: text.length } };
    return { ok: true, name: nameOf(url), text, presetId: null };
  } catch (error) {
    return { ok: false, problem: { kind: 'failed', detail: detailOf(error) } };
  }
}

/** Why reading failed, in the language on screen: "the server answered 404". */
export function readProblemText(m: Messages, problem: ReadProblem): string {
  switch (problem.kind) {
    case 'status':
      return m.scenario.fetchStatus(problem.status);
    case 'web-page':
      return m.scenario.webPage;
    case 'protocol':
      return m.scenario.protocol(problem.protocol);
    case 'too-large':
      return m.scenario.tooLarge(problem.bytes, scenarioBytesMax);
    case 'failed':
      return m.scenario.fetchFailed(problem.detail);
  }
}

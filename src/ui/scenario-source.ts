/**
 * Reading scenario text from an address (the dialog's address field, the page's ?scenario=): a
 * preset id, or a URL fetched as text. Bounded: a scenario is at most scenarioBytesMax, and what
 * comes back is only ever text for the scenario parser, never run or shown as HTML.
 */
import { scenarioCharsMax } from '../scenario/index.ts';
import { findPreset } from './scenario-presets.ts';

/** The largest scenario read, in bytes or characters: the parser's own limit, checked before the text is read. */
export const scenarioBytesMax = scenarioCharsMax;

export type ScenarioRead =
  | { readonly ok: true; readonly name: string; readonly text: string }
  /** `status` is the server's answer when it gave one; else `reason` is the browser's words. */
  | { readonly ok: false; readonly status: number | null; readonly reason: string };

/** The last path segment of an address, as a name for the user ("split-vote.scn"). */
function nameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').filter((part) => part !== '').at(-1) ?? url.host);
}

export async function readScenarioAddress(address: string, base: string, fetcher: typeof fetch = fetch): Promise<ScenarioRead> {
  const preset = findPreset(address.trim());
  if (preset !== null) return { ok: true, name: preset.id, text: preset.text };
  let url: URL;
  try {
    url = new URL(address.trim(), base);
  } catch (error) {
    return { ok: false, status: null, reason: error instanceof Error ? error.message : String(error) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, status: null, reason: url.protocol };
  try {
    const response = await fetcher(url.href);
    if (!response.ok) return { ok: false, status: response.status, reason: response.statusText };
    const text = await response.text();
    if (text.length > scenarioBytesMax) return { ok: false, status: null, reason: `> ${scenarioBytesMax}` };
    return { ok: true, name: nameOf(url), text };
  } catch (error) {
    return { ok: false, status: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

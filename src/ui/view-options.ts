/**
 * How the page is shown, from its address: `embed=1` for an iframe in a course page (the cluster
 * with minimal chrome), `panels=` for which panels an embedded view shows, `autoplay=1` to start
 * playing at once, and `speed=` for the playback speed in ticks per second. Run options (nodes,
 * seed, ...) come from url-options.ts, and the language from i18n/locale.ts (checked here, so a
 * `lang` Raftlab does not speak is reported like any other bad parameter). Bad values are
 * reported and ignored.
 */
import { supportedLocale } from './i18n/locale.ts';
import { speedTicksPerSecondMax, speedTicksPerSecondMin } from '../protocol/worker-protocol.ts';

/** The panels an embedded view can show beside the cluster, in the order they are laid out. */
export const embedPanels = ['controls', 'status', 'log', 'inspector', 'actions', 'events'] as const;
export type EmbedPanel = (typeof embedPanels)[number];

/** What an embedded view shows when the address does not say: the cluster and its playback controls. */
export const defaultEmbedPanels: readonly EmbedPanel[] = ['controls'];

export interface ViewOptions {
  readonly embed: boolean;
  /** The panels of an embedded view (the cluster is always shown). */
  readonly panels: readonly EmbedPanel[];
  readonly autoplay: boolean;
  /** Ticks per second, or null for the app's default. */
  readonly speed: number | null;
}

/** Why a view parameter was ignored (url-options.ts's AddressProblem includes these, and the banner words them). */
export type ViewOptionProblem =
  | { readonly kind: 'switch'; readonly name: string; readonly text: string }
  | { readonly kind: 'panel'; readonly text: string; readonly known: readonly string[] }
  | { readonly kind: 'language'; readonly text: string }
  | { readonly kind: 'invalid'; readonly name: string; readonly type: 'integer'; readonly min: number; readonly max: number; readonly text: string };

/** The names this module reads, so the run options' parser does not call them unknown. */
export const viewParameterNames = ['embed', 'panels', 'autoplay', 'speed'] as const;

function readSwitch(params: URLSearchParams, name: 'embed' | 'autoplay', problems: ViewOptionProblem[]): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  problems.push({ kind: 'switch', name, text: value });
  return false;
}

function readPanels(params: URLSearchParams, problems: ViewOptionProblem[]): readonly EmbedPanel[] {
  const value = params.get('panels');
  if (value === null) return defaultEmbedPanels;
  const chosen = new Set<EmbedPanel>();
  for (const token of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const panel = embedPanels.find((name) => name === token);
    if (panel === undefined) problems.push({ kind: 'panel', text: token, known: embedPanels });
    else chosen.add(panel);
  }
  // In layout order, whatever order the address gave them in.
  return embedPanels.filter((panel) => chosen.has(panel));
}

function readSpeed(params: URLSearchParams, problems: ViewOptionProblem[]): number | null {
  const value = params.get('speed');
  if (value === null) return null;
  const speed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(speed) && speed >= speedTicksPerSecondMin && speed <= speedTicksPerSecondMax) return speed;
  problems.push({ kind: 'invalid', name: 'speed', type: 'integer', min: speedTicksPerSecondMin, max: speedTicksPerSecondMax, text: value });
  return null;
}

export function viewOptionsFromSearch(search: string): { readonly options: ViewOptions; readonly problems: readonly ViewOptionProblem[] } {
  const params = new URLSearchParams(search);
  const problems: ViewOptionProblem[] = [];
  const lang = params.get('lang');
  if (lang !== null && supportedLocale(lang) === null) problems.push({ kind: 'language', text: lang });
  const options = { embed: readSwitch(params, 'embed', problems), panels: readPanels(params, problems), autoplay: readSwitch(params, 'autoplay', problems), speed: readSpeed(params, problems) };
  return { options, problems };
}

/** The full app's address for an embedded view's: the same options, without the embedding ones. */
export function fullAppSearch(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ['embed', 'panels']) params.delete(name);
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}

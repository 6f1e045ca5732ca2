/**
 * The scenarios that ship with the app: src/scenario/presets/<id>.scn, bundled as text at build
 * time (so they work offline and in the single file). Titles and summaries are in the message
 * catalogues (area `presets`, keyed by id), so the list reads in the language on screen; the
 * files' captions are the scenario's own. tests/unit/scenario-files.test.ts runs every preset.
 */
import type { Messages } from '../i18n/catalogue.ts';

const files = import.meta.glob<string>('../../scenario/presets/*.scn', { query: '?raw', import: 'default', eager: true });

export interface ScenarioPreset {
  readonly id: string;
  readonly text: string;
}

/** Every preset, in file-name order. */
export const scenarioPresets: readonly ScenarioPreset[] = Object.entries(files)
  .map(([path, text]) => ({ id: path.replace(/^.*\/([^/]+)\.scn$/, '$1'), text }))
  .sort((a, b) => a.id.localeCompare(b.id));

export function findPreset(id: string): ScenarioPreset | null {
  return scenarioPresets.find((preset) => preset.id === id) ?? null;
}

/** A preset's title in the language on screen (its id, should a catalogue lack it). */
export function presetTitle(m: Messages, id: string): string {
  return (m.presets as Readonly<Record<string, { readonly title: string } | undefined>>)[id]?.title ?? id;
}

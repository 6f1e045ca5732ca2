import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { networkFormKey, parseRunForm, runFormKey, runFormValues } from '../../src/ui/settings-form.ts';

const view = createSimulation({ nodes: 7, seed: 12, raft: { electionTimeoutTicksMin: 200, entriesPerAppendMax: 8 }, network: { dropRatio: 0.2 } }).view();
const source = { raft: view.raft, nodeCount: view.nodes.length, seed: view.seed };
const m = messagesFor('en');

describe('settings form: the new-run form', () => {
  it('starts from the run shown and, changing one field, keeps every other one (no fallback to 5 nodes)', () => {
    const form = { ...runFormValues(source), electionMax: '900' };
    const parsed = parseRunForm(m, form, { raft: view.raft, network: view.network, fastBackup: view.raft.fastBackup });
    expect(parsed).toMatchObject({ ok: true, value: { nodes: 7, seed: 12, network: view.network } });
    if (!parsed.ok) return;
    expect(parsed.value.raft).toEqual({ ...view.raft, electionTimeoutTicksMax: 900 });
  });

  it('allows up to 15 nodes, the screen limit, and names it', () => {
    const base = { raft: view.raft, network: view.network, fastBackup: true };
    expect(parseRunForm(m, { ...runFormValues(source), nodes: '15' }, base)).toMatchObject({ ok: true, value: { nodes: 15 } });
    expect(parseRunForm(m, { ...runFormValues(source), nodes: '16' }, base)).toEqual({ ok: false, errors: { nodes: 'Must be between 1 and 15.' } });
  });

  it('reloads (a new key) exactly when a different run is shown', () => {
    const key = runFormKey(source);
    expect(runFormKey({ ...source })).toBe(key);
    expect(runFormKey({ ...source, nodeCount: 3 })).not.toBe(key);
    expect(runFormKey({ ...source, seed: 13 })).not.toBe(key);
    expect(runFormKey({ ...source, raft: { ...source.raft, fastBackup: !source.raft.fastBackup } })).not.toBe(key);
    expect(networkFormKey({ ...view.network })).toBe(networkFormKey(view.network));
    expect(networkFormKey({ ...view.network, delayTicksMax: 99 })).not.toBe(networkFormKey(view.network));
  });
});

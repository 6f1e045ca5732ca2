/** Where scenario text comes from: a preset by id, or an address fetched as text, with every way that fails named. */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { scenarioPresets } from '../../src/ui/scenario/presets.ts';
import { readProblemText, readScenarioAddress, scenarioBytesMax } from '../../src/ui/scenario/source.ts';

const base = 'https://course.example/raft/';

function fakeFetch(body: string, init: ResponseInit = {}): { fetcher: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const fetcher = ((url: string) => {
    asked.push(url);
    return Promise.resolve(new Response(body, init));
  }) as typeof fetch;
  return { fetcher, asked };
}

describe('reading a scenario from an address', () => {
  it('a preset id gives the shipped text without fetching', async () => {
    const { fetcher, asked } = fakeFetch('');
    const preset = scenarioPresets.find((item) => item.id === 'split-vote')!;
    expect(await readScenarioAddress(' split-vote ', base, fetcher)).toEqual({ ok: true, name: 'split-vote', text: preset.text, presetId: 'split-vote' });
    expect(asked).toEqual([]);
  });

  it('an address is fetched relative to the page and named by its file', async () => {
    const { fetcher, asked } = fakeFetch('nodes 3', { headers: { 'content-type': 'text/plain' } });
    expect(await readScenarioAddress('lessons/split%20vote.scn', base, fetcher)).toEqual({ ok: true, name: 'split vote.scn', text: 'nodes 3', presetId: null });
    expect(asked).toEqual(['https://course.example/raft/lessons/split%20vote.scn']);
  });

  it('names every failure, in both languages', async () => {
    const cases = [
      [await readScenarioAddress('gone.scn', base, fakeFetch('', { status: 404 }).fetcher), 'the server answered 404'],
      [await readScenarioAddress('app.scn', base, fakeFetch('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }).fetcher), 'a web page came back, not a scenario file (check the address)'],
      [await readScenarioAddress('javascript:alert(1)', base, fakeFetch('').fetcher), 'only http and https addresses are read, not javascript:'],
      [await readScenarioAddress('big.scn', base, fakeFetch('', { headers: { 'content-length': String(scenarioBytesMax + 1) } }).fetcher), 'it is 9.5 MB; a scenario may be at most 9.5 MB'],
      [await readScenarioAddress('x.scn', base, (() => Promise.reject(new TypeError('Failed to fetch')))), 'the browser could not fetch it (Failed to fetch)'],
    ] as const;
    for (const [read, english] of cases) {
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(readProblemText(messagesFor('en'), read.problem)).toBe(english);
      expect(readProblemText(messagesFor('zh-CN'), read.problem)).toMatch(/\p{Script=Han}/u);
    }
  });
});

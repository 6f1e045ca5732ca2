/**
 * The view options of the address (embed, panels, autoplay, speed, and the check of lang): what
 * each value gives, what is reported and ignored, and the full app's address for an embedded one.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { addressBanner, optionsFromSearch } from '../../src/ui/url-options.ts';
import { fullAppSearch, viewOptionsFromSearch } from '../../src/ui/view-options.ts';

describe('viewOptionsFromSearch', () => {
  it('gives the full app, paused at the default speed, when the address says nothing', () => {
    expect(viewOptionsFromSearch('')).toEqual({ options: { embed: false, panels: ['controls'], autoplay: false, speed: null }, problems: [] });
  });

  it('reads embed, autoplay and speed, and lays the panels out in their order whatever order they came in', () => {
    const { options, problems } = viewOptionsFromSearch('?embed=1&panels=events,log,controls&autoplay=true&speed=250');
    expect(problems).toEqual([]);
    expect(options).toEqual({ embed: true, panels: ['controls', 'log', 'events'], autoplay: true, speed: 250 });
    // An empty panels= hides even the controls: the cluster alone.
    expect(viewOptionsFromSearch('?embed=1&panels=').options.panels).toEqual([]);
  });

  it('reports bad values by name and ignores them', () => {
    const { options, problems } = viewOptionsFromSearch('?embed=yes&panels=log,chat&speed=0x10&lang=fr');
    expect(options).toEqual({ embed: false, panels: ['log'], autoplay: false, speed: null });
    expect(problems).toEqual([
      { kind: 'language', text: 'fr' },
      { kind: 'switch', name: 'embed', text: 'yes' },
      { kind: 'panel', text: 'chat', known: ['controls', 'status', 'log', 'inspector', 'actions', 'events'] },
      { kind: 'invalid', name: 'speed', type: 'integer', min: 1, max: 1_000_000, text: '0x10' },
    ]);
    expect(viewOptionsFromSearch('?speed=2000000').problems).toHaveLength(1);
    expect(viewOptionsFromSearch('?lang=zh-cn').problems).toEqual([]);
  });

  it('is not "unknown parameters" to the run options, and its problems are worded in both languages', () => {
    expect(optionsFromSearch('?embed=1&panels=log&autoplay=1&speed=5&lang=zh-CN&large=1').problems).toEqual([]);
    const { problems } = viewOptionsFromSearch('?embed=yes&panels=chat&lang=fr');
    expect(addressBanner(messagesFor('en'), { problems, warnings: [] })).toBe(
      'Ignored in the address: lang "fr" is not a language Raftlab speaks (en or zh-CN); embed must be 1 or 0 (got "yes"); unknown panel "chat" (panels are controls, status, log, inspector, actions, events).',
    );
    expect(addressBanner(messagesFor('zh-CN'), { problems, warnings: [] })).toMatch(/^地址中以下参数已忽略：.*未知面板“chat”/);
  });
});

describe('fullAppSearch', () => {
  it('keeps the run, the language and the speed, and drops what only embedding means', () => {
    expect(fullAppSearch('?embed=1&nodes=5&seed=3&panels=log&autoplay=1&lang=zh-CN')).toBe('?nodes=5&seed=3&autoplay=1&lang=zh-CN');
    expect(fullAppSearch('?embed=1&panels=log')).toBe('');
  });
});

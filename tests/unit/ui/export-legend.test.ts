/**
 * The legend band drawn into exported files (src/ui/export/export-legend.ts): one chip per term on
 * screen in its colour, every explanation of the legend on screen in the catalogue's words (so
 * Chinese in Chinese), text escaped, and rows that wrap to fit the band's width.
 */
import { describe, expect, it } from 'vitest';
import { legendBand } from '../../../src/ui/export/export-legend.ts';
import { textWidth, wrapText } from '../../../src/ui/viz/svg-text.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { termColor } from '../../../src/ui/viz/palette.ts';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');

/** The text of every tspan and text, unescaped. */
function texts(markup: string): string[] {
  return [...markup.matchAll(/<(?:tspan|text)[^>]*>([^<]+)</g)].map((match) => match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

describe('the legend band', () => {
  it('is one group with a chip per term on screen, in its colour', () => {
    const band = legendBand(en, { terms: [1, 2, 9], width: 900, top: 400 });
    expect(band.markup.startsWith('<g class="export-legend" transform="translate(0 400)">')).toBe(true);
    expect(band.markup.endsWith('</g>')).toBe(true);
    expect(band.markup.match(/class="export-legend__term"/g)).toHaveLength(3);
    for (const term of [1, 2, 9]) expect(band.markup).toContain(`fill="${termColor(term)}"`);
    expect(texts(band.markup)).toEqual(expect.arrayContaining(['term 1', 'term 2', 'term 9']));
    expect(band.height).toBeGreaterThan(100);
  });

  it('says so when no node has a term yet', () => {
    const band = legendBand(en, { terms: [], width: 900 });
    expect(band.markup).not.toContain('export-legend__term');
    expect(texts(band.markup)).toContain(en.cluster.legend.noTerm);
  });

  it('explains nodes, messages and votes in the words of the legend on screen', () => {
    const words = texts(legendBand(en, { terms: [1], width: 2_000 }).markup).join(' ');
    const l = en.cluster.legend;
    for (const label of [l.colour, l.nodes, l.follower, l.candidate, l.leader, l.crashed, l.timer, l.messages, l.reply, l.refused, l.duplicate, l.lost, l.votes, l.voteGranted, l.voteRefused, l.votePending]) {
      expect(words).toContain(label);
    }
  });

  it('speaks Chinese with the Chinese catalogue', () => {
    const words = texts(legendBand(zh, { terms: [3], width: 700 }).markup).join('');
    expect(words).toContain('任期 3');
    expect(words).toContain(zh.cluster.legend.nodes);
    expect(words).toContain('跟随者');
    expect(words).not.toContain('follower');
  });

  it('escapes what it writes, and grows taller when narrower', () => {
    const wide = legendBand(en, { terms: [1, 2, 3], width: 1_600 });
    const narrow = legendBand(en, { terms: [1, 2, 3], width: 360 });
    expect(narrow.height).toBeGreaterThan(wide.height);
    const odd = { ...en, cluster: { ...en.cluster, legend: { ...en.cluster.legend, nodes: 'Nodes <b> & "all"' } } };
    const markup = legendBand(odd, { terms: [], width: 800 }).markup;
    expect(markup).toContain('Nodes &lt;b&gt; &amp; &quot;all&quot;');
    expect(markup).not.toContain('<b>');
  });
});

describe('wrapText', () => {
  it('breaks at spaces to fit, and between CJK characters', () => {
    const lines = wrapText('one two three four five six', 12, textWidth('one two three', 12));
    expect(lines).toEqual(['one two three', 'four five six']);
    const chinese = wrapText('外圈：选举计时器的剩余时间', 12, 12 * 5);
    expect(chinese.every((line) => textWidth(line, 12) <= 12 * 5 + 12)).toBe(true);
    expect(chinese.join('')).toBe('外圈：选举计时器的剩余时间');
  });
});

/**
 * The space-time diagram in Chromium: it follows the scrubber, Export SVG writes a valid SVG with
 * one arrow per message in the ticks shown (and a legend), and a click on an arrow where the file
 * puts it selects that message in the inspector: screen and file agree.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { currentTick, inspector, openApp, runUntilSettledLeader, setSpeed, timelineSlider } from './helpers.ts';

test('the diagram follows the scrubber, selects a message by its arrow, and exports valid SVG', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  await runUntilSettledLeader(page);
  const region = page.getByRole('region', { name: 'Space-time diagram' });
  const drawing = region.getByRole('img');
  await region.scrollIntoViewIfNeeded();
  await expect(drawing).toHaveAccessibleName(/^Ticks [\d,]+ to [\d,]+: \d+ messages?$/);

  // Scrub back to the start: the window follows, to ticks 0-400.
  await timelineSlider(page).fill('150');
  await expect(currentTick(page)).toHaveText('150');
  await expect(drawing).toHaveAccessibleName(/^Ticks 0 to 400: /);

  // Show heartbeats too, and save the ticks shown: the file has the arrows where the screen paints them.
  await region.getByRole('checkbox', { name: 'Hide heartbeats' }).uncheck();
  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^raftlab-diagram-\d+-\d+\.svg$/);
  const text = await readFile(await download.path(), 'utf8');
  const check = await page.evaluate((svg) => {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const arrows = [...parsed.querySelectorAll('.diagram-arrow')].map((arrow) => {
      const line = arrow.querySelector('line')!;
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.getAttribute(name)));
      return { id: arrow.getAttribute('data-message-id')!, sent: arrow.getAttribute('data-sent')!, x1: x1!, y1: y1!, x2: x2!, y2: y2! };
    });
    return { error: parsed.querySelector('parsererror')?.textContent ?? null, root: parsed.documentElement.nodeName, title: parsed.querySelector('title')?.textContent ?? '', legend: parsed.querySelector('.diagram-legend')?.textContent ?? '', arrows };
  }, text);
  expect(check.error).toBeNull();
  expect(check.root).toBe('svg');
  expect(check.title).toMatch(/^Raftlab space-time diagram, ticks 0–400$/);
  expect(check.legend).toContain('AppendEntries');
  // Heartbeats shown: one arrow for each message that crosses the ticks shown, as the drawing's name counts them.
  const messages = Number(/: (\d+) messages?$/.exec((await drawing.getAttribute('aria-label'))!)![1]);
  expect(check.arrows.length).toBe(messages);
  expect(check.arrows.length).toBeGreaterThan(0);

  // Click the middle of an arrow no other arrow crosses there (the nearest arrow wins): its message is selected at its send tick.
  const distance = (x: number, y: number, a: (typeof check.arrows)[number]) => {
    const dx = a.x2 - a.x1;
    const dy = a.y2 - a.y1;
    const t = Math.max(0, Math.min(1, ((x - a.x1) * dx + (y - a.y1) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(x - (a.x1 + t * dx), y - (a.y1 + t * dy));
  };
  const alone = check.arrows.find((arrow) => {
    const [x, y] = [(arrow.x1 + arrow.x2) / 2, (arrow.y1 + arrow.y2) / 2];
    return check.arrows.every((other) => other === arrow || distance(x, y, other) > 2);
  })!;
  expect(alone).toBeDefined();
  await page.locator('.diagram-surface').click({ position: { x: (alone.x1 + alone.x2) / 2, y: (alone.y1 + alone.y2) / 2 } });
  await expect(currentTick(page)).toHaveText(alone.sent);
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText(`#${alone.id})`);
});

/**
 * The space-time diagram in Chromium: it follows the scrubber, a click on an arrow selects that
 * message in the inspector, and Export SVG writes a valid SVG with one arrow per message drawn.
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

  // Show heartbeats too, then pick the first arrow: its message is selected at its send tick.
  await region.getByRole('checkbox', { name: 'Hide heartbeats' }).uncheck();
  const arrow = region.locator('.diagram-arrow').first();
  const id = await arrow.getAttribute('data-message-id');
  const sent = await arrow.getAttribute('data-sent');
  // Arrows cross one another: the click goes to this one itself, wherever the others lie.
  await arrow.dispatchEvent('click');
  await expect(currentTick(page)).toHaveText(sent!);
  await expect(inspector(page).getByRole('heading', { level: 2 })).toContainText(`#${id})`);

  const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^raftlab-diagram-\d+-\d+\.svg$/);
  const text = await readFile((await download.path()), 'utf8');
  const check = await page.evaluate((svg) => {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { error: parsed.querySelector('parsererror')?.textContent ?? null, root: parsed.documentElement.nodeName, label: parsed.documentElement.getAttribute('aria-label') ?? '', arrows: parsed.querySelectorAll('.diagram-arrow').length };
  }, text);
  expect(check.error).toBeNull();
  expect(check.root).toBe('svg');
  // Heartbeats shown: one arrow for each message of the window, as the drawing's name counts them.
  const messages = Number(/: (\d+) messages?$/.exec(check.label)![1]);
  expect(check.arrows).toBe(messages);
  expect(check.arrows).toBeGreaterThan(0);
});

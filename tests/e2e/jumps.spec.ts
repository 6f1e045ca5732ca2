/** Jumps through a run by what happened, in Chromium: back to the election that made the leader, and no further. */
import { expect, test } from '@playwright/test';
import { currentTick, openApp, playButton, readTick, runUntilSettledLeader, setSpeed } from './helpers.ts';

test('Jump back to the last leader change; nothing earlier leaves the run where it was', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  if ((await playButton(page).textContent()) === 'Pause') await playButton(page).click();
  await expect(playButton(page)).toHaveText('Play');
  const end = await readTick(page);
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel('Jump to').selectOption('leader');
  await events.getByRole('button', { name: 'Jump back', exact: true }).click();
  await expect(events.locator('.jump-controls').getByRole('status')).toHaveText(/^At tick \d+$/);
  const at = Number(/(\d+)$/.exec((await events.locator('.jump-controls').getByRole('status').textContent()) ?? '')![1]);
  expect(at).toBeLessThan(end);
  await expect(currentTick(page)).toHaveText(String(at));
  await expect(page.getByRole('button', { name: `Node ${leader.id}, leader, term ${leader.term}` })).toBeVisible();
  // Nothing earlier than the first election's leader.
  await events.getByRole('button', { name: 'Jump back', exact: true }).click();
  await expect(events.locator('.jump-controls').getByRole('status')).toHaveText('No earlier leader change');
  await expect(currentTick(page)).toHaveText(String(at));
});

/** Compare in Chromium: the run against the same run with another seed diverges, both are shown side by side, and Go to tick goes there; fast backup changes nothing in a run without log repair. */
import { expect, test } from '@playwright/test';
import { currentTick, openApp, runUntilSettledLeader, setSpeed } from './helpers.ts';

test('Compare finds where the runs first diverge, and goes there', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  await runUntilSettledLeader(page);
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel('Compare with').selectOption('fast-backup');
  await events.getByRole('button', { name: 'Compare', exact: true }).click();
  const result = events.locator('.compare-result');
  await expect(result).toContainText(/^With fast backup switched, the run goes exactly the same way up to tick \d+/);
  await events.getByLabel('Compare with').selectOption('seed');
  await events.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(result).toContainText(/With the next seed, the runs first diverge at tick (\d+)\./);
  const tick = Number(/diverge at tick (\d+)/.exec((await result.textContent()) ?? '')![1]);
  await expect(result).toContainText(/This run: Node \d: /);
  // Both runs side by side at the tick on screen, one row per node.
  const onScreen = await currentTick(page).textContent();
  const table = events.getByRole('table', { name: `Both runs at tick ${onScreen}: this one and the one with the next seed` });
  await expect(table.getByRole('row')).toHaveCount(6);
  await result.getByRole('button', { name: `Go to tick ${tick}` }).click();
  await expect(currentTick(page)).toHaveText(String(tick));
});

/**
 * The Fuzz panel in Chromium, on real Web Workers: with an unsafe switch on it finds a violating
 * seed, and "Open failing run" opens that run at the violating tick, the violation on screen with
 * the rule the switch removed; correct Raft passes its seeds; Shrink and open opens a shorter run
 * that fails the same way. Also in the single-file build, whose workers are inlined.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { currentTick, openApp, readTick } from './helpers.ts';

function fuzzRegion(page: Page) {
  return page.getByRole('region', { name: 'Fuzz' });
}

test('fuzzing with a switch on finds a violation and opens it at that tick', async ({ page }) => {
  await openApp(page);
  const fuzz = fuzzRegion(page);
  await fuzz.getByRole('spinbutton', { name: 'Seeds' }).fill('200');
  await fuzz.getByRole('checkbox', { name: 'Unsafe: grant votes without the up-to-date check' }).check();
  await fuzz.getByRole('button', { name: 'Run fuzz' }).click();
  const status = fuzz.getByRole('status').first();
  await expect(status).toHaveText(/^Seed \d+ fails: a safety violation at tick [\d,]+/, { timeout: 60_000 });
  const tick = Number(/at tick ([\d,]+)/.exec((await status.textContent()) ?? '')![1]!.replaceAll(',', ''));
  await expect(fuzz.getByRole('progressbar', { name: 'Fuzz progress' })).toBeVisible();
  await fuzz.getByRole('button', { name: 'Open failing run' }).click();
  await expect(currentTick(page)).toHaveText(String(tick), { timeout: 30_000 });
  const banner = page.getByRole('alert').filter({ hasText: 'Safety violated: Leader Completeness' });
  await expect(banner).toContainText(`at tick ${tick}`);
  await expect(banner).toContainText('Rule removed by the unsafe switch: A node votes only for a candidate whose log is at least as up to date as its own');
  await expect(page.getByText('Unsafe Raft: 1 rule removed')).toBeVisible();

  // Shrink and open: a shorter run, failing the same way.
  await fuzz.getByRole('button', { name: 'Shrink and open' }).click();
  await expect(fuzz.getByText(/^Shrunk to \d+ actions on \d+ nodes, failing at tick [\d,]+; opened$/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Safety violated: Leader Completeness' })).toBeVisible({ timeout: 30_000 });
  expect(await readTick(page)).toBeLessThanOrEqual(tick);
});

test('correct Raft passes its seeds, and Cancel stops a session', async ({ page }) => {
  await openApp(page);
  const fuzz = fuzzRegion(page);
  await fuzz.getByRole('spinbutton', { name: 'Seeds' }).fill('40');
  await fuzz.getByRole('button', { name: 'Run fuzz' }).click();
  await expect(fuzz.getByRole('status').first()).toHaveText(/^40 seeds, no violation · [\d,]+ seeds of 10,000 ticks per minute$/, { timeout: 60_000 });
  await fuzz.getByRole('spinbutton', { name: 'Seeds' }).fill('100000');
  await fuzz.getByRole('button', { name: 'Run fuzz' }).click();
  await fuzz.getByRole('button', { name: 'Cancel' }).click();
  await expect(fuzz.getByRole('status').first()).toHaveText(/^Cancelled after [\d,]+ of 100,000 seeds$/);
  await expect(fuzz.getByRole('button', { name: 'Run fuzz' })).toBeEnabled();
});

/** A message in flight by hand, in Chromium: deliver a RequestVote now, and drop another. */
import { expect, test } from '@playwright/test';
import { inspector, nodeButton, openApp } from './helpers.ts';

test('deliver a RequestVote by hand: the receiver votes at once', async ({ page }) => {
  await openApp(page);
  // The first election timeout: the candidate's RequestVotes are then in flight.
  await page.getByRole('button', { name: 'Next event', exact: true }).click();
  const candidate = page.getByRole('button', { name: /^Node \d, candidate, term 1/ });
  await expect(candidate).toHaveCount(1);
  const from = Number(/^Node (\d)/.exec((await candidate.getAttribute('aria-label')) ?? '')![1]);
  // One tick on, so they were sent before this tick.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const message = page.locator('[data-message-id]').first();
  await message.click();
  const details = page.getByRole('region', { name: /^RequestVote/ });
  await expect(details).toBeVisible();
  const to = Number(/→ node (\d)/.exec((await details.textContent()) ?? '')![1]);
  await details.getByRole('button', { name: 'Deliver now', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^✓ Message #\d+ delivered now$/ })).toBeVisible();
  // It reached the receiver at once: the receiver is in term 1 now, and voted for the candidate.
  await expect(nodeButton(page, to)).toHaveAccessibleName(`Node ${to}, follower, term 1`);
  await nodeButton(page, to).click();
  await expect(inspector(page).locator('dt', { hasText: /^votedFor$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(`node ${from}`);
  await page.keyboard.press('Escape');

  // Another one, dropped: it leaves the screen, and its outcome stays in the details panel.
  await page.locator('[data-message-id]').first().click();
  await page.getByRole('region', { name: /^RequestVote/ }).getByRole('button', { name: 'Drop', exact: true }).click();
  await expect(inspector(page).getByRole('status').filter({ hasText: /^✓ Message #\d+ dropped: it never arrives$/ })).toBeVisible();
});

/** Manual delivery in Chromium: with timers frozen, a candidate's RequestVotes wait; delivered by hand in reverse order, then all, they elect it. */
import { expect, test } from '@playwright/test';
import { nodeButton, openApp } from './helpers.ts';

test('deliver a RequestVote by hand with manual delivery, then the rest, and the candidate wins', async ({ page }) => {
  await openApp(page);
  const delivery = page.getByRole('region', { name: 'Delivery' });
  // The switches follow the worker's answer, so click and wait for it.
  for (const name of ['Manual delivery', 'Freeze timers']) {
    await delivery.getByRole('checkbox', { name }).click();
    await expect(delivery.getByRole('checkbox', { name })).toBeChecked();
  }
  // Node 2 stands now, by hand.
  await nodeButton(page, 2).click();
  await page.getByRole('region', { name: 'Timers' }).getByRole('button', { name: 'Time out now' }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const queue = delivery.getByRole('list', { name: 'Waiting messages' });
  await expect(queue.getByRole('button', { name: /^Deliver RequestVote 2→\d/ })).toHaveCount(4);
  // The last in the queue first.
  await queue.getByRole('button', { name: /^Deliver RequestVote 2→5/ }).click();
  await expect(nodeButton(page, 5)).toHaveAccessibleName('Node 5, follower, term 1');
  await expect(queue.getByRole('button', { name: /^Deliver RequestVote 2→\d/ })).toHaveCount(3);
  // Its reply waits too, from the next tick on.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await delivery.getByRole('button', { name: 'Deliver all', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await delivery.getByRole('button', { name: 'Deliver all', exact: true }).click();
  await expect(nodeButton(page, 2)).toHaveAccessibleName('Node 2, leader, term 1');
});

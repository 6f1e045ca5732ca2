/**
 * Election timers in Chromium: force a split vote by aligning every node's timer (all five stand
 * for term 1 on one tick, nobody wins it, a later term elects a leader), and a clean election by
 * spreading one node's; the inspector's Set timer fires a node's timer when asked.
 */
import { expect, test } from '@playwright/test';
import { currentTick, nodeButton, nodeNames, openApp, runUntilSettledLeader, selectNode, setSpeed, stepButton } from './helpers.ts';

test('force a split vote: Align timers with every node, then a later term elects a leader', async ({ page }) => {
  await openApp(page);
  await stepButton(page).click();
  const panel = page.getByRole('region', { name: 'Election timers' });
  for (const id of [3, 4, 5]) await panel.getByRole('checkbox', { name: `Node ${id}` }).check();
  await panel.getByRole('button', { name: 'Align timers' }).click();
  const outcome = panel.getByRole('status');
  await expect(outcome).toHaveText(/^✓ Nodes 1, 2, 3, 4 and 5 time out together at tick \d+$/);
  const at = Number(/tick (\d+)$/.exec((await outcome.textContent()) ?? '')![1]);
  // Nothing happens before the timers fire: Next event goes straight there. Every node is then
  // a candidate of term 1, each with its own vote.
  await page.getByRole('button', { name: 'Next event', exact: true }).click();
  await expect(currentTick(page)).toHaveText(String(at));
  expect(await nodeNames(page)).toEqual([1, 2, 3, 4, 5].map((id) => `Node ${id}, candidate, term 1`));
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  expect(leader.term).toBeGreaterThanOrEqual(2);
});

test('Spread timers: one candidate, and it wins; Set timer fires a follower’s timer when asked', async ({ page }) => {
  await openApp(page);
  const panel = page.getByRole('region', { name: 'Election timers' });
  await panel.getByLabel('First to time out').selectOption('3');
  await panel.getByRole('button', { name: 'Spread timers' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^✓ Node 3 times out first/);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  expect(leader).toMatchObject({ id: 3, term: 1 });

  const inspector = await selectNode(page, 5);
  const timers = inspector.getByRole('region', { name: 'Timers' });
  await timers.getByLabel('Ticks left').fill('1');
  await timers.getByRole('button', { name: 'Set timer' }).click();
  await expect(inspector.getByRole('status')).toHaveText(/^✓ Node 5's election timer fires in 1 tick, at tick \d+$/);
  await stepButton(page).click();
  await expect(nodeButton(page, 5)).toHaveAccessibleName(/^Node 5, candidate, term 2/);
});

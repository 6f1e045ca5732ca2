/**
 * Every decision explained, in Chromium: after an election, a follower that voted for the leader
 * is selected and the "Why?" panel says why it granted its vote, with the numbers and the paper's
 * section (§5.4.1); a click on that line seeks to its tick. Then Figure 2, folded by default,
 * opens with exactly one rule marked as the one the latest event exercised, and its link seeks to
 * the latest event that exercised it.
 */
import { expect, test } from '@playwright/test';
import { nodeStates, openApp, readTick, runUntilSettledLeader, selectNode, setSpeed } from './helpers.ts';

test('the Why? panel explains a follower’s vote; Figure 2 marks the rule the latest event exercised', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  const why = page.getByRole('region', { name: 'Why?', exact: true });
  await expect(why).toContainText('Select a node or a message');

  // In a cluster of five, at least two followers granted the winner their vote in its term.
  const followers = (await nodeStates(page)).filter((node) => node.id !== leader.id && !node.crashed);
  const granted = why.getByRole('button', { name: new RegExp(`granted vote to node ${leader.id} in term ${leader.term}: .*\\(§5\\.4\\.1\\)`) });
  let voter: number | null = null;
  for (const follower of followers) {
    await selectNode(page, follower.id);
    await expect(why.getByRole('heading', { name: `Node ${follower.id}: its latest decisions` })).toBeVisible();
    if ((await granted.count()) > 0) {
      voter = follower.id;
      break;
    }
  }
  expect(voter, 'a follower whose Why? panel explains its vote for the leader').not.toBeNull();
  const line = granted.first();
  await expect(line).toContainText(`Node ${voter} granted vote to node ${leader.id} in term ${leader.term}: candidate's log (last term`);
  const voteTick = Number(await line.locator('.event-tick').textContent());
  await line.click();
  await expect.poll(() => readTick(page)).toBe(voteTick);

  // Figure 2 is folded until opened; then one rule is marked, with a link to its latest event.
  const figure = page.getByRole('region', { name: 'Figure 2', exact: true });
  const current = figure.locator('li[aria-current="true"]');
  await expect(current).toBeHidden();
  await figure.getByText('Figure 2: the rules of Raft').click();
  await expect(current).toHaveCount(1);
  await expect(current).toBeVisible();
  await expect(current).toContainText('exercised now');
  await expect(current.locator('mark')).toBeVisible();
  const latest = current.getByRole('button');
  const latestTick = Number((await latest.textContent())!.replace(/\D+/g, ''));
  expect(latestTick).toBeLessThanOrEqual(voteTick);
  await latest.click();
  await expect.poll(() => readTick(page)).toBe(latestTick);
});

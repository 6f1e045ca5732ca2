/**
 * Membership change in Chromium: "Add node" in the Membership panel starts a sixth server, drawn
 * on the ring as a learner until the leader promotes it; "Remove node" in the inspector removes
 * the leader itself, which leaves the ring once its removal is applied, and the others elect a
 * new leader. The inspector shows the configuration each node uses.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { inspectorField, nodeButton, nodeButtons, openApp, runUntil, runUntilSettledLeader, selectNode, setSpeed } from './helpers.ts';

function membershipPanel(page: Page) {
  return page.getByRole('region', { name: 'Membership', exact: true });
}

test('Add node grows the ring by a learner that becomes a voter; Remove node takes the leader out', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  const panel = membershipPanel(page);
  await expect(panel).toContainText('Voters {1, 2, 3, 4, 5}');
  // The leader takes a change only once it has committed an entry of its term: ask until it does.
  const add = panel.getByRole('button', { name: 'Add node', exact: true });
  await runUntil(page, async () => {
    if ((await nodeButtons(page).count()) === 5) await add.click();
    await expect(nodeButton(page, 6)).toBeVisible({ timeout: 200 });
  }, { message: 'node 6 added' });
  await expect(panel.getByRole('status')).toContainText('node 6 joins as a learner and becomes a voter once it has caught up');
  await runUntil(page, async () => expect(panel).toContainText('Voters {1, 2, 3, 4, 5, 6}'), { message: 'node 6 promoted' });
  await selectNode(page, 6);
  await expect(inspectorField(page, 'configuration')).toContainText('voters {1, 2, 3, 4, 5, 6}');

  const inspectorPanel = await selectNode(page, leader.id);
  const remove = inspectorPanel.getByRole('button', { name: 'Remove node', exact: true });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(inspectorPanel.getByRole('status')).toContainText(`node ${leader.id} leaves the cluster`);
  await runUntil(page, async () => expect(nodeButton(page, leader.id)).toHaveCount(0), { message: 'the old leader left the ring' });
  await expect(inspectorPanel).toContainText('This node left the cluster');
  const next = await runUntilSettledLeader(page, { aboveTerm: leader.term });
  expect(next.id).not.toBe(leader.id);
  await expect(nodeButtons(page)).toHaveCount(5);
  const left = [1, 2, 3, 4, 5, 6].filter((id) => id !== leader.id).join(', ');
  await expect(panel.locator('p.hint').first()).toHaveText(`Voters {${left}}`);
});

/**
 * Branches in Chromium: acting in the past keeps the future as a branch; the Branch picker
 * switches between them at the tick on screen, each showing the cluster it had; a branch can be
 * renamed and deleted.
 */
import { expect, test } from '@playwright/test';
import { currentTick, nodeButton, nodeNames, openApp, readTick, runUntilSettledLeader, selectNode, setSpeed, timelineSlider } from './helpers.ts';

test('acting in the past starts a branch, and switching branches returns the same screens', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  const end = await readTick(page);
  const back = Math.floor(end / 2);
  await timelineSlider(page).fill(String(back));
  await expect(currentTick(page)).toHaveText(String(back));
  const before = await nodeNames(page);

  // Crash the node that leads at the end, halfway back: no question, a new branch.
  await selectNode(page, leader.id);
  await page.keyboard.press('c');
  const branches = page.getByRole('region', { name: 'Branches' });
  const picker = branches.getByRole('combobox', { name: 'Branch' });
  await expect(picker.getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(branches.getByRole('status')).toHaveText(`Branch 2 starts at tick ${back}; Branch 1 keeps its ticks after it.`);
  await expect(nodeButton(page, leader.id)).toHaveAccessibleName(/crashed$/);
  const crashed = await nodeNames(page);
  await expect(timelineSlider(page)).toHaveAttribute('aria-valuetext', `tick ${back} of ${back}`);

  // Branch 1 at the same tick: the cluster before the crash, and the whole old future.
  await picker.selectOption({ label: `Branch 1 (ticks 0–${end.toLocaleString('en')})` });
  await expect(timelineSlider(page)).toHaveAttribute('aria-valuetext', `tick ${back} of ${end}`);
  await expect.poll(() => nodeNames(page)).toEqual(before);
  await timelineSlider(page).fill(String(end));
  await expect(nodeButton(page, leader.id)).toHaveAccessibleName(/leader/);

  // And back: Branch 2 as it was.
  await picker.selectOption('2');
  await expect(currentTick(page)).toHaveText(String(back));
  await expect.poll(() => nodeNames(page)).toEqual(crashed);

  // Rename it, then delete it: Branch 1 comes back on screen.
  await branches.getByRole('button', { name: 'Rename branch' }).click();
  await branches.getByLabel('Branch name').fill('leader crashed');
  await branches.getByRole('button', { name: 'Save name' }).click();
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/leader crashed: from Branch 1 at tick/);
  await branches.getByRole('button', { name: 'Delete branch' }).click();
  await branches.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(timelineSlider(page)).toHaveAttribute('aria-valuetext', `tick ${back} of ${end}`);
  await expect.poll(() => nodeNames(page)).toEqual(before);
});

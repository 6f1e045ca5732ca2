/**
 * The term tape in Chromium: it fills in as the run plays, its bands say the term and leader,
 * and a click on a mark goes to that tick.
 */
import { expect, test } from '@playwright/test';
import { currentTick, nodeButton, openApp, runFor, runUntilSettledLeader, selectNode, setSpeed } from './helpers.ts';

test('the term tape shows the terms and their leaders, and a mark goes to its tick', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  await selectNode(page, leader.id);
  await page.keyboard.press('c');
  await expect(nodeButton(page, leader.id)).toHaveAccessibleName(/crashed$/);
  const next = await runUntilSettledLeader(page, { aboveTerm: leader.term });
  await runFor(page, 200);
  const tape = page.getByRole('group', { name: 'Term tape' });
  // The first leader's win and crash, and the next one's win, are marked.
  await expect(tape.getByRole('button', { name: new RegExp(`node ${leader.id} became leader$`) })).toHaveCount(1);
  await expect(tape.getByRole('button', { name: new RegExp(`node ${leader.id} crashed`) })).toHaveCount(1);
  await expect(tape.getByRole('button', { name: new RegExp(`node ${next.id} became leader$`) })).toHaveCount(1);
  await expect(tape.locator('.term-tape__band').filter({ hasText: `T${next.term} · L${next.id}` })).toHaveCount(1);
  const crash = tape.getByRole('button', { name: new RegExp(`node ${leader.id} crashed`) });
  const tick = Number(/^Tick ([\d,]+)/.exec((await crash.getAttribute('aria-label')) ?? '')![1]!.replace(/,/g, ''));
  await crash.click();
  await expect(currentTick(page)).toHaveText(String(tick));
  await expect(nodeButton(page, leader.id)).toHaveAccessibleName(/crashed$/);
});

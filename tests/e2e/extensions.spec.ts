/**
 * The Raft extensions' controls in Chromium: PreVote and CheckQuorum are checkboxes of the new-run
 * settings; a run started with them elects its leader through pre-votes, and says so in the event
 * log. "Transfer leadership" in the inspector hands the leadership to the node chosen.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { openApp, runUntilSettledLeader, selectNode, setSpeed } from './helpers.ts';

/** The event log filtered to elections and leadership: the log keeps only the last events. */
async function leadEventsShown(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Event log' }).getByRole('button', { name: 'LEAD', exact: true }).click();
}

function leadEvents(page: Page): Locator {
  return page.getByRole('region', { name: 'Event log' });
}

test('PreVote and CheckQuorum start a run that elects through pre-votes', async ({ page }) => {
  await openApp(page);
  await page.getByText('Settings', { exact: true }).click();
  const preVote = page.getByRole('checkbox', { name: 'PreVote' });
  const checkQuorum = page.getByRole('checkbox', { name: 'CheckQuorum' });
  await expect(preVote).not.toBeChecked();
  await expect(checkQuorum).not.toBeChecked();
  await preVote.check();
  await checkQuorum.check();
  await page.getByRole('button', { name: 'Restart with these settings' }).click();
  await page.getByRole('button', { name: 'Discard and restart' }).click();
  await expect(page.getByRole('checkbox', { name: 'PreVote' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'CheckQuorum' })).toBeChecked();
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  expect(leader.term).toBe(1);
  await leadEventsShown(page);
  await expect(leadEvents(page)).toContainText('asked the others for pre-votes for term 1');
});

test('Transfer leadership hands the leadership to the chosen node, by keyboard', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  const target = leader.id === 5 ? 4 : 5;
  const panel = await selectNode(page, target);
  const transfer = panel.getByRole('button', { name: 'Transfer leadership' });
  await expect(transfer).toBeEnabled();
  await transfer.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toContainText(`hands its leadership to node ${target}`);
  const next = await runUntilSettledLeader(page, { aboveTerm: leader.term });
  expect(next.id).toBe(target);
  await leadEventsShown(page);
  await expect(leadEvents(page)).toContainText(`sent TimeoutNow to node ${target}`);
  // The new leader offers no transfer to itself.
  await expect(panel.getByRole('button', { name: 'Transfer leadership' })).toHaveCount(0);
});

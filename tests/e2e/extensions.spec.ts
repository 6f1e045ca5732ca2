/**
 * The Raft extensions' controls in Chromium: PreVote and CheckQuorum are checkboxes of the new-run
 * settings; a run started with them elects its leader through pre-votes, and says so in the event
 * log. "Transfer leadership" in the inspector hands the leadership to the node chosen. "Get" in
 * the client panel reads a key, and the Reads list shows its confirmation round and answer.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { clientPanel, openApp, runUntil, runUntilSettledLeader, selectNode, sendPut, setSpeed } from './helpers.ts';

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

test('Get reads a key linearizably: the Reads list shows its confirmation round and its answer', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  await sendPut(page, 'x', '7');
  const panel = clientPanel(page);
  await panel.getByLabel('Key', { exact: true }).fill('x');
  await panel.getByRole('button', { name: 'Get', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText(`Get of x sent to node ${leader.id} as read 1`);
  const reads = panel.getByRole('list', { name: 'Reads' });
  await expect(reads).toContainText('Read 1: get x at node');
  await runUntil(page, async () => expect(reads.getByRole('listitem').first()).toContainText('x = "7"'), { message: 'the get answered' });
  await expect(reads.getByRole('listitem').first()).toContainText(/round \d+ confirmed by nodes/);
  // A follower refuses, naming the leader.
  const follower = leader.id === 1 ? 2 : 1;
  await panel.getByLabel('Send to', { exact: true }).selectOption(String(follower));
  await panel.getByRole('button', { name: 'Get', exact: true }).press('Enter');
  await expect(reads.getByRole('listitem').first()).toContainText(`Read 2: get x at node ${follower} · refused, not the leader (node ${leader.id} leads)`);
});

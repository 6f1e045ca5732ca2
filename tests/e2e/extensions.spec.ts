/**
 * The Raft extensions' controls in Chromium: PreVote and CheckQuorum are checkboxes of the new-run
 * settings; a run started with them elects its leader through pre-votes, and says so in the event
 * log.
 */
import { expect, test } from '@playwright/test';
import { openApp, runUntilSettledLeader, setSpeed } from './helpers.ts';

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
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('asked the others for pre-votes for term 1');
});

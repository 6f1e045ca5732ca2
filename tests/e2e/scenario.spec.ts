/**
 * Scenarios in a real browser: Open scenario takes pasted text, shows every problem of bad text
 * with its line and column (the run on screen unchanged), and opens good text at tick 0, paused;
 * playing reveals each expectation at its tick, ✓ or ✗, and a decided one seeks there when
 * clicked. Export scenario writes text that opens back to the same run.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { currentTick, nodeButton, openApp, play, playButton, readTick, setSpeed, stepButton } from './helpers.ts';

/** tests/fixtures/lesson.scn: node 1 elected by hand, x=1 committed, one expectation failing on purpose. */
const lesson = readFileSync(new URL('../fixtures/lesson.scn', import.meta.url), 'utf8');

async function openScenario(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Open scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByLabel('Scenario text').fill(text);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

test('bad scenario text lists each problem with its line and column; the run on screen stays', async ({ page }) => {
  await openApp(page);
  await stepButton(page).click();
  await stepButton(page).click();
  await expect(currentTick(page)).toHaveText('2');
  await openScenario(page, 'nodes 5\nat 100: partiton {1,2} {3}\nat 200: crash 9\nat 150: heal');
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  const problems = dialog.getByRole('list', { name: 'Problems in the scenario' }).getByRole('listitem');
  await expect(problems).toHaveText([
    "line 2, column 9: unknown action 'partiton' — did you mean 'partition'?",
    'line 3, column 15: node 9 does not exist: the cluster has 5 nodes (1 to 5)',
    'line 4, column 4: tick 150 comes before tick 200 of the timed line before it (line 3): timed lines go in tick order',
  ]);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(currentTick(page)).toHaveText('2');
  await expect(page.getByRole('list', { name: 'Expectations' })).toHaveCount(0);
});

test('a scenario with a failing expectation shows ✗ at its tick as it plays; clicking it seeks there', async ({ page }) => {
  await openApp(page);
  await openScenario(page, lesson);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Opened "pasted text", 4 expectations: press Play' })).toBeVisible();
  await expect(currentTick(page)).toHaveText('0');
  await expect(playButton(page)).toHaveText('Play');
  const items = page.getByRole('list', { name: 'Expectations' }).getByRole('listitem');
  await expect(items).toHaveCount(4);
  // Nothing is decided at tick 0: playing reveals the results.
  await expect(items.nth(0)).toContainText('pending');
  await expect(items.nth(3)).toContainText('holds so far');

  await setSpeed(page);
  await play(page);
  // A scenario plays to its end and pauses there.
  await expect(currentTick(page)).toHaveText('600', { timeout: 20_000 });
  await expect(playButton(page)).toHaveText('Play');
  await expect(items.nth(0)).toContainText('✓ passed at tick 120');
  await expect(items.nth(1)).toContainText('✓ passed at tick');
  await expect(items.nth(2)).toContainText('✗ failed at tick 500');
  await expect(items.nth(2)).toContainText('node 2 was a follower');
  await expect(items.nth(3)).toContainText('✓ passed at tick 600');
  await expect(page.getByText('Node 1 stands for election', { exact: true })).toBeVisible();

  await items.nth(2).getByRole('button', { name: 'expect at 500: node 2 is a leader: go to tick 500' }).click();
  await expect(currentTick(page)).toHaveText('500');
  await expect(nodeButton(page, 2)).toHaveAccessibleName(/^Node 2, follower, term 1/);
  // Before tick 120 the first result is not reached yet.
  await page.getByRole('button', { name: 'Mark replicated, tick 300' }).click();
  await expect(currentTick(page)).toHaveText('300');
  await expect(items.nth(2)).toContainText('pending');
});

test('Export scenario writes text that opens back to the same run', async ({ page }) => {
  await openApp(page);
  await openScenario(page, lesson);
  await expect(currentTick(page)).toHaveText('0');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario', exact: true }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('at 100: campaign 1');
  expect(text).toContain('expect at 500: node 2 is a leader');
  await openScenario(page, text);
  await expect(page.getByRole('status').filter({ hasText: ', 4 expectations' })).toBeVisible();
  const exportAgain = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario', exact: true }).click();
  expect(readFileSync(await (await exportAgain).path(), 'utf8')).toBe(text);
  expect(await readTick(page)).toBe(0);
});

test('a preset opens from the dialog by its title, and from the address with ?scenario=', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Open scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a scenario' });
  await dialog.getByLabel('Preset').selectOption({ label: 'Split vote' });
  await expect(dialog.getByLabel('Scenario text')).toHaveValue(/^# A split vote/);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened "Split vote", 5 expectations' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Expectations' }).getByRole('listitem')).toHaveCount(5);

  await page.goto('/?scenario=split-vote');
  await expect(page.getByRole('list', { name: 'Expectations' }).getByRole('listitem')).toHaveCount(5);
  await expect(currentTick(page)).toHaveText('0');
  await expect(playButton(page)).toHaveText('Play');
  // Once open, the address describes the run itself, so a reload restores it rather than reopening.
  await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBeNull();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#run=1\./);
  await page.getByRole('button', { name: 'Mark elected, tick 591' }).click();
  await expect(currentTick(page)).toHaveText('591');
  await expect(page.getByText(/^Node 3 has the votes of nodes 2 and 4/)).toBeVisible();
});

test('an address whose scenario cannot be read says so, and the app starts as usual', async ({ page }) => {
  await page.goto('/?scenario=no-such-lesson.scn');
  await expect(page.getByRole('alert')).toContainText('"no-such-lesson.scn" could not be read: a web page came back, not a scenario file (check the address)');
  await expect(currentTick(page)).toHaveText('0');
});

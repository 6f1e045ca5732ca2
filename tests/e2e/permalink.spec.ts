/**
 * Runs you can keep and share, in a real browser against the production build: the address always
 * describes the run on screen, so copying it (or pressing Copy link) and opening it in another
 * page gives the same tick and the same node states, paused; a reload restores the tab's run from
 * the autosave with a notice, and Start fresh starts a new one; a long run opens from its link;
 * a bad link (truncated, hand-edited, from a newer version, not base64) says what is wrong.
 */
import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { Timeline } from '../../src/core/index.ts';
import { encodePermalink } from '../../src/protocol/permalink.ts';
import { exportRun } from '../../src/worker/run-file.ts';
import { currentTick, nodeButton, nodeButtons, nodeNames, openApp, playButton, readTick, runUntilSettledLeader, selectNode, sendPut, setSpeed, stepButton } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Waits until the address carries a permalink and stays the same for a moment (it follows the run after a short quiet spell). */
async function settledAddress(page: Page): Promise<string> {
  let last = '';
  await expect(() => {
    const now = page.url();
    expect(now).toMatch(/#run=1\.[A-Za-z0-9_-]+$/);
    const before = last;
    last = now;
    expect(now).toBe(before);
  }).toPass({ intervals: [600], timeout: 15_000 });
  return last;
}

/** Opens an address in a new tab of the same browser (its own sessionStorage, the same IndexedDB). */
async function openInNewPage(context: BrowserContext, address: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(address);
  await expect(nodeButtons(page)).not.toHaveCount(0);
  return page;
}

test('act, copy the address, open it in a new page: the same tick and node states, paused', async ({ page, context }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  // Crash the leader, send requests, step on a little.
  const panel = await selectNode(page, leader.id);
  await panel.getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(nodeButton(page, leader.id)).toHaveAccessibleName(`Node ${leader.id}, follower, term ${leader.term}, crashed`);
  await runUntilSettledLeader(page, { aboveTerm: leader.term });
  for (const key of ['a', 'b', 'c']) await expect(await sendPut(page, key, `value-${key}`)).toContainText(`put ${key}=value-${key}`);
  for (let i = 0; i < 3; i += 1) await stepButton(page).click();

  const address = await settledAddress(page);
  const tick = await readTick(page);
  const names = await nodeNames(page);
  expect(names.some((name) => name.endsWith(', crashed'))).toBe(true);

  // Copy link copies exactly this address.
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `✓ Link copied: it opens this run at tick ${tick}, paused` })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);

  const other = await openInNewPage(context, address);
  await expect(currentTick(other)).toHaveText(String(tick));
  expect(await nodeNames(other)).toEqual(names);
  await expect(playButton(other)).toHaveText('Play');
  await expect(other.getByRole('alert')).toHaveCount(0);
  // The run goes on the same way in both.
  await stepButton(page).click();
  await stepButton(other).click();
  await expect(currentTick(other)).toHaveText(String(tick + 1));
  expect(await nodeNames(other)).toEqual(await nodeNames(page));
});

test('a reload restores the run with the notice; Start fresh starts a new run', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  await runUntilSettledLeader(page);
  const panel = await selectNode(page, 2);
  await panel.getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(nodeButton(page, 2)).toHaveAccessibleName(/, crashed$/);
  const crashedAt = await readTick(page);
  await stepButton(page).click();
  await stepButton(page).click();
  const tick = crashedAt + 2;
  await expect(currentTick(page)).toHaveText(String(tick));
  const names = await nodeNames(page);

  // At once: the save on pagehide holds the last steps, whatever the address had caught up with.
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: /^Restored your run from / });
  await expect(notice).toBeVisible();
  await expect(currentTick(page)).toHaveText(String(tick));
  expect(await nodeNames(page)).toEqual(names);
  await expect(playButton(page)).toHaveText('Play');

  await page.getByRole('button', { name: 'Start fresh', exact: true }).click();
  await expect(currentTick(page)).toHaveText('0');
  await expect(notice).toHaveCount(0);
  expect(await nodeNames(page)).toEqual([1, 2, 3, 4, 5].map((id) => `Node ${id}, follower, term 0`));
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  // And a reload now has nothing to restore.
  await page.reload();
  await expect(currentTick(page)).toHaveText('0');
  await expect(page.getByRole('status').filter({ hasText: /^Restored your run from / })).toHaveCount(0);
});

test('a long run opens from its link at its tick, in the same state the simulation reaches', async ({ page }) => {
  const timeline = new Timeline({ nodes: 5, seed: 9 });
  for (let i = 0; i < 40; i += 1) {
    timeline.advance(1_000);
    timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: `k${i}`, value: `v${i}` } });
  }
  timeline.advance(500);
  const link = await encodePermalink(exportRun(timeline));
  const expected = timeline.current.view().nodes.map((node) => `Node ${node.id}, ${node.role}, term ${node.term}`);
  await page.goto(`/?lang=en#run=${link}`);
  await expect(currentTick(page)).toHaveText('40500', { timeout: 30_000 });
  expect(await nodeNames(page)).toEqual(expected);
  await expect(playButton(page)).toHaveText('Play');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('a bad permalink shows a banner naming the problem, and the app starts with its defaults', async ({ context }) => {
  const timeline = new Timeline({ nodes: 5, seed: 3 });
  timeline.advance(400);
  timeline.act({ type: 'crash', node: 1 });
  const link = await encodePermalink(exportRun(timeline));
  const position = 20;
  const changed = `${link.slice(0, position)}${link[position] === 'A' ? 'B' : 'A'}${link.slice(position + 1)}`;
  const cases: [string, RegExp][] = [
    [link.slice(0, -6), /it is cut short \(\d+ of its \d+ bytes\); copy the whole link/],
    [changed, /it was changed after it was made \(its checksum does not match\)/],
    [link.replace(/^1\./, '9.'), /it was made by a newer Raftlab \(link version 9; this app reads up to version 1\)/],
    [`${link.slice(0, position)}*${link.slice(position + 1)}`, /it holds a character no Raftlab link has \("\*" at position 20\)/],
  ];
  for (const [bad, why] of cases) {
    const page = await openInNewPage(context, `/?nodes=3#run=${bad}`);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('The run in the address could not be opened:');
    await expect(banner).toContainText(why);
    await expect(banner).toContainText('A new run started instead.');
    // The address's plain options still apply.
    await expect(nodeButtons(page)).toHaveCount(3);
    await expect(currentTick(page)).toHaveText('0');
    await page.close();
  }
});

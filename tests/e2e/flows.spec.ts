/**
 * The main user flows, in a real browser against the production build: elections, crash and
 * restart, a partition with the leader in the minority, stepping, scrubbing the timeline, the
 * keyboard, and screenshots of the main states for review (test-results/screens/*.png).
 *
 * Playback is paced by wall time, so the tick at which a test pauses (and so the exact run)
 * varies: the tests look up who leads instead of assuming an id, and wait for conditions with
 * web-first assertions rather than sleeping.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  clientPanel,
  clusterView,
  currentTick,
  faultPanel,
  inspector,
  inspectorField,
  leadersOf,
  logCell,
  logRow,
  logView,
  nodeButton,
  nodeButtons,
  nodeNames,
  nodeStates,
  openApp,
  playButton,
  readTick,
  runFor,
  runUntil,
  runUntilSettledLeader,
  saveScreen,
  selectNode,
  sendPut,
  setSpeed,
  stepBackButton,
  stepButton,
  timelineSlider,
} from './helpers.ts';

/** Anything the page reports as broken fails the test that caused it. */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

let pageErrors: string[] = [];

test.beforeEach(({ page }) => {
  pageErrors = watchForErrors(page);
});

test.afterEach(async ({ page }) => {
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('loads with 5 followers at tick 0, and playing fast elects exactly one leader', async ({ page }) => {
  await openApp(page);
  const initial = await nodeNames(page);
  expect(initial).toEqual([1, 2, 3, 4, 5].map((id) => `Node ${id}, follower, term 0`));
  await expect(page.getByLabel('Leader', { exact: true })).toHaveText('none');

  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  const nodes = await nodeStates(page);
  expect(leadersOf(nodes)).toEqual([leader]);
  for (const node of nodes) {
    expect(node.crashed).toBe(false);
    if (node.id !== leader.id) expect(node.name).toBe(`Node ${node.id}, follower, term ${leader.term}`);
  }
  await expect(page.getByLabel('Leader', { exact: true })).toHaveText(`Node ${leader.id}`);

  // It stays the one leader while the cluster runs on undisturbed.
  await runFor(page, 1_000);
  expect(leadersOf(await nodeStates(page)).map((node) => node.id)).toEqual([leader.id]);
});

test('crashing the leader elects a new one in a higher term; the old leader restarts as a follower', async ({ page }, testInfo) => {
  await openApp(page);
  await setSpeed(page);
  const oldLeader = await runUntilSettledLeader(page);

  const panel = await selectNode(page, oldLeader.id);
  await panel.getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(nodeButton(page, oldLeader.id)).toHaveAccessibleName(`Node ${oldLeader.id}, follower, term ${oldLeader.term}, crashed`);
  await expect(panel.getByRole('button', { name: 'Restart', exact: true })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(`✓ Node ${oldLeader.id} crashed: only what it wrote to disk survives`);

  const newLeader = await runUntilSettledLeader(page, { aboveTerm: oldLeader.term });
  expect(newLeader.id).not.toBe(oldLeader.id);
  expect(newLeader.term).toBeGreaterThan(oldLeader.term);
  // The crashed node slept through the election: still crashed, still in its old term.
  await expect(nodeButton(page, oldLeader.id)).toHaveAccessibleName(`Node ${oldLeader.id}, follower, term ${oldLeader.term}, crashed`);
  await expect(page.getByLabel('Leader', { exact: true })).toHaveText(`Node ${newLeader.id}`);
  await saveScreen(page, testInfo, 'crash-new-leader');

  await panel.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText(`✓ Node ${oldLeader.id} restarted from its disk as a follower`);
  await expect(nodeButton(page, oldLeader.id)).toHaveAccessibleName(`Node ${oldLeader.id}, follower, term ${oldLeader.term}`);
  await expect(panel.getByRole('button', { name: 'Crash', exact: true })).toBeVisible();

  // The new leader's heartbeats bring it into the new term, as a follower.
  await runUntil(page, async () => {
    expect(await nodeButton(page, oldLeader.id).getAttribute('aria-label')).toMatch(new RegExp(`^Node ${oldLeader.id}, follower, term ${newLeader.term}$`));
    expect(leadersOf(await nodeStates(page)).map((node) => node.id)).toEqual([newLeader.id]);
  });
  await expect(inspectorField(page, 'leader')).toHaveText(`node ${newLeader.id}`);
  await saveScreen(page, testInfo, 'crash-restarted');
});

test('a partition with the leader in the minority: the majority elects and commits, the minority cannot, heal reunites', async ({ page }, testInfo) => {
  await openApp(page);
  await setSpeed(page);
  const oldLeader = await runUntilSettledLeader(page);
  const all = (await nodeStates(page)).map((node) => node.id);
  const buddy = all.find((id) => id !== oldLeader.id)!;
  const minority = all.filter((id) => id === oldLeader.id || id === buddy);
  const majority = all.filter((id) => !minority.includes(id));

  const faults = faultPanel(page);
  for (const id of minority) await faults.getByRole('checkbox', { name: `Node ${id}`, exact: true }).check();
  await expect(faults).toContainText(`Groups: {${minority.join(', ')}} | {${majority.join(', ')}}`);
  await faults.getByRole('button', { name: 'Partition selected', exact: true }).click();
  await expect(faults).toContainText(`Now: partitioned {${minority.join(', ')}} | {${majority.join(', ')}}`);
  await expect(clusterView(page).getByRole('img', { name: `nodes ${minority.join(', ')} (no majority of 5)`, exact: false })).toHaveCount(1);
  await expect(clusterView(page).getByRole('img', { name: `nodes ${majority.join(', ')} (a majority of 5)`, exact: false })).toHaveCount(1);

  // Still paused at the tick of the split: the old leader still believes it leads and takes the request.
  const minorityOutcome = await sendPut(page, 'lost', 'minority', oldLeader.id);
  await expect(minorityOutcome).toHaveText(new RegExp(`^✓ Node ${oldLeader.id} \\(leader, term ${oldLeader.term}\\) appended put lost=minority at index \\d+; it commits once a majority stores it$`));
  const lostIndex = Number(/at index (\d+)/.exec((await minorityOutcome.textContent()) ?? '')![1]);
  await expect(logCell(page, oldLeader.id, lostIndex)).toHaveAccessibleName(new RegExp(`^index ${lostIndex}, term ${oldLeader.term}, lost=minority, not committed`));

  const newLeader = await runUntilSettledLeader(page, { among: majority, aboveTerm: oldLeader.term });
  expect(majority).toContain(newLeader.id);
  await saveScreen(page, testInfo, 'partition');
  await saveScreen(page, testInfo, 'partition-cluster', clusterView(page));

  const majorityOutcome = await sendPut(page, 'kept', 'majority', newLeader.id);
  await expect(majorityOutcome).toHaveText(new RegExp(`^✓ Node ${newLeader.id} \\(leader, term ${newLeader.term}\\) appended put kept=majority at index \\d+;`));
  const keptIndex = Number(/at index (\d+)/.exec((await majorityOutcome.textContent()) ?? '')![1]);

  // Every majority node commits the majority's request...
  await runUntil(page, async () => {
    for (const id of majority) {
      await expect(logCell(page, id, keptIndex)).toHaveAccessibleName(new RegExp(`^index ${keptIndex}, term ${newLeader.term}, kept=majority, committed`), { timeout: 0 });
    }
  });
  // ...and, a while later, the minority still has not committed its own.
  await runFor(page, 1_000);
  await expect(logCell(page, oldLeader.id, lostIndex)).toHaveAccessibleName(new RegExp(`^index ${lostIndex}, term ${oldLeader.term}, lost=minority, not committed`));
  await expect(logRow(page, buddy).getByRole('cell', { name: /kept=majority/ })).toHaveCount(0);
  await selectNode(page, oldLeader.id);
  const minorityCommit = Number(await inspectorField(page, 'commitIndex').textContent());
  expect(minorityCommit).toBeLessThan(lostIndex);
  await saveScreen(page, testInfo, 'partition-majority-committed');
  // The inspector of the cut-off leader: its progress table shows followers it cannot reach.
  await inspector(page).getByRole('table').first().scrollIntoViewIfNeeded();
  await saveScreen(page, testInfo, 'partition-minority-inspector');

  await faults.getByRole('button', { name: 'Heal network', exact: true }).click();
  await expect(faults).toContainText('Now: one network');
  await expect(faults.getByRole('status')).toHaveText('✓ Network healed: every node can reach every other');

  // One cluster again: one leader from the majority's log, everyone in its term, the minority's
  // uncommitted entry replaced by the majority's history and the majority's request committed everywhere.
  await runUntil(page, async () => {
    const nodes = await nodeStates(page);
    const leaders = leadersOf(nodes);
    expect(leaders).toHaveLength(1);
    expect(majority).toContain(leaders[0]!.id);
    for (const node of nodes) expect(node.term).toBe(leaders[0]!.term);
    for (const id of all) {
      await expect(logCell(page, id, keptIndex)).toHaveAccessibleName(new RegExp(`^index ${keptIndex}, term ${newLeader.term}, kept=majority, committed`), { timeout: 0 });
    }
    await expect(logCell(page, oldLeader.id, lostIndex)).not.toHaveAccessibleName(/lost=minority/, { timeout: 0 });
  });
  await expect(inspectorField(page, 'commitIndex')).not.toHaveText(String(minorityCommit));
  await saveScreen(page, testInfo, 'partition-healed');
});

test('Step advances the current tick by exactly 1 and Step back returns it by exactly 1', async ({ page }) => {
  await openApp(page);
  await expect(stepBackButton(page)).toBeDisabled();
  await stepButton(page).click();
  await expect(currentTick(page)).toHaveText('1');
  await expect(timelineSlider(page)).toHaveValue('1');
  await stepBackButton(page).click();
  await expect(currentTick(page)).toHaveText('0');
  await expect(stepBackButton(page)).toBeDisabled();

  // In the middle of a run too, and selecting a node with the mouse does not move time.
  await setSpeed(page);
  const tick = await runFor(page, 500);
  await selectNode(page, 1, 'click');
  await expect(currentTick(page)).toHaveText(String(tick));
  for (const expected of [tick + 1, tick + 2]) {
    await stepButton(page).click();
    await expect(currentTick(page)).toHaveText(String(expected));
  }
  for (const expected of [tick + 1, tick]) {
    await stepBackButton(page).click();
    await expect(currentTick(page)).toHaveText(String(expected));
  }
  await expect(playButton(page)).toHaveText('Play');
});

test('scrubbing back and forth on the timeline shows exactly the same cluster and logs', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  for (let index = 1; index <= 3; index += 1) await expect(await sendPut(page, `early${index}`, String(index))).toContainText('appended');
  await runUntil(page, async () => expect(await readTick(page)).toBeGreaterThanOrEqual(2_000));
  // A late crash and late requests, so the earlier state visibly differs.
  const victim = (await nodeStates(page)).find((node) => node.id !== leader.id)!;
  const crashTick = await readTick(page);
  await (await selectNode(page, victim.id)).getByRole('button', { name: 'Crash', exact: true }).click();
  await expect(nodeButton(page, victim.id)).toHaveAccessibleName(/, crashed$/);
  for (let index = 1; index <= 3; index += 1) await expect(await sendPut(page, `late${index}`, String(index))).toContainText('appended');
  await runUntil(page, async () => expect(await readTick(page)).toBeGreaterThanOrEqual(3_000));

  const end = await readTick(page);
  const namesAtEnd = await nodeNames(page);
  const logTextAtEnd = await logView(page).innerText();
  const logCellsAtEnd = await logCellNames(page);
  await expect(timelineSlider(page)).toHaveAttribute('aria-valuetext', `tick ${end} of ${end}`);

  // Halfway back (and before the crash, so the earlier screen is visibly another one).
  const earlier = Math.min(Math.floor(end / 2), crashTick - 1);
  await timelineSlider(page).fill(String(earlier));
  await expect(currentTick(page)).toHaveText(String(earlier));
  await expect(timelineSlider(page)).toHaveAttribute('aria-valuetext', `tick ${earlier} of ${end}`);
  await expect.poll(() => nodeNames(page)).not.toEqual(namesAtEnd);
  expect(await logView(page).innerText()).not.toEqual(logTextAtEnd);

  await timelineSlider(page).fill(String(end));
  await expect(currentTick(page)).toHaveText(String(end));
  await expect.poll(() => nodeNames(page)).toEqual(namesAtEnd);
  await expect.poll(() => logView(page).innerText()).toEqual(logTextAtEnd);
  expect(await logCellNames(page)).toEqual(logCellsAtEnd);
});

test('keyboard: Space plays and pauses, arrows step, digits select, C crashes (in the past, starting a branch) and restarts, ? opens help and Esc closes it', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Space');
  await expect(playButton(page)).toHaveText('Pause');
  await expect(currentTick(page)).not.toHaveText('0');
  await page.keyboard.press('Space');
  await expect(playButton(page)).toHaveText('Play');

  const tick = await readTick(page);
  await page.keyboard.press('ArrowRight');
  await expect(currentTick(page)).toHaveText(String(tick + 1));
  await page.keyboard.press('ArrowLeft');
  await expect(currentTick(page)).toHaveText(String(tick));

  await page.keyboard.press('2');
  await expect(inspector(page).getByRole('heading', { name: 'Node 2', exact: true })).toBeVisible();
  // One tick back from the end: acting here keeps that tick as a branch, without a question.
  await page.keyboard.press('c');
  await expect(page.getByRole('combobox', { name: 'Branch' }).getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(nodeButton(page, 2)).toHaveAccessibleName(/^Node 2, follower, term \d+, crashed$/);
  await page.keyboard.press('c');
  await expect(nodeButton(page, 2)).toHaveAccessibleName(/^Node 2, follower, term \d+$/);
  await page.keyboard.press('Escape');
  await expect(inspector(page).getByRole('heading', { name: 'Inspector', exact: true })).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Space still toggles playback after the dialog (focus went back to the page).
  await page.keyboard.press('Space');
  await expect(playButton(page)).toHaveText('Pause');
  await page.keyboard.press('Space');
  await expect(playButton(page)).toHaveText('Play');
});

test.describe('screenshots of the main states (test-results/screens)', () => {
  test('election in progress: a candidate with its vote requests in flight', async ({ page }, testInfo) => {
    await openApp(page);

    // Election in progress: step event by event until a candidate's vote requests are on their way.
    await expect(async () => {
      const before = await readTick(page);
      await page.getByRole('button', { name: 'Next event', exact: true }).click();
      await expect(currentTick(page)).not.toHaveText(String(before));
      expect((await nodeStates(page)).some((node) => node.role === 'candidate')).toBe(true);
      expect(await clusterView(page).getByRole('button', { name: /^MsgVote from / }).count()).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000 });
    // A few ticks on, the vote requests are mid-way (latency is at least 10 ticks).
    await stepTicks(page, 5);
    await expect(clusterView(page).getByRole('button', { name: /^MsgVote from / })).not.toHaveCount(0);
    await saveScreen(page, testInfo, 'election');
    await saveScreen(page, testInfo, 'election-cluster', clusterView(page));
  });

  test('replication: client requests sent, AppendEntries carrying them in flight', async ({ page }, testInfo) => {
    await openApp(page);
    await setSpeed(page);
    await runUntilSettledLeader(page);
    for (let index = 1; index <= 4; index += 1) await expect(await sendPut(page, `key${index}`, `value${index}`)).toContainText('appended');
    await expect(async () => {
      await stepTicks(page, 1);
      expect(await clusterView(page).getByRole('button', { name: /^MsgApp from .*entr(y|ies)/ }).count()).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000 });
    // A few ticks on, they are mid-way (latency is at least 10 ticks).
    await stepTicks(page, 4);
    await expect(clusterView(page).getByRole('button', { name: /^MsgApp from .*entr(y|ies)/ })).not.toHaveCount(0);
    await saveScreen(page, testInfo, 'replication');
    await saveScreen(page, testInfo, 'replication-cluster', clusterView(page));
  });

  test('a long log: thousands of ticks of client requests; the log window shows whole columns and moves', async ({ page }, testInfo) => {
    await openApp(page);
    await setSpeed(page);
    await runUntilSettledLeader(page);

    // A few thousand ticks with a steady stream of client requests: batches sent while paused
    // (each click appends one entry on the leader) with time running in between, at ~3,000 ticks/s.
    await setSpeed(page, 350);
    const batches = 4;
    const perBatch = 10;
    for (let batch = 1; batch <= batches; batch += 1) {
      const outcome = await sendPut(page, `k${batch}`, `batch${batch}`);
      await expect(outcome).toContainText(`put k${batch}=batch${batch}`);
      const send = clientPanel(page).getByRole('button', { name: 'Send request', exact: true });
      for (let index = 2; index <= perBatch; index += 1) await send.click();
      await runFor(page, 800);
    }
    const requests = batches * perBatch;
    const target = Math.max(await readTick(page), 3_000);
    await runUntil(page, async () => {
      expect(await readTick(page)).toBeGreaterThanOrEqual(target);
      const leaders = leadersOf(await nodeStates(page));
      expect(leaders).toHaveLength(1);
    });
    const logControls = logView(page).getByText(/the longest log ends at \d+/);
    const longest = Number(/ends at (\d+)/.exec((await logControls.textContent()) ?? '')![1]);
    expect(longest).toBeGreaterThanOrEqual(requests);
    const scroller = logView(page).getByRole('group', { name: /^Log window/ });
    await logView(page).scrollIntoViewIfNeeded();
    // Only whole columns: no entry column hidden past the panel's edge, and the last one the
    // window names ("indexes a–b") is really shown.
    const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow, 'no column is hidden past the edge of the log panel').toBeLessThanOrEqual(0);
    const range = /indexes (\d+)–(\d+)/.exec((await logControls.textContent()) ?? '')!;
    const lastShown = logView(page).getByRole('columnheader', { name: range[2], exact: true });
    await expect(lastShown).toBeVisible();
    const headerBox = (await lastShown.boundingBox())!;
    const panelBox = (await scroller.boundingBox())!;
    expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
    await saveScreen(page, testInfo, 'long-log');
    await saveScreen(page, testInfo, 'long-log-panel', logView(page));
    // The log window can move back to the start of the log.
    await logView(page).getByRole('button', { name: 'Jump to start', exact: true }).click();
    await expect(logView(page)).toContainText('indexes 1–');
    await saveScreen(page, testInfo, 'long-log-start', logView(page));
    expect(await nodeButtons(page).count()).toBe(5);
  });
});

/** Clicks Step `count` times, checking each click moves time by exactly one tick. */
async function stepTicks(page: Page, count: number): Promise<void> {
  const start = await readTick(page);
  for (let index = 1; index <= count; index += 1) {
    await stepButton(page).click();
    await expect(currentTick(page)).toHaveText(String(start + index));
  }
}

/** The accessible names of every log cell, row by row: index, term, command and status. */
async function logCellNames(page: Page): Promise<string[]> {
  return logView(page)
    .getByRole('cell')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? cell.textContent ?? ''));
}

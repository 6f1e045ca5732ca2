/**
 * Small helpers for the end-to-end flows: they find things by their accessible names (the same
 * names a screen reader announces) and wait with web-first assertions, never with fixed sleeps.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from '@playwright/test';
import type { Locator, Page, TestInfo } from '@playwright/test';

/** Slider position for 1,000 ticks/s: the speed slider is logarithmic, 10^(p / 100) ticks/s. */
export const fastSpeedPosition = 300;

export interface NodeState {
  readonly id: number;
  readonly role: 'follower' | 'candidate' | 'leader';
  readonly term: number;
  readonly crashed: boolean;
  /** The accessible name as read, e.g. "Node 3, leader, term 4". */
  readonly name: string;
}

const nodeNamePattern = /^Node (\d+), (follower|candidate|leader), term (\d+)(, crashed)?$/;

export function parseNodeName(name: string): NodeState {
  const match = nodeNamePattern.exec(name);
  if (match === null) throw new Error(`unexpected node name ${JSON.stringify(name)}`);
  return { id: Number(match[1]), role: match[2] as NodeState['role'], term: Number(match[3]), crashed: match[4] !== undefined, name };
}

export function clusterView(page: Page): Locator {
  return page.getByRole('group', { name: 'Cluster', exact: true });
}

/** Every node glyph (messages in flight are buttons in the same SVG, named "MsgApp from ..."). */
export function nodeButtons(page: Page): Locator {
  return clusterView(page).getByRole('button', { name: /^Node \d+, / });
}

export function nodeButton(page: Page, id: number): Locator {
  return clusterView(page).getByRole('button', { name: new RegExp(`^Node ${id}, `) });
}

/** The nodes' accessible names, in id order. */
export async function nodeNames(page: Page): Promise<string[]> {
  const names = await nodeButtons(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  return names.sort((a, b) => parseNodeName(a).id - parseNodeName(b).id);
}

export async function nodeStates(page: Page): Promise<NodeState[]> {
  return (await nodeNames(page)).map(parseNodeName);
}

export function leadersOf(nodes: readonly NodeState[]): NodeState[] {
  return nodes.filter((node) => node.role === 'leader' && !node.crashed);
}

export function currentTick(page: Page): Locator {
  return page.getByLabel('Current tick', { exact: true });
}

export async function readTick(page: Page): Promise<number> {
  const text = (await currentTick(page).textContent()) ?? '';
  const tick = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(tick)) throw new Error(`unexpected Current tick ${JSON.stringify(text)}`);
  return tick;
}

export function playButton(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: /^(Play|Pause)$/ });
}

export function stepButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Step', exact: true });
}

export function stepBackButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Step back', exact: true });
}

export function timelineSlider(page: Page): Locator {
  return page.getByRole('slider', { name: 'Timeline', exact: true });
}

export function inspector(page: Page): Locator {
  return page.getByRole('region', { name: 'Inspector', exact: true });
}

export function clientPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Client request', exact: true });
}

export function faultPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Network faults', exact: true });
}

export function logView(page: Page): Locator {
  return page.getByRole('region', { name: 'Log view', exact: true });
}

/** One node's row in the log view. */
export function logRow(page: Page, id: number): Locator {
  return logView(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Node ${id}`, exact: true }) });
}

/** The log cell of one node at one index; its name reads "index 7, term 2, k=v, committed, applied". */
export function logCell(page: Page, id: number, index: number): Locator {
  return logRow(page, id).getByRole('cell', { name: new RegExp(`^index ${index}, `) });
}

/** Opens the app and waits for the first frame: 5 nodes at tick 0, paused. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(nodeButtons(page)).toHaveCount(5);
  await expect(currentTick(page)).toHaveText('0');
  await expect(playButton(page)).toHaveText('Play');
}

/** Moves the logarithmic Speed slider and waits for the worker to confirm the new speed. */
export async function setSpeed(page: Page, position = fastSpeedPosition): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Speed', exact: true });
  await slider.fill(String(position));
  // The input is controlled by the worker's reply: wait for it rather than for the DOM event.
  await expect(slider).toHaveValue(String(position));
  const expected = Math.round(10 ** (position / 100));
  await expect(page.getByRole('toolbar', { name: 'Playback' })).toContainText(`${expected} ticks/s`);
}

export async function play(page: Page): Promise<void> {
  await expect(playButton(page)).toHaveText('Play');
  await playButton(page).click();
  await expect(playButton(page)).toHaveText('Pause');
}

export async function pause(page: Page): Promise<void> {
  await expect(playButton(page)).toHaveText('Pause');
  await playButton(page).click();
  await expect(playButton(page)).toHaveText('Play');
}

/**
 * Plays until `check` passes on the paused screen, then leaves the run paused. Playback is paced
 * by wall time, so a condition seen while playing may be gone a frame later: it is checked again
 * after pausing, and playing resumes if it no longer holds.
 */
export async function runUntil(page: Page, check: () => Promise<void>, options: { timeout?: number; message?: string } = {}): Promise<void> {
  const timeout = options.timeout ?? 20_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    await play(page);
    try {
      await expect(check).toPass({ timeout: Math.max(1, deadline - Date.now()), intervals: [25, 50, 100] });
    } finally {
      await pause(page);
    }
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`${options.message ?? 'condition'} did not hold within ${timeout} ms`, { cause: lastError });
}

/** Plays until at least `ticks` more ticks have passed, then pauses. */
export async function runFor(page: Page, ticks: number): Promise<number> {
  const start = await readTick(page);
  await runUntil(page, async () => expect(await readTick(page)).toBeGreaterThanOrEqual(start + ticks), { message: `running ${ticks} ticks` });
  return readTick(page);
}

/**
 * Plays until exactly one live node leads and every other live node follows it in its term (a
 * settled cluster, not just a leader whose heartbeats are still on their way), and returns it.
 * `among` restricts the nodes considered, e.g. the majority side of a partition.
 */
export async function runUntilSettledLeader(page: Page, options: { among?: readonly number[]; aboveTerm?: number; timeout?: number } = {}): Promise<NodeState> {
  const among = options.among;
  let leader: NodeState | undefined;
  await runUntil(
    page,
    async () => {
      const nodes = (await nodeStates(page)).filter((node) => among === undefined || among.includes(node.id));
      const live = nodes.filter((node) => !node.crashed);
      const leaders = leadersOf(live);
      expect(leaders, `leaders among ${live.map((node) => node.name).join('; ')}`).toHaveLength(1);
      leader = leaders[0]!;
      expect(leader.term).toBeGreaterThan(options.aboveTerm ?? 0);
      for (const node of live) expect(node.term, node.name).toBe(leader.term);
    },
    { timeout: options.timeout ?? 20_000, message: 'a settled leader' },
  );
  return leader!;
}

/** Selects a node in the cluster view (Enter on its glyph) unless the inspector already shows it. */
export async function selectNode(page: Page, id: number, how: 'click' | 'keyboard' = 'keyboard'): Promise<Locator> {
  const heading = inspector(page).getByRole('heading', { level: 2, name: `Node ${id}`, exact: true });
  if (!(await heading.isVisible())) {
    const glyph = nodeButton(page, id);
    if (how === 'click') await glyph.locator('circle.raft-node__body').click();
    else await glyph.press('Enter');
  }
  await expect(heading).toBeVisible();
  await expect(nodeButton(page, id)).toHaveAttribute('aria-pressed', 'true');
  return inspector(page);
}

/** The inspector's value for one field, e.g. "commitIndex". */
export function inspectorField(page: Page, name: string): Locator {
  return inspector(page).locator('dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** Sends a put from the client panel to a given node (or the leader) and returns the outcome line. */
export async function sendPut(page: Page, key: string, value: string, target: number | 'leader' = 'leader'): Promise<Locator> {
  const panel = clientPanel(page);
  await panel.getByLabel('Key', { exact: true }).fill(key);
  await panel.getByLabel('Value', { exact: true }).fill(value);
  await panel.getByLabel('Send to', { exact: true }).selectOption(target === 'leader' ? 'leader' : String(target));
  await panel.getByRole('button', { name: 'Send request', exact: true }).click();
  return panel.getByRole('status');
}

/**
 * Saves a screenshot of the viewport (or of one element) as a test artifact: in the test's output
 * folder, attached to the report, and copied to test-results/screens/<name>.png for review.
 */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string, target?: Locator): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  if (target === undefined) await page.screenshot({ path, animations: 'disabled' });
  else await target.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const shared = join(testInfo.project.outputDir, 'screens', `${name}.png`);
  await mkdir(dirname(shared), { recursive: true });
  await copyFile(path, shared);
  return path;
}

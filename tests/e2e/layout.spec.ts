/**
 * The screen at the sizes a classroom has: 1024x768, 1440x900, 1920x1080, and 1440x900 at 200%
 * browser zoom (720x450 CSS px at two device pixels per px). At each size, after an election and
 * a few client requests with a node selected:
 *   - no panel is drawn over another (their boxes do not intersect), and nothing covers the
 *     centre of any node (the element at each node's centre belongs to that node);
 *   - the legend opens beside the graph without covering a node;
 *   - a screenshot is saved to test-results/screens/layout-<size>.png for a person to look at.
 * At 1920x1080 the cluster must read from the back of a room: labels of at least 18 px, nodes of
 * at least 120 px, messages of at least 20 px with click targets of at least 24 px. At 1440x900
 * the main task (graph, logs, selected node) fits the window without scrolling it. At every size the
 * leader's progress table shows all its columns without a sideways scroll. With 9 and 15 nodes, no
 * node's label is drawn over another node or its label.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { clusterView, inspector, logView, nodeButtons, openApp, runUntilSettledLeader, saveScreen, selectNode, sendPut, setSpeed } from './helpers.ts';

const sizes = [
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
  { name: '1440x900', width: 1440, height: 900, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '1440x900-at-200-percent', width: 720, height: 450, scale: 2 },
] as const;

/** The panels of the screen, by their accessible names. */
const panelNames = ['Cluster view', 'Log view', 'Inspector', 'Client and faults', 'Events'] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Each panel's box in page coordinates (scroll offsets added), so stacked layouts compare too. */
async function panelBoxes(page: Page): Promise<Map<string, Box>> {
  const boxes = new Map<string, Box>();
  for (const name of panelNames) {
    const box = await page.getByRole('region', { name, exact: true }).evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
    });
    boxes.set(name, box);
  }
  return boxes;
}

/** Node ids whose centre is covered by something that is not part of that node. */
async function coveredNodes(page: Page): Promise<number[]> {
  await clusterView(page).scrollIntoViewIfNeeded();
  return nodeButtons(page).evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const body = node.querySelector('.raft-node__body')!.getBoundingClientRect();
      const hit = document.elementFromPoint(body.x + body.width / 2, body.y + body.height / 2);
      return hit !== null && node.contains(hit) ? [] : [Number(node.getAttribute('data-node-id'))];
    }),
  );
}

async function setUp(page: Page): Promise<void> {
  await openApp(page);
  await setSpeed(page);
  await runUntilSettledLeader(page);
  for (const value of ['1', '2', '3']) await sendPut(page, 'x', value);
  await selectNode(page, 1);
}

for (const size of sizes) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });

    test('no panel is drawn over another, nothing covers a node, and the legend opens beside the graph', async ({ page }, testInfo) => {
      await setUp(page);
      const boxes = await panelBoxes(page);
      for (const [a, boxA] of boxes) {
        expect(boxA.width, `${a} has a size`).toBeGreaterThan(100);
        for (const [b, boxB] of boxes) if (a < b) expect(overlap(boxA, boxB), `${a} and ${b} overlap`).toBeLessThan(1);
      }
      expect(await coveredNodes(page)).toEqual([]);
      await saveScreen(page, testInfo, `layout-${size.name}`);

      await clusterView(page).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: 'Legend', exact: true }).click();
      const legend = page.getByRole('complementary', { name: 'Legend', exact: true });
      await expect(legend).toBeVisible();
      await expect(legend).toContainText('Colour = term');
      await expect(legend).toContainText('term 1');
      await expect(page.getByRole('button', { name: 'Legend', exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => coveredNodes(page)).toEqual([]);
      await saveScreen(page, testInfo, `layout-${size.name}-legend`);
    });

    test("the leader's progress table shows all its columns, Paused and In flight included, without a sideways scroll", async ({ page }) => {
      await openApp(page);
      await setSpeed(page);
      const leader = await runUntilSettledLeader(page);
      const panel = await selectNode(page, leader.id);
      const table = panel.getByRole('table', { name: `Leader ${leader.id}'s progress per follower` });
      await table.scrollIntoViewIfNeeded();
      for (const name of ['Follower', 'nextIndex', 'matchIndex', 'Mode', 'Paused', 'In flight']) {
        await expect(table.getByRole('columnheader', { name, exact: true })).toBeInViewport({ ratio: 1 });
      }
      const fits = await table.evaluate((element) => {
        const wrapper = element.parentElement!;
        return { table: element.scrollWidth, room: wrapper.clientWidth, scrolls: wrapper.scrollWidth > wrapper.clientWidth };
      });
      expect(fits.scrolls, `a ${fits.table} px table in ${fits.room} px`).toBe(false);
    });
  });
}

test.describe('at 1920x1080, read from the back of the room', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('labels of 18 px and more, nodes of 120 px and more, messages of 20 px with 24 px targets', async ({ page }) => {
    await setUp(page);
    const nodes = await nodeButtons(page).evaluateAll((elements) =>
      elements.map((node) => {
        const box = node.getBoundingClientRect();
        const label = node.querySelector('.raft-node__label')!;
        const lines = [...label.querySelectorAll('tspan')].map((line) => line.getBoundingClientRect().height);
        return { width: box.width, height: box.height, font: Number.parseFloat(getComputedStyle(label).fontSize), lines };
      }),
    );
    expect(nodes).toHaveLength(5);
    for (const node of nodes) {
      expect(Math.min(node.width, node.height)).toBeGreaterThanOrEqual(120);
      expect(node.font).toBeGreaterThanOrEqual(18);
      for (const line of node.lines) expect(line).toBeGreaterThanOrEqual(18);
    }
    // Messages in flight: send a request and step until some are on the wire.
    await sendPut(page, 'y', '1');
    const inFlight = clusterView(page).getByRole('button', { name: /^Msg/ });
    for (let step = 0; step < 300 && (await inFlight.count()) === 0; step += 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
    const messages = await clusterView(page)
      .getByRole('button', { name: /^Msg/ })
      .evaluateAll((elements) =>
        elements.map((message) => ({
          shape: message.querySelector('.raft-message__shape')!.getBoundingClientRect(),
          target: message.querySelector('.raft-message__hit')!.getBoundingClientRect(),
          heartbeat: message.getAttribute('aria-label')!.includes('heartbeat'),
        })),
      );
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      // A heartbeat is drawn a little smaller than an append carrying entries, on purpose.
      if (!message.heartbeat) expect(Math.max(message.shape.width, message.shape.height)).toBeGreaterThanOrEqual(20);
      expect(Math.min(message.target.width, message.target.height)).toBeGreaterThanOrEqual(24);
    }
  });
});

test.describe('at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the graph, the logs and the selected node fit the window without scrolling it', async ({ page }) => {
    await setUp(page);
    const scroll = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    expect(scroll.height).toBeLessThanOrEqual(900);
    expect(scroll.width).toBeLessThanOrEqual(1440);
    for (const region of [clusterView(page), logView(page), inspector(page)]) await expect(region).toBeInViewport();
    await expect(inspector(page).getByRole('heading', { name: 'Node 1', exact: true })).toBeInViewport();
  });

  test('Large type (and ?large=1) makes the type larger everywhere, and is remembered', async ({ page }) => {
    await openApp(page);
    const labelFont = () => page.locator('.raft-node__label').first().evaluate((label) => Number.parseFloat(getComputedStyle(label).fontSize));
    const rootFont = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = { label: await labelFont(), root: await rootFont() };
    const toggle = page.getByRole('button', { name: 'Large type', exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(rootFont).toBeGreaterThan(before.root);
    await expect.poll(labelFont).toBeGreaterThan(before.label);
    // Remembered across a reload, and off again from the address.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Large type', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/?large=0');
    await expect(page.getByRole('button', { name: 'Large type', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await page.goto('/?large=1');
    await expect(page.getByRole('button', { name: 'Large type', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(rootFont).toBeGreaterThan(before.root);
  });
});

/** Pairs of nodes where one's label (as the browser drew it) lies on the other node or its label. */
async function labelCollisions(page: Page): Promise<string[]> {
  return nodeButtons(page).evaluateAll((nodes) => {
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const drawn = nodes.map((node) => ({
      id: node.getAttribute('data-node-id'),
      label: node.querySelector('.raft-node__label')!.getBoundingClientRect(),
      body: node.querySelector('.raft-node__timer, .raft-node__body')!.getBoundingClientRect(),
    }));
    return drawn.flatMap((node) =>
      drawn.filter((other) => other !== node && (meet(node.label, other.body) || meet(node.label, other.label))).map((other) => `${node.id} on ${other.id}`),
    );
  });
}

for (const crowd of [
  { name: '1024x768', width: 1024, height: 768, scale: 1, nodes: 15 },
  { name: '1024x768', width: 1024, height: 768, scale: 1, nodes: 9 },
  { name: '1440x900-at-200-percent', width: 720, height: 450, scale: 2, nodes: 15 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1, nodes: 15 },
]) {
  test.describe(`${crowd.nodes} nodes at ${crowd.name}`, () => {
    test.use({ viewport: { width: crowd.width, height: crowd.height }, deviceScaleFactor: crowd.scale });

    test('no node label is drawn over another node or its label, after an election', async ({ page }, testInfo) => {
      await page.goto(`/?nodes=${crowd.nodes}`);
      await expect(nodeButtons(page)).toHaveCount(crowd.nodes);
      await setSpeed(page);
      await runUntilSettledLeader(page);
      await clusterView(page).scrollIntoViewIfNeeded();
      expect(await labelCollisions(page)).toEqual([]);
      expect(await coveredNodes(page)).toEqual([]);
      await saveScreen(page, testInfo, `crowd-${crowd.nodes}-${crowd.name}`);
    });
  });
}

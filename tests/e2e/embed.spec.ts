/**
 * Embedding (docs/embedding.md): the example course page, docs/embed-example.html, is served with
 * the build in a raftlab/ folder beside it, exactly as the page expects. Inside its iframe the
 * cluster plays on its own (autoplay), elects a leader, and shows only the chrome the address
 * asked for; "Open in Raftlab" opens the full app with the same options.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { FrameLocator } from '@playwright/test';
import { recordErrors, recordRequests } from './deployed.ts';
import { startStaticServer } from './static-server.ts';
import type { StaticServer } from './static-server.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer([
    { prefix: '/course/', dir: docs },
    { prefix: '/course/raftlab/', dir: dist },
  ]);
});

test.afterAll(async () => {
  await server.close();
});

function leaders(frame: FrameLocator) {
  return frame.getByRole('button', { name: /^Node \d+, leader, term \d+$/ });
}

test.use({ viewport: { width: 1280, height: 900 } });

test('the example course page embeds a cluster that plays by itself and elects a leader', async ({ context, page }) => {
  const requests = recordRequests(context);
  const errors = recordErrors(page);
  await page.goto(`${server.origin}/course/embed-example.html`);
  const frame = page.frameLocator('iframe[title^="Raftlab"]');

  await expect(frame.getByRole('button', { name: /^Node \d+, / })).toHaveCount(5);
  // autoplay=1: nobody presses Play.
  await expect(frame.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(leaders(frame)).toHaveCount(1, { timeout: 30_000 });

  // Minimal chrome: the cluster, the playback controls and the inspector the address asked for;
  // no header, no event log, no settings.
  await expect(frame.getByRole('region', { name: 'Cluster view', exact: true })).toBeVisible();
  await expect(frame.getByRole('region', { name: 'Inspector', exact: true })).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Raftlab', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('region', { name: 'Events', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Export run', exact: true })).toHaveCount(0);

  // The frame fits its box: the cluster is drawn inside it, not cut off below.
  const box = await page.locator('iframe').boundingBox();
  const cluster = await frame.getByRole('region', { name: 'Cluster view', exact: true }).boundingBox();
  expect(box).not.toBeNull();
  expect(cluster).not.toBeNull();
  expect(cluster!.y + cluster!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
  // ...and every node is drawn inside the cluster's panel, labels included, none cut off.
  for (const node of await frame.getByRole('button', { name: /^Node \d+, / }).all()) {
    const glyph = (await node.boundingBox())!;
    expect(glyph.y).toBeGreaterThanOrEqual(cluster!.y);
    expect(glyph.y + glyph.height).toBeLessThanOrEqual(cluster!.y + cluster!.height + 1);
  }

  // A click selects a node, and the inspector beside the cluster shows it.
  await frame.getByRole('button', { name: 'Pause', exact: true }).click();
  await frame.getByRole('button', { name: /^Node 2, / }).click();
  await expect(frame.getByRole('region', { name: 'Inspector', exact: true }).getByRole('heading', { name: 'Node 2', exact: true })).toBeVisible();

  // The full app, in a new tab, with the same options and no embed.
  const link = frame.getByRole('link', { name: /Open in Raftlab/ });
  const href = new URL((await link.getAttribute('href'))!, `${server.origin}/course/raftlab/`);
  expect(href.searchParams.get('embed')).toBeNull();
  expect(href.searchParams.get('nodes')).toBe('5');
  expect(href.searchParams.get('seed')).toBe('3');
  expect(await link.getAttribute('target')).toBe('_blank');

  expect(requests.failures).toEqual([]);
  // The course page itself has no icon: the browser's own /favicon.ico request is the one 404 allowed.
  expect(server.served.filter((answer) => answer.status !== 200 && answer.path !== '/favicon.ico')).toEqual([]);
  expect(errors.filter((error) => !(error.includes('404') && server.served.some((answer) => answer.path === '/favicon.ico')))).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/embed-example.png' });
});

test('panels= chooses what the embedded view shows, and lang= its language', async ({ page }) => {
  await page.goto(`${server.origin}/course/raftlab/?embed=1&nodes=3&panels=status,log,events&lang=zh-CN`);
  await expect(page.getByRole('button', { name: /^节点 \d+，/ })).toHaveCount(3);
  await expect(page.getByRole('region', { name: '事件', exact: true })).toBeVisible();
  // No playback controls were asked for.
  await expect(page.getByRole('button', { name: '播放', exact: true })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

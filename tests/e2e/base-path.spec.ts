/**
 * Under a subfolder (docs/deploying.md): the very dist/ that the preview server serves at / is
 * served here under /some/sub/path/ by a small static server (404 for anything else), as on a
 * course site or GitHub Pages. The app runs there and elects a leader, and every file it asks
 * for (page, script, styles, worker, favicon) is under that path and is found.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { runUntilSettledLeader, setSpeed } from './helpers.ts';
import { openAppAt, recordErrors, recordRequests } from './deployed.ts';
import { startStaticServer } from './static-server.ts';
import type { StaticServer } from './static-server.ts';

const prefix = '/some/sub/path/';
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer([{ prefix, dir: dist }]);
});

test.afterAll(async () => {
  await server.close();
});

test('the built app runs under /some/sub/path/ and asks for nothing outside it', async ({ context, page }) => {
  const requests = recordRequests(context);
  const errors = recordErrors(page);
  const home = `${server.origin}${prefix}`;
  await openAppAt(page, home, requests);
  await expect(page).toHaveTitle('Raftlab');

  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  expect(leader.term).toBeGreaterThan(0);

  // Headless Chromium may never fetch the favicon itself: check where it points, and fetch it.
  const icon = await page.locator('link[rel="icon"]').evaluate((link: HTMLLinkElement) => link.href);
  expect(icon).toBe(`${home}favicon.svg`);
  expect((await page.request.get(icon)).status()).toBe(200);

  expect(requests.urls.filter((url) => !url.startsWith(home) && !/^(data|blob):/.test(url)), 'requests outside the subfolder').toEqual([]);
  expect(requests.failures).toEqual([]);
  expect(server.served.filter((answer) => answer.status !== 200), 'answers other than 200').toEqual([]);
  const paths = server.served.map((answer) => answer.path);
  for (const expected of [/^\/some\/sub\/path\/$/, /^\/some\/sub\/path\/assets\/index-[\w-]+\.js$/, /^\/some\/sub\/path\/assets\/index-[\w-]+\.css$/, /^\/some\/sub\/path\/assets\/sim\.worker-[\w-]+\.js$/]) {
    expect(paths.some((path) => expected.test(path)), `a request matching ${expected} among ${paths.join(', ')}`).toBe(true);
  }
  expect(errors).toEqual([]);
});

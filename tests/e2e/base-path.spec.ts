/**
 * Under a subfolder (docs/deploying.md): the very dist/ that the preview server serves at / is
 * served here under /some/sub/path/ by a small static server (404 for anything else), as on a
 * course site or GitHub Pages. The app runs there and elects a leader, and every file it asks
 * for (page, script, styles, worker, favicon) is under that path and is found.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { runUntilSettledLeader, setSpeed } from './helpers.ts';
import { openAppAt, recordErrors, recordRequests } from './deployed.ts';

const prefix = '/some/sub/path/';
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

interface Served {
  readonly path: string;
  readonly status: number;
}

/** What the server answered, request by request. */
const served: Served[] = [];
let server: Server;
let origin = '';

/** dist/ at the prefix (a folder's address serves its index.html); 404 everywhere else. */
async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const answer = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
    served.push({ path, status });
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  };
  if (request.method !== 'GET' || !path.startsWith(prefix)) return answer(404, 'not found');
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(prefix.length));
  } catch {
    return answer(400, 'bad address');
  }
  const file = resolve(dist, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
  if (!file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) return answer(404, 'not found');
  try {
    answer(200, await readFile(file), contentTypes[extname(file)] ?? 'application/octet-stream');
  } catch {
    answer(404, 'not found');
  }
}

test.beforeAll(async () => {
  server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

test('the built app runs under /some/sub/path/ and asks for nothing outside it', async ({ context, page }) => {
  const requests = recordRequests(context);
  const errors = recordErrors(page);
  const home = `${origin}${prefix}`;
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
  expect(served.filter((answer) => answer.status !== 200), 'answers other than 200').toEqual([]);
  const paths = served.map((answer) => answer.path);
  for (const expected of [/^\/some\/sub\/path\/$/, /^\/some\/sub\/path\/assets\/index-[\w-]+\.js$/, /^\/some\/sub\/path\/assets\/index-[\w-]+\.css$/, /^\/some\/sub\/path\/assets\/sim\.worker-[\w-]+\.js$/]) {
    expect(paths.some((path) => expected.test(path)), `a request matching ${expected} among ${paths.join(', ')}`).toBe(true);
  }
  expect(errors).toEqual([]);
});

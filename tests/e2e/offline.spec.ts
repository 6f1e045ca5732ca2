/**
 * The offline single file (docs/deploying.md): `npm run build` writes dist/raftlab.html, the
 * whole app in one file. Copied alone into an empty folder, as onto a USB stick, it opens over
 * file:// with the network off, runs the simulation in its inlined worker and elects a leader,
 * asking for nothing but itself and its own blob:/data: URLs.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { runUntilSettledLeader, saveScreen, setSpeed } from './helpers.ts';
import { openAppAt, recordErrors, recordRequests } from './deployed.ts';

const singleFile = fileURLToPath(new URL('../../dist/raftlab.html', import.meta.url));

test('dist/raftlab.html, alone in a folder, runs over file:// with no network and elects a leader', async ({ context, page }, testInfo) => {
  expect(existsSync(singleFile), `${singleFile} (written by npm run build, which the e2e web server runs)`).toBe(true);
  const stick = testInfo.outputPath('usb-stick');
  await mkdir(stick, { recursive: true });
  const copy = join(stick, 'raftlab.html');
  await copyFile(singleFile, copy);

  await context.setOffline(true);
  const requests = recordRequests(context);
  const errors = recordErrors(page);
  const address = pathToFileURL(copy).href;
  await openAppAt(page, address, requests);
  await expect(page).toHaveTitle('Raftlab');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^data:image\/svg\+xml,/);

  await setSpeed(page);
  const leader = await runUntilSettledLeader(page);
  expect(leader.term).toBeGreaterThan(0);
  await saveScreen(page, testInfo, 'offline-single-file');
  // The fuzz workers are inlined too.
  const fuzz = page.getByRole('region', { name: 'Fuzz' });
  await fuzz.getByRole('spinbutton', { name: 'Seeds' }).fill('10');
  await fuzz.getByRole('button', { name: 'Run fuzz' }).click();
  await expect(fuzz.getByRole('status').first()).toHaveText(/^10 seeds, no violation/, { timeout: 60_000 });

  expect(requests.urls[0], 'the first request is the file itself').toBe(address);
  expect(requests.urls.filter((url) => !/^(file|data|blob):/.test(url)), 'requests other than file:, data: and blob: URLs').toEqual([]);
  expect(requests.urls.filter((url) => url.startsWith('file:') && url !== address), 'files other than raftlab.html').toEqual([]);
  expect(requests.failures).toEqual([]);
  expect(errors).toEqual([]);
});

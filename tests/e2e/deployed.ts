/**
 * Helpers for the deployment specs (offline.spec.ts, base-path.spec.ts), which open the built app
 * somewhere other than the preview server's root, so helpers.ts's openApp (page.goto('/')) does
 * not fit them.
 */
import { expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { currentTick, nodeButtons, playButton } from './helpers.ts';

/**
 * Opens the app at a full address and waits for the first frame: 5 nodes at tick 0, paused. If
 * it does not come, the error lists the requests that failed (a file the page could not find).
 */
export async function openAppAt(page: Page, url: string, requests: RequestLog): Promise<void> {
  try {
    await page.goto(url);
    await expect(nodeButtons(page)).toHaveCount(5);
    await expect(currentTick(page)).toHaveText('0');
    await expect(playButton(page)).toHaveText('Play');
  } catch (error) {
    throw new Error(`the app did not start at ${url}; failed requests: ${requests.failures.join('; ') || 'none'}`, { cause: error });
  }
}

export interface RequestLog {
  /** Every URL the pages and workers of the context asked for, in order. */
  readonly urls: string[];
  /** Requests that failed, or were answered with a status of 400 or more. */
  readonly failures: string[];
}

/** Records every request of a browser context (its pages' and their workers'). */
export function recordRequests(context: BrowserContext): RequestLog {
  const log: RequestLog = { urls: [], failures: [] };
  context.on('request', (request) => log.urls.push(request.url()));
  context.on('requestfailed', (request) => log.failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  context.on('response', (response) => {
    if (response.status() >= 400) log.failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return log;
}

/** Collects the page's uncaught errors and console errors (a worker that fails to start reports there). */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

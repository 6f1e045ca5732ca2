/** Next event names what it will run before it runs it, and then runs exactly that. */
import { expect, test } from '@playwright/test';
import { currentTick, nodeButton, openApp } from './helpers.ts';

test('Next event says what comes next, then runs exactly that', async ({ page }) => {
  await openApp(page);
  const next = page.getByRole('button', { name: 'Next event', exact: true });
  const label = page.locator('.next-step');
  await expect(next).toHaveAccessibleDescription(/^Next, at tick \d+: election timeout on node \d$/);
  const [, tick, node] = /at tick (\d+): election timeout on node (\d)/.exec((await label.textContent()) ?? '')!;
  await next.click();
  await expect(currentTick(page)).toHaveText(tick!);
  await expect(nodeButton(page, Number(node))).toHaveAccessibleName(new RegExp(`^Node ${node}, candidate, term 1`));
  // And names the next one: another node's timer, or node's RequestVote arriving.
  await expect(next).toHaveAccessibleDescription(new RegExp(`^Next, at tick \\d+: (deliver RequestVote ${node}→\\d|election timeout on node \\d)$`));
  const later = Number(/at tick (\d+)/.exec((await label.textContent()) ?? '')![1]);
  expect(later).toBeGreaterThanOrEqual(Number(tick));
});

/**
 * Lessons in Chromium: a lesson opens from its address; PageDown advances its captions to the
 * end, the run pausing at each step; the Lessons list opens one by its title; presenter mode at
 * 1920x1080 shows the cluster filling the screen and the caption in type of 32 px or more.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { lessonTitles as zhTitles } from '../../src/ui/i18n/zh-CN/lesson-titles.ts';
import { currentTick, setSpeed } from './helpers.ts';

const zhFigure8 = zhTitles['figure-8'].title;

function caption(page: Page) {
  return page.getByRole('region', { name: 'Caption' });
}

/** "Step 3 of 9" → [3, 9]. */
async function stepOf(page: Page): Promise<[number, number]> {
  const text = (await caption(page).textContent()) ?? '';
  const found = /Step (\d+) of (\d+)/.exec(text);
  return found === null ? [0, 0] : [Number(found[1]), Number(found[2])];
}

test('a lesson opens from its address, and PageDown takes its captions to the end, pausing at each step', async ({ page }) => {
  await page.goto('/?lesson=leader-election');
  await expect(caption(page)).toBeVisible();
  await expect(caption(page)).toContainText('Step 1 of');
  const [, total] = await stepOf(page);
  expect(total).toBeGreaterThanOrEqual(5);
  // A lesson plays at 40 ticks a second, for a class; the test has less time.
  await setSpeed(page);
  const text = caption(page).locator('.lesson-caption-text');
  // The slider keeps PageDown for itself while it has focus.
  await text.click();
  const seen = new Set([await text.textContent()]);
  for (let step = 2; step <= total; step += 1) {
    await page.keyboard.press('PageDown');
    // Played on to the next step, and paused there.
    await expect(caption(page)).toContainText(`Step ${step} of ${total}`, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    seen.add(await text.textContent());
  }
  // The captions changed along the way, and the last one invites exploring the live run.
  expect(seen.size).toBeGreaterThanOrEqual(Math.min(4, total));
  await expect(text).toHaveText(/^Explore:/);
  await expect(caption(page).getByRole('button', { name: 'Next' })).toBeDisabled();
  // PageUp goes back a step, seeking the run back.
  const before = Number(await currentTick(page).textContent());
  await page.keyboard.press('PageUp');
  await expect(caption(page)).toContainText(`Step ${total - 1} of ${total}`);
  expect(Number(await currentTick(page).textContent())).toBeLessThan(before);
});

test('the Lessons list opens a lesson by its title, in either language', async ({ page }) => {
  await page.goto('/?lang=zh-CN');
  await page.getByRole('button', { name: '课程' }).click();
  const list = page.getByRole('dialog', { name: '课程' });
  await expect(list.getByRole('button')).toHaveCount(17); // sixteen lessons and Close
  await list.getByRole('button', { name: zhFigure8 }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const zhCaption = page.getByRole('region', { name: '字幕' });
  await expect(zhCaption).toContainText(zhFigure8);
  // Its first step comes after tick 0: Next begins it.
  await expect(zhCaption).toContainText('点“下一步”开始。');
  await zhCaption.getByRole('button', { name: '下一步' }).click();
  await expect(zhCaption).toContainText('第 1 步', { timeout: 30_000 });
});

test('presenter mode at 1920x1080: the cluster fills the screen, the caption is large, the keys work', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?lesson=split-vote');
  await expect(caption(page)).toContainText('Step 1 of');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
  const sizes = await page.evaluate(() => {
    const text = document.querySelector('.lesson-caption-text')!;
    const smallest = Math.min(...[...document.querySelectorAll('.lesson-caption, .lesson-caption *')].map((element) => parseFloat(getComputedStyle(element).fontSize)));
    const cluster = document.querySelector('.cluster-panel')!.getBoundingClientRect();
    return { smallest, font: parseFloat(getComputedStyle(text).fontSize), clusterWidth: cluster.width, clusterHeight: cluster.height, header: document.querySelector('.app-header') !== null, side: document.querySelector('.app-side')?.getBoundingClientRect().width ?? 0 };
  });
  expect(sizes.font).toBeGreaterThanOrEqual(32);
  expect(sizes.smallest).toBeGreaterThanOrEqual(32);
  expect(sizes.header).toBe(false);
  expect(sizes.side).toBe(0);
  expect(sizes.clusterWidth).toBeGreaterThanOrEqual(1920 * 0.9);
  expect(sizes.clusterHeight).toBeGreaterThanOrEqual(1080 * 0.45);
  // → is the clicker's "next"; B blanks; Esc shows the screen again, then leaves.
  await page.keyboard.press('ArrowRight');
  await expect(caption(page)).toContainText('Step 2 of', { timeout: 60_000 });
  await page.keyboard.press('b');
  await expect(page.locator('.presenter-blank')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.presenter-blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
});

test('a lesson plays in an embedded frame too, and a missing one says so', async ({ page }) => {
  await page.goto('/?lesson=log-replication&embed=1');
  await expect(caption(page)).toContainText('Step 1 of');
  await caption(page).getByRole('button', { name: 'Next' }).click();
  await expect(caption(page)).toContainText('Step 2 of', { timeout: 60_000 });
  await page.goto('/?lesson=no-such-lesson');
  const list = page.getByRole('dialog', { name: 'Lessons' });
  await expect(list).toContainText('There is no lesson “no-such-lesson”');
  await expect(list.getByRole('button', { name: 'Leader election' })).toBeVisible();
});

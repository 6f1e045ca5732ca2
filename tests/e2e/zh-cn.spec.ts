/**
 * The app in Simplified Chinese (docs/i18n.md), at the sizes a classroom has: loaded with
 * ?lang=zh-CN it elects a leader, a node crashes and the run steps, all through Chinese names;
 * every visible control, label and heading is Chinese (save names the paper and the code keep,
 * such as RequestVote, nextIndex and the event topics' codes); the layout holds (no panel over
 * another); the choice is remembered and kept in the address. Screenshots go to
 * test-results/screens/zh-CN-<size>.png for a person to look at.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { saveScreen } from './helpers.ts';

const sizes = [
  { name: '1024x768', width: 1024, height: 768, scale: 1 },
  { name: '1440x900', width: 1440, height: 900, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '1440x900-at-200-percent', width: 720, height: 450, scale: 2 },
] as const;

const zhNode = /^节点 (\d+)，(跟随者|候选人|领导者)，任期 (\d+)(，已崩溃)?$/;
const han = /\p{Script=Han}/u;
/**
 * What stays as it is in Chinese: the paper's and the code's names, codes, numbers and marks, and
 * the log cells' one-letter marks (C commitIndex, A lastApplied, D on disk, N nextIndex, M
 * matchIndex), explained in the log's legend.
 */
const keptAsIs =
  /^(Raftlab|English|RequestVote|AppendEntries|InstallSnapshot|TimeoutNow|currentTerm|votedFor|commitIndex|lastApplied|nextIndex|matchIndex|VOTE|LEAD|TERM|TIMR|LOG|CMIT|APPL|PERS|SEND|RECV|DROP|SNAP|CLNT|FAULT|put|delete|[CADNM]|[\s\d\p{P}\p{S}]*)$/u;

function cluster(page: Page) {
  return page.getByRole('group', { name: '集群', exact: true });
}

async function leaderName(page: Page): Promise<string | null> {
  const names = await cluster(page)
    .getByRole('button', { name: zhNode })
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  return names.find((name) => name.includes('领导者') && !name.includes('已崩溃')) ?? null;
}

/** The accessible names and texts of every visible control, label and heading that are not Chinese. */
async function untranslated(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const found: string[] = [];
    for (const element of document.querySelectorAll('button, a, label, legend, h1, h2, h3, h4, th, summary, option, caption, [role="button"], [aria-label], [title]')) {
      if (!visible(element) && element.tagName !== 'OPTION') continue;
      const name = element.getAttribute('aria-label');
      if (name !== null) found.push(name.trim());
      const title = element.getAttribute('title');
      if (title !== null) found.push(title.trim());
      // The element's own words (a row header's cells and a button's label), not its children's.
      if (name === null && !['svg', 'g'].includes(element.tagName.toLowerCase())) found.push((element.textContent ?? '').trim());
    }
    return found.filter((text) => text !== '');
  });
  return [...new Set(texts)].filter((text) => !han.test(text) && !keptAsIs.test(text));
}

/** The screen's panels, by their Chinese accessible names. */
const panelNames = ['集群视图', '日志视图', '详情', '客户端与故障', '事件'] as const;

/** Pairs of panels whose boxes intersect (page coordinates, so stacked layouts compare too). */
async function panelsOverlap(page: Page): Promise<string[]> {
  const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
  for (const name of panelNames) {
    const box = await page.getByRole('region', { name, exact: true }).evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.x + window.scrollX, y: rect.y + window.scrollY, width: rect.width, height: rect.height };
    });
    boxes.push({ name, ...box });
  }
  return boxes.flatMap((a, index) =>
    boxes.slice(index + 1).flatMap((b) => {
      const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      return width > 1 && height > 1 ? [`${a.name} / ${b.name}`] : [];
    }),
  );
}

for (const size of sizes) {
  test.describe(`in Chinese at ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });

    test('elect, crash and step, with every visible label in Chinese and the layout intact', async ({ page }, testInfo) => {
      await page.goto('/?lang=zh-CN');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(cluster(page).getByRole('button', { name: zhNode })).toHaveCount(5);
      await expect(page.getByRole('combobox', { name: 'Language / 语言' })).toHaveValue('zh-CN');

      // Elect: play fast until a leader leads.
      await page.getByRole('slider', { name: '速度', exact: true }).fill('300');
      await page.getByRole('button', { name: '播放', exact: true }).click();
      await expect.poll(() => leaderName(page), { timeout: 30_000 }).not.toBeNull();
      await page.getByRole('button', { name: '暂停', exact: true }).click();
      const leader = zhNode.exec((await leaderName(page))!)!;
      const id = Number(leader[1]);

      // The leader's progress table: every column in view; in a narrow panel its headers stand
      // vertical, Chinese characters upright (no half turn, which would stand them on their heads).
      await cluster(page).getByRole('button', { name: new RegExp(`^节点 ${id}，`) }).click();
      const progress = page.getByRole('table', { name: `领导者 ${id} 对各跟随者的复制进度`, exact: true });
      await progress.scrollIntoViewIfNeeded();
      await expect(progress.getByRole('columnheader', { name: '传输中', exact: true })).toBeInViewport({ ratio: 1 });
      const header = await progress.getByRole('columnheader', { name: '跟随者', exact: true }).evaluate((element) => getComputedStyle(element).transform);
      expect(header).toBe('none');
      await cluster(page).getByRole('button', { name: new RegExp(`^节点 ${id}，`) }).click();

      // Crash the leader from its inspector.
      await cluster(page).getByRole('button', { name: new RegExp(`^节点 ${id}，`) }).click();
      const inspector = page.getByRole('region', { name: '详情', exact: true });
      await expect(inspector.getByRole('heading', { name: `节点 ${id}`, exact: true })).toBeVisible();
      await inspector.getByRole('button', { name: '崩溃', exact: true }).click();
      await expect(cluster(page).getByRole('button', { name: new RegExp(`^节点 ${id}，.*，已崩溃$`) })).toHaveCount(1);
      await expect(inspector.getByRole('status')).toContainText(`节点 ${id} 已崩溃`);

      // Step one tick.
      const tick = page.getByLabel('当前 tick', { exact: true });
      const before = Number(await tick.textContent());
      await page.getByRole('button', { name: '单步', exact: true }).click();
      await expect(tick).toHaveText(String(before + 1));

      expect(await untranslated(page)).toEqual([]);
      expect(await panelsOverlap(page)).toEqual([]);
      await saveScreen(page, testInfo, `zh-CN-${size.name}`);
    });
  });
}

test('the language switch changes every word at once, is remembered, and is kept in the address', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
  // A new visit without ?lang= opens in the language chosen last.
  await page.goto('/');
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

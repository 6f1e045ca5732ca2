/**
 * The user guide's screenshots (docs/guide.md, docs/guide.zh-CN.md), taken from the real app in
 * each language, so the guide shows the current version. `npm run guide:screens` writes them to
 * docs/guide/<lang>/; a normal test run writes them to test-results/guide/<lang>/ instead, which
 * keeps the walk (and every name it finds controls by) tested without touching the docs.
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import type { Messages } from '../../src/ui/i18n/catalogue.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';

const writeDocs = process.env.UPDATE_GUIDE === '1';

/**
 * A picture of the page, or of one part of it as it is seen: a panel taller than its scrolling
 * column is cut where the column ends, as a reader sees it, not padded with blank space.
 */
async function shoot(target: Page | Locator, lang: Locale, name: string): Promise<void> {
  const dir = writeDocs ? `docs/guide/${lang}` : `test-results/guide/${lang}`;
  await mkdir(dir, { recursive: true });
  const path = `${dir}/${name}.png`;
  if (!('goto' in target)) {
    const part = target;
    await part.scrollIntoViewIfNeeded();
    const box = (await part.boundingBox())!;
    const page = part.page();
    const { width, height } = page.viewportSize()!;
    const clip = { x: Math.max(0, box.x), y: Math.max(0, box.y), width: Math.min(width, box.x + box.width) - Math.max(0, box.x), height: Math.min(height, box.y + box.height) - Math.max(0, box.y) };
    await page.screenshot({ path, clip, animations: 'disabled' });
    return;
  }
  await target.screenshot({ path, animations: 'disabled' });
}

/** The status bar and the playback controls, as one picture. */
async function shootPlayback(page: Page, m: Messages, lang: Locale): Promise<void> {
  const status = (await page.getByRole('region', { name: m.app.status.region, exact: true }).boundingBox())!;
  const controls = (await page.getByRole('toolbar', { name: m.app.controls.toolbar, exact: true }).boundingBox())!;
  const top = Math.min(status.y, controls.y);
  const bottom = Math.max(status.y + status.height, controls.y + controls.height);
  const dir = writeDocs ? `docs/guide/${lang}` : `test-results/guide/${lang}`;
  await page.screenshot({ path: `${dir}/playback.png`, clip: { x: 0, y: top, width: page.viewportSize()!.width, height: bottom - top }, animations: 'disabled' });
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the user guide's screenshots, in ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    const m = messagesFor(lang);
    const cluster = page.getByRole('region', { name: m.cluster.panel.name, exact: true });
    const inspector = page.getByRole('region', { name: m.details.name, exact: true });
    const nodes = page.getByRole('group', { name: m.cluster.graph, exact: true }).locator('[data-node-id]');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?lang=${lang}&seed=3&load=60`);
    await expect(nodes).toHaveCount(5);

    // A run with a leader, replicated entries and a few thousand ticks of history.
    await page.getByRole('slider', { name: m.app.controls.speed, exact: true }).fill('260');
    await page.getByRole('button', { name: m.app.controls.play, exact: true }).click();
    await expect(page.locator('.raft-node--leader')).toHaveCount(1, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: m.app.controls.pause, exact: true }).click();
    const leader = page.locator('.raft-node--leader').first();
    await leader.click();
    await expect(inspector.getByRole('table').first()).toBeVisible();

    await shoot(page, lang, 'overview');
    await shoot(page.locator('header.app-header'), lang, 'header');
    await shootPlayback(page, m, lang);
    await shoot(cluster, lang, 'cluster');
    await shoot(page.getByRole('region', { name: m.log.panel, exact: true }), lang, 'log');
    await shoot(inspector, lang, 'inspector');
    await shoot(page.getByRole('region', { name: m.actions.region, exact: true }), lang, 'actions');
    await shoot(page.getByRole('region', { name: m.events.panel, exact: true }), lang, 'events');
    await shoot(page.getByRole('group', { name: m.tape.name, exact: true }), lang, 'tape');
    const diagram = page.getByRole('region', { name: m.diagram.name, exact: true });
    // Below the fold it draws nothing: in view, it asks for its window and draws.
    await diagram.scrollIntoViewIfNeeded();
    await expect(diagram.getByRole('img')).toBeVisible();
    await shoot(diagram, lang, 'diagram');

    await page.getByRole('button', { name: m.cluster.panel.legendToggle, exact: true }).click();
    await shoot(cluster, lang, 'legend');
    await page.getByRole('button', { name: m.cluster.panel.legendToggle, exact: true }).click();

    // A message in flight, selected: its fields, as Figure 2 names them.
    const messages = page.getByRole('group', { name: m.cluster.graph, exact: true }).locator('.raft-message');
    for (let step = 0; step < 200 && (await messages.count()) === 0; step += 1) await page.getByRole('button', { name: m.app.controls.step, exact: true }).click();
    await messages.first().click({ force: true });
    await shoot(inspector, lang, 'message');

    // A partition: nodes 1 and 2 on one side.
    const faults = page.getByRole('region', { name: m.actions.faults.heading, exact: true });
    for (const id of [1, 2]) await faults.getByRole('checkbox', { name: m.common.node(id), exact: true }).check();
    await faults.getByRole('button', { name: m.actions.faults.split, exact: true }).click();
    await page.getByRole('button', { name: m.app.controls.play, exact: true }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: m.app.controls.pause, exact: true }).click();
    await shoot(cluster, lang, 'partition');

    // Acting in the past keeps the future as a branch.
    await page.getByRole('button', { name: m.app.controls.stepBack, exact: true }).click();
    await faults.getByRole('button', { name: m.actions.faults.heal, exact: true }).click();
    const branches = page.getByRole('region', { name: m.branches.heading, exact: true });
    await expect(branches.getByRole('combobox', { name: m.branches.picker, exact: true }).getByRole('option')).toHaveCount(2);
    await shoot(branches, lang, 'branches');

    const settings = page.locator('details.settings-panel');
    await settings.locator('summary').click();
    await shoot(settings, lang, 'settings');
    await settings.locator('summary').click();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: m.app.help.title, exact: true });
    await expect(help).toBeVisible();
    await shoot(help, lang, 'shortcuts');
    await page.keyboard.press('Escape');
  });
}

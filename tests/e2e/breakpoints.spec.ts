/**
 * Breakpoints in Chromium, against the production build: "Pause on new leader", then Play, and
 * the run pauses by itself at the tick the first leader appears (the tick the headless
 * simulation gives for the same run), with the status bar showing that leader, the panel saying
 * where it paused and the timeline marking the stop. The breakpoint is kept with the run: after a
 * reload (the autosave) it is still on and pauses the run there again; a link to the run (the
 * address) carries it to another page.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Simulation } from '../../src/core/index.ts';
import { decodePermalink, permalinkFromHash } from '../../src/protocol/permalink.ts';
import { currentTick, nodeButton, openApp, playButton, saveScreen, setSpeed, timelineSlider } from './helpers.ts';

/** The app's default run (5 nodes, seed 1) played headless: where its first leader appears. */
const firstLeader = (() => {
  const simulation = new Simulation({ nodes: 5, seed: 1 });
  simulation.advanceUntil((sim) => sim.leader() !== null, { maxTicks: 10_000 });
  return { tick: simulation.tick, ...simulation.leader()! };
})();

function breakpointsPanel(page: Page) {
  return page.getByRole('region', { name: 'Breakpoints', exact: true });
}

/** Plays and waits for the run to pause by itself at the first leader, then checks the screen there. */
async function playToTheLeader(page: Page): Promise<void> {
  await playButton(page).click();
  await expect(currentTick(page)).toHaveText(String(firstLeader.tick));
  await expect(playButton(page)).toHaveText('Play');
  await expect(page.getByRole('region', { name: 'Status', exact: true }).getByLabel('Leader', { exact: true })).toHaveText(`Node ${firstLeader.id}`);
  await expect(nodeButton(page, firstLeader.id)).toHaveAccessibleName(`Node ${firstLeader.id}, leader, term ${firstLeader.term}`);
  await expect(breakpointsPanel(page).getByRole('status')).toHaveText(new RegExp(`^Paused at tick ${firstLeader.tick}: node ${firstLeader.id} won the election for term ${firstLeader.term} `));
}

test('a breakpoint pauses the run at a new leader', async ({ page }, testInfo) => {
  await openApp(page);
  const box = breakpointsPanel(page).getByRole('checkbox', { name: 'Pause on new leader', exact: true });
  await box.check();
  await expect(box).toBeChecked();
  await setSpeed(page);
  await playToTheLeader(page);
  // The stop is listed, and marked on the timeline's track.
  const stop = `Go to tick ${firstLeader.tick}, where the run paused (Pause on new leader)`;
  await expect(breakpointsPanel(page).getByRole('button', { name: stop, exact: true })).toBeVisible();
  const mark = page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: stop, exact: true });
  await expect(mark).toBeVisible();
  await saveScreen(page, testInfo, 'breakpoint-new-leader');
  // Play goes on past it (the next leader is far off in a quiet cluster).
  await playButton(page).click();
  await expect.poll(async () => Number(await currentTick(page).textContent())).toBeGreaterThan(firstLeader.tick + 100);
  await playButton(page).click();
  await expect(playButton(page)).toHaveText('Play');
  // A click on the mark goes back to the stop.
  await mark.click();
  await expect(currentTick(page)).toHaveText(String(firstLeader.tick));
});

test('the breakpoint survives a reload and travels in the link', async ({ page, context }) => {
  await openApp(page);
  await breakpointsPanel(page).getByRole('checkbox', { name: 'Pause on new leader', exact: true }).check();
  await setSpeed(page);
  await playToTheLeader(page);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^Restored your run from / })).toBeVisible();
  await expect(currentTick(page)).toHaveText(String(firstLeader.tick));
  await expect(breakpointsPanel(page).getByRole('checkbox', { name: 'Pause on new leader', exact: true })).toBeChecked();
  // Back to the start, and Play pauses at the same tick again.
  await timelineSlider(page).fill('0');
  await expect(currentTick(page)).toHaveText('0');
  await setSpeed(page);
  await playToTheLeader(page);

  // The address is a permalink of the run at the tick on screen, breakpoints included.
  await expect
    .poll(async () => {
      const link = permalinkFromHash(new URL(page.url()).hash);
      const decoded = link === null ? null : await decodePermalink(link);
      return decoded?.ok === true ? { tick: decoded.run.tick, breakpoints: decoded.run.annotations.breakpoints } : null;
    })
    .toEqual({ tick: firstLeader.tick, breakpoints: [{ breakpoint: { kind: 'new-leader' }, enabled: true }] });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(currentTick(other)).toHaveText(String(firstLeader.tick));
  await expect(breakpointsPanel(other).getByRole('checkbox', { name: 'Pause on new leader', exact: true })).toBeChecked();
});

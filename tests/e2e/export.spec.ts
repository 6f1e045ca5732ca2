/**
 * Export for slides in Chromium: "Export cluster as SVG" saves a valid SVG with the legend, one
 * node circle per node and the messages in flight where the screen has them; the PNG is drawn at
 * the chosen scale; "Record video" records 20 ticks as WebM (a real EBML file, about as long as
 * its frames at their rate) and as a PNG sequence in a zip with one PNG per frame; Cancel stops a
 * recording with no file and the run back at its tick.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';
import { currentTick, nodeButtons, openApp, readTick, runFor, setSpeed } from './helpers.ts';

function exportRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Export for slides' });
}

async function downloaded(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Opens the range form (if closed) and fills it in. */
async function fillRecording(region: Locator, values: { from: number; to: number; ticksPerFrame: number; framesPerSecond: number; format: 'WebM video' | 'PNG sequence' }): Promise<void> {
  const open = region.getByRole('button', { name: 'Record video', exact: true });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  const form = region.getByRole('form', { name: 'Record a range of ticks' });
  await form.getByRole('spinbutton', { name: 'From tick' }).fill(String(values.from));
  await form.getByRole('spinbutton', { name: 'To tick' }).fill(String(values.to));
  await form.getByRole('spinbutton', { name: 'Ticks per frame' }).fill(String(values.ticksPerFrame));
  await form.getByRole('spinbutton', { name: 'Frames per second' }).fill(String(values.framesPerSecond));
  await form.getByRole('radio', { name: values.format }).check();
}

/** A WebM's duration as Chromium reads it, and the mean brightness (0-255) of its picture half-way. */
async function videoFacts(page: Page, webm: Buffer): Promise<{ seconds: number; brightness: number; width: number }> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
    await new Promise((resolve, reject) => {
      video.addEventListener('loadedmetadata', resolve, { once: true });
      video.addEventListener('error', () => reject(new Error(`the video does not load: ${video.error?.message ?? ''}`)), { once: true });
    });
    // MediaRecorder's live WebM does not say its length: seeking past the end makes the browser find it.
    if (!Number.isFinite(video.duration)) {
      video.currentTime = 1e6;
      await new Promise((resolve) => video.addEventListener('durationchange', resolve, { once: true }));
    }
    const seconds = video.duration;
    video.currentTime = seconds / 2;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    for (let index = 0; index < pixels.length; index += 4) sum += (pixels[index]! + pixels[index + 1]! + pixels[index + 2]!) / 3;
    return { seconds, brightness: sum / (pixels.length / 4), width: video.videoWidth };
  }, webm.toString('base64'));
}

/** The files a zip lists in its central directory (read from the end record, as unzip does). */
function zipNames(zip: Buffer): string[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const size = zip.readUInt32LE(at + 24);
    const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26), local + 30 + zip.readUInt16LE(local + 26) + size);
    // Each file is a PNG.
    expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

test.describe.configure({ timeout: 120_000 });

/** A run 300 ticks on, the panel in view at 1× (a small picture records fast): the tick on screen, and the panel. */
async function readyToRecord(page: Page): Promise<{ tick: number; region: Locator }> {
  await openApp(page);
  await setSpeed(page);
  await runFor(page, 300);
  const tick = await readTick(page);
  const region = exportRegion(page);
  await region.scrollIntoViewIfNeeded();
  await region.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('1');
  return { tick, region };
}

test('exports the cluster as SVG and PNG, with the legend and the messages where the screen has them', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  // Past the first election (tick 384 with the default seed), so the legend has a term to show.
  await runFor(page, 500);
  const tick = await readTick(page);
  const region = exportRegion(page);
  await region.scrollIntoViewIfNeeded();

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export cluster as SVG', exact: true }).click()]);
  expect(svgDownload.suggestedFilename()).toBe(`raftlab-cluster-${tick}.svg`);
  const text = (await downloaded(svgDownload)).toString('utf8');
  expect(text.startsWith('<?xml')).toBe(true);
  const check = await page.evaluate((svg) => {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = parsed.documentElement;
    const transforms = (scope: ParentNode) =>
      [...scope.querySelectorAll('.raft-message')].map((message) => `${(message as SVGElement).dataset.messageId}@${message.getAttribute('transform')}`).sort();
    return {
      error: parsed.querySelector('parsererror')?.textContent ?? null,
      root: root.nodeName,
      namespace: root.namespaceURI,
      title: root.querySelector('title')?.textContent ?? null,
      nodes: root.querySelectorAll('circle.raft-node__body').length,
      legend: root.querySelector('.export-legend')?.textContent ?? '',
      chips: root.querySelectorAll('.export-legend__term').length,
      interactive: root.querySelectorAll('[role="button"], [tabindex], .raft-message__hit, .raft-node__hit').length,
      fileMessages: transforms(root),
      screenMessages: transforms(document.querySelector('.cluster-panel svg.raft-cluster')!),
      // Paint resolved from the style sheets: a node's outline is a colour, not a CSS variable.
      bodyStroke: root.querySelector('circle.raft-node__body')?.getAttribute('style') ?? '',
    };
  }, text);
  expect(check.error).toBeNull();
  expect(check.root).toBe('svg');
  expect(check.namespace).toBe('http://www.w3.org/2000/svg');
  expect(check.title).toBe(`Raftlab cluster at tick ${tick.toLocaleString('en')}`);
  expect(check.nodes).toBe(await nodeButtons(page).count());
  expect(check.nodes).toBe(5);
  expect(check.legend).toContain('Colour = term');
  expect(check.legend).toContain('leader: bold outline');
  expect(check.legend).toContain('RequestVote');
  expect(check.chips).toBeGreaterThan(0);
  expect(check.interactive).toBe(0);
  expect(check.fileMessages).toEqual(check.screenMessages);
  expect(check.bodyStroke).toMatch(/stroke:\s*rgb\(/);
  await expect(region.getByRole('status')).toHaveText(`Saved raftlab-cluster-${tick}.svg.`);

  // PNG at 3×: the picture is three times the file's size.
  await region.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('3');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export cluster as PNG', exact: true }).click()]);
  expect(pngDownload.suggestedFilename()).toBe(`raftlab-cluster-${tick}@3x.png`);
  const png = await downloaded(pngDownload);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svgWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(text)![1]);
  const svgHeight = Number(/<svg[^>]*\sheight="(\d+)"/.exec(text)![1]);
  expect(png.readUInt32BE(16)).toBe(svgWidth * 3);
  expect(png.readUInt32BE(20)).toBe(svgHeight * 3);
});

test('records 20 ticks as WebM and as a PNG sequence, and goes back to the tick on screen', async ({ page }) => {
  const { tick, region } = await readyToRecord(page);

  // WebM: 21 frames (ticks 100 to 120) at 20 frames a second.
  await fillRecording(region, { from: 100, to: 120, ticksPerFrame: 1, framesPerSecond: 20, format: 'WebM video' });
  const webmDownload = page.waitForEvent('download', { timeout: 60_000 });
  await region.getByRole('button', { name: 'Start recording' }).click();
  const progress = region.getByRole('progressbar', { name: 'Recording progress' });
  // One pass: WebCodecs encodes each frame as it is drawn.
  await expect(progress).toHaveAttribute('aria-valuemax', '21');
  await expect(region.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const webm = await downloaded(await webmDownload);
  expect((await webmDownload).suggestedFilename()).toBe('raftlab-cluster-ticks-100-120.webm');
  // The EBML magic number that every WebM (Matroska) file starts with.
  expect([...webm.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  await expect(region.getByRole('status')).toHaveText('Saved raftlab-cluster-ticks-100-120.webm: 21 frames.');
  await expect(progress).toHaveCount(0);
  await expect(currentTick(page)).toHaveText(String(tick));
  // Each frame at its time: 21 frames at 20 a second last 1.05 s; and the frames decode to the picture.
  const video = await videoFacts(page, webm);
  expect(video.seconds).toBeCloseTo(1.05, 2);
  expect(video.brightness).toBeGreaterThan(150);

  // PNG sequence: ticks 100, 102, ... 120 make 11 frames, one PNG each.
  await fillRecording(region, { from: 100, to: 120, ticksPerFrame: 2, framesPerSecond: 10, format: 'PNG sequence' });
  const [zipDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), region.getByRole('button', { name: 'Start recording' }).click()]);
  expect(zipDownload.suggestedFilename()).toBe('raftlab-cluster-ticks-100-120-png.zip');
  const names = zipNames(await downloaded(zipDownload));
  expect(names).toHaveLength(11);
  expect(names[0]).toBe('frame-0001-tick-100.png');
  expect(names.at(-1)).toBe('frame-0011-tick-120.png');
  await expect(region.getByRole('status')).toHaveText('Saved raftlab-cluster-ticks-100-120-png.zip: 11 frames.');
  await expect(currentTick(page)).toHaveText(String(tick));
});

test('Cancel (or Escape) stops a recording: no file, and the run back at its tick', async ({ page }) => {
  await openApp(page);
  await setSpeed(page);
  await runFor(page, 300);
  const tick = await readTick(page);
  const region = exportRegion(page);
  await region.scrollIntoViewIfNeeded();
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await fillRecording(region, { from: 0, to: 250, ticksPerFrame: 1, framesPerSecond: 20, format: 'WebM video' });
  await region.getByRole('button', { name: 'Start recording' }).click();
  const progress = region.getByRole('progressbar', { name: 'Recording progress' });
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3);
  await region.getByRole('button', { name: 'Cancel' }).click();
  await expect(region.getByRole('status')).toHaveText(`Recording cancelled; the run is back at tick ${tick.toLocaleString('en')}.`);
  await expect(progress).toHaveCount(0);
  await expect(currentTick(page)).toHaveText(String(tick));
  await expect(region.getByRole('button', { name: 'Start recording' })).toBeFocused();
  // Escape cancels too (the focus is on Cancel): no file either.
  await region.getByRole('button', { name: 'Start recording' }).click();
  await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Escape');
  await expect(region.getByRole('status')).toHaveText(`Recording cancelled; the run is back at tick ${tick.toLocaleString('en')}.`);
  await expect(progress).toHaveCount(0);
  await expect(currentTick(page)).toHaveText(String(tick));
  // Escape closes the form; no file came, even a moment later.
  await page.keyboard.press('Escape');
  await expect(region.getByRole('form')).toHaveCount(0);
  await page.waitForTimeout(1_000);
  expect(downloads).toBe(0);
});

test('without WebCodecs, MediaRecorder records the WebM in a second pass', async ({ page }) => {
  // A browser with MediaRecorder but no VideoEncoder (older Safari and Firefox).
  await page.addInitScript(() => {
    delete (window as { VideoEncoder?: unknown }).VideoEncoder;
  });
  const { tick, region } = await readyToRecord(page);
  await fillRecording(region, { from: 100, to: 119, ticksPerFrame: 1, framesPerSecond: 10, format: 'WebM video' });
  const webmDownload = page.waitForEvent('download', { timeout: 60_000 });
  await region.getByRole('button', { name: 'Start recording' }).click();
  const progress = region.getByRole('progressbar', { name: 'Recording progress' });
  // Two passes: the 20 frames are drawn, then played into the recorder at 10 a second.
  await expect(progress).toHaveAttribute('aria-valuetext', /^Recording the video: frame \d+ of 20$/, { timeout: 30_000 });
  await expect(progress).toHaveAttribute('aria-valuemax', '40');
  const webm = await downloaded(await webmDownload);
  expect([...webm.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  await expect(region.getByRole('status')).toHaveText('Saved raftlab-cluster-ticks-100-119.webm: 20 frames.');
  await expect(currentTick(page)).toHaveText(String(tick));
  const video = await videoFacts(page, webm);
  // About 2 s: a 1× picture at 10 frames a second is well within a software encoder's pace.
  expect(video.seconds).toBeGreaterThan(1.5);
  expect(video.seconds).toBeLessThan(2.6);
  expect(video.brightness).toBeGreaterThan(150);
});

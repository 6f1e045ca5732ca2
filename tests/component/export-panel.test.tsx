/**
 * Export for slides on the real worker logic: the panel's names (unique beside the space-time
 * diagram's "Export SVG" and "Export PNG"), the Record video form's checks field by field, Escape
 * and the focus, a recording that fails (jsdom draws no pictures) without breaking the app and
 * with the run back at its tick, the file made from the cluster view on screen, and the panel in
 * Chinese.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { ExportPanel } from '../../src/ui/components/ExportPanel.tsx';
import { clusterFile, clusterSvgOnScreen } from '../../src/ui/export/cluster-export.ts';
import { en } from '../../src/ui/i18n/en/index.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** A 3-node run 600 ticks long, shown at tick 600, with the panel alone or in the whole app. */
async function renderPanel(options: { locale?: Locale; whole?: boolean } = {}) {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 4 }, display: { theme: 'light', largeType: false, locale: options.locale ?? 'en' } });
  render(<AppStoreProvider store={store}>{options.whole === true ? <App /> : <ExportPanel />}</AppStoreProvider>);
  await settle();
  act(() => store.getState().step(600));
  await settle();
  return { store, user: userEvent.setup() };
}

describe('Export for slides', () => {
  it('names its controls uniquely, and offers 1×, 2× and 3× with 2× first', async () => {
    await renderPanel({ whole: true });
    const region = screen.getByRole('region', { name: 'Export for slides' });
    expect(within(region).getByRole('button', { name: 'Export cluster as SVG' })).toBeEnabled();
    expect(within(region).getByRole('button', { name: 'Export cluster as PNG' })).toBeEnabled();
    expect(within(region).getByRole('button', { name: 'Record video' })).toHaveAttribute('aria-expanded', 'false');
    const scale = within(region).getByRole('combobox', { name: 'Scale' });
    expect(scale).toHaveValue('2');
    expect(within(scale).getAllByRole('option').map((option) => option.textContent)).toEqual(['1×', '2×', '3×']);
    expect(within(region).getByRole('checkbox', { name: 'Legend in the file' })).toBeChecked();
    // On the whole page, the diagram keeps its own exact names, and ours are not mistaken for them.
    expect(screen.getAllByRole('button', { name: 'Export SVG' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Export PNG' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: /^Export cluster as/ })).toHaveLength(2);
  });

  it('opens the range form on Record video, checks each field, and closes on Escape', async () => {
    const { user } = await renderPanel();
    const region = screen.getByRole('region', { name: 'Export for slides' });
    const open = within(region).getByRole('button', { name: 'Record video' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const form = within(region).getByRole('form', { name: 'Record a range of ticks' });
    const from = within(form).getByRole('spinbutton', { name: 'From tick' });
    const to = within(form).getByRole('spinbutton', { name: 'To tick' });
    const perFrame = within(form).getByRole('spinbutton', { name: 'Ticks per frame' });
    const fps = within(form).getByRole('spinbutton', { name: 'Frames per second' });
    expect(from).toHaveFocus();
    // The ticks leading up to the one on screen.
    expect(from).toHaveValue(400);
    expect(to).toHaveValue(600);
    expect(perFrame).toHaveValue(1);
    expect(fps).toHaveValue(20);
    expect(within(form).getByText('201 frames: 10.1 s of video.')).toBeInTheDocument();
    // jsdom has no MediaRecorder: WebM is offered but cannot be chosen, and the form says why.
    const formats = within(form).getByRole('group', { name: 'Format' });
    expect(within(formats).getByRole('radio', { name: 'WebM video' })).toBeDisabled();
    expect(within(formats).getByRole('radio', { name: 'PNG sequence' })).toBeChecked();
    expect(within(formats).getByText(/This browser cannot record WebM video/)).toBeInTheDocument();

    await user.clear(from);
    await user.type(from, '500');
    await user.clear(to);
    await user.type(to, '450');
    await user.clear(perFrame);
    await user.type(perFrame, '0');
    await user.clear(fps);
    await user.type(fps, '90');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    expect(to).toBeInvalid();
    expect(to).toHaveAccessibleDescription('Must be after the first tick (500).');
    expect(perFrame).toHaveAccessibleDescription('Must be between 1 and 10,000.');
    expect(fps).toHaveAccessibleDescription('Must be between 1 and 30.');
    expect(from).toBeValid();
    expect(screen.queryByRole('progressbar', { name: 'Recording progress' })).toBeNull();

    await user.clear(to);
    await user.type(to, '9999');
    expect(to).toHaveAccessibleDescription('Must be between 0 and 600.');
    await user.clear(from);
    await user.type(from, 'abc');
    expect(from).toHaveAccessibleDescription('Enter a whole number.');

    await user.keyboard('{Escape}');
    expect(within(region).queryByRole('form')).toBeNull();
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(open).toHaveFocus();
  });

  it('reaches every control with Tab', async () => {
    const { user } = await renderPanel();
    const region = screen.getByRole('region', { name: 'Export for slides' });
    await user.click(within(region).getByRole('button', { name: 'Record video' }));
    const name = () => {
      const focused = document.activeElement as HTMLInputElement;
      return focused.labels?.[0]?.textContent ?? focused.textContent ?? '';
    };
    const visit = async (count: number) => {
      const order: string[] = [];
      for (let i = 0; i < count; i += 1) {
        await user.tab();
        order.push(name());
      }
      return order;
    };
    // From tick has the focus once the form opens; the format's radios are one stop (WebM is off here).
    expect(await visit(6)).toEqual(['To tick', 'Ticks per frame', 'Frames per second', 'PNG sequence', 'Start recording', 'Close']);
    within(region).getByRole('combobox', { name: 'Scale' }).focus();
    expect(await visit(5)).toEqual(['Legend in the file', 'Export cluster as SVG', 'Export cluster as PNG', 'Record video', 'From tick']);
  });

  it('a recording that cannot draw its frames fails in words, and the run goes back to its tick', async () => {
    const { store, user } = await renderPanel({ whole: true });
    // The detail goes to the console, for a developer.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const region = screen.getByRole('region', { name: 'Export for slides' });
    await user.click(within(region).getByRole('button', { name: 'Record video' }));
    const form = within(region).getByRole('form', { name: 'Record a range of ticks' });
    await user.clear(within(form).getByRole('spinbutton', { name: 'From tick' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'From tick' }), '100');
    await user.clear(within(form).getByRole('spinbutton', { name: 'To tick' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'To tick' }), '110');
    await user.click(within(form).getByRole('button', { name: 'Start recording' }));
    // jsdom decodes no image: the first frame fails, the app stays, the run is back at 600.
    expect(await within(region).findByText(/^Recording failed: a frame could not be drawn as a picture\. The run is back at tick 600\.$/, undefined, { timeout: 5_000 })).toBeInTheDocument();
    await settle();
    expect(store.getState().timeline.tick).toBe(600);
    expect(screen.queryByRole('progressbar', { name: 'Recording progress' })).toBeNull();
    expect(within(form).getByRole('button', { name: 'Start recording' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Cluster' })).toBeInTheDocument();
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('makes the file from the cluster view on screen: the drawing without its hit areas, and the legend', async () => {
    const { store } = await renderPanel({ whole: true });
    const svg = clusterSvgOnScreen()!;
    expect(svg).not.toBeNull();
    expect(svg.getAttribute('data-tick')).toBe('600');
    const file = clusterFile(svg, en, store.getState().view!);
    const parsed = new DOMParser().parseFromString(file.svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    const root = parsed.documentElement;
    expect(root.nodeName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelector('title')?.textContent).toBe('Raftlab cluster at tick 600');
    expect(Number(root.getAttribute('height'))).toBe(file.height);
    expect(file.height).toBeGreaterThan(Number(svg.getAttribute('height')));
    expect(root.querySelectorAll('.raft-node__body')).toHaveLength(3);
    expect(root.querySelectorAll('.raft-node__hit, .raft-message__hit, [role="button"], [tabindex]')).toHaveLength(0);
    expect(root.querySelector('.export-legend')?.textContent).toContain('Colour = term');
    // Without the legend, the file is the drawing alone.
    const bare = clusterFile(svg, en, store.getState().view!, { legend: false });
    expect(bare.height).toBe(Number(svg.getAttribute('height')));
    expect(bare.svg).not.toContain('export-legend');
  });

  it('speaks Chinese', async () => {
    const { user } = await renderPanel({ locale: 'zh-CN' });
    const region = screen.getByRole('region', { name: '导出到幻灯片' });
    expect(within(region).getByRole('heading', { name: '导出到幻灯片' })).toBeInTheDocument();
    expect(within(region).getByRole('combobox', { name: '倍率' })).toBeInTheDocument();
    expect(within(region).getByRole('checkbox', { name: '文件中包含图例' })).toBeChecked();
    expect(within(region).getByRole('button', { name: '将集群导出为 SVG' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: '将集群导出为 PNG' })).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: '录制视频' }));
    const form = within(region).getByRole('form', { name: '录制一段 tick' });
    for (const name of ['起始 tick', '结束 tick', '每帧 tick 数', '每秒帧数']) expect(within(form).getByRole('spinbutton', { name })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: 'WebM 视频' })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: 'PNG 序列' })).toBeChecked();
    expect(within(form).getByText('共 201 帧：视频长 10.1 秒。')).toBeInTheDocument();
    const fps = within(form).getByRole('spinbutton', { name: '每秒帧数' });
    await user.clear(fps);
    await user.click(within(form).getByRole('button', { name: '开始录制' }));
    expect(fps).toHaveAccessibleDescription('请输入整数。');
    expect(within(form).getByRole('button', { name: '关闭' })).toBeInTheDocument();
    // No English word is left in the panel (tick, WebM, PNG, SVG are names, not words).
    const words = (region.textContent ?? '').replace(/\b(tick|WebM|PNG|SVG|MediaRecorder|zip)\b/g, '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });
});

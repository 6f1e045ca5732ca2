/**
 * The term tape: bands for each stretch of the newest term, labelled when wide enough, striped
 * while leaderless; marks for what happened, near ones sharing a button; a click goes there.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunTape } from '../../src/protocol/worker-protocol.ts';
import { bucketMarks, TermTape } from '../../src/ui/components/TermTape.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { fakePort } from '../support/fake-port.ts';
import { withStore } from '../support/with-store.tsx';

const tape: RunTape = {
  until: 1_000,
  truncated: false,
  segments: [
    { from: 0, term: 0, leader: null },
    { from: 100, term: 1, leader: null },
    { from: 120, term: 1, leader: 1 },
    { from: 500, term: 1, leader: null },
    { from: 600, term: 2, leader: null },
    { from: 620, term: 2, leader: 3 },
  ],
  marks: [
    { tick: 100, kind: 'election', node: 1 },
    { tick: 120, kind: 'leader', node: 1 },
    { tick: 500, kind: 'crash', node: 1 },
    { tick: 502, kind: 'election', node: 4 },
    { tick: 900, kind: 'violation', node: null },
  ],
};

function renderTape(locale: 'en' | 'zh-CN' = 'en', maxTick = 1_200) {
  const { port, take } = fakePort();
  const store = makeAppStore(port, { start: false, display: { theme: 'light', largeType: false, locale } });
  act(() => store.setState({ tape, timeline: { ...store.getState().timeline, tick: 700, maxTick } }));
  render(<TermTape />, withStore(locale, store));
  return { store, take, group: screen.getByRole('group', { name: locale === 'en' ? 'Term tape' : '任期带' }) };
}

describe('the term tape', () => {
  it('draws a band per stretch, labelled with the term and its leader, and the unread rest hatched', () => {
    const { group } = renderTape();
    const bands = [...group.querySelectorAll('.term-tape__band')];
    expect(bands.map((band) => band.textContent)).toEqual(['', '', 'T1 · L1', 'T1', '', 'T2 · L3']);
    expect(bands.map((band) => band.className.replace('term-tape__band', '').trim())).toEqual(['is-before', 'is-leaderless', '', 'is-leaderless', 'is-leaderless', '']);
    expect(bands[2]).toHaveAttribute('title', 'Ticks 120–500: term 1, node 1 leads');
    // Bands lie along the part read so far (ticks 0-1,000), in a box as wide as that part of the run.
    expect((bands[5] as HTMLElement).style.width).toBe('38%');
    expect((group.querySelector('.term-tape__bands .term-tape__read') as HTMLElement).style.width).toBe(`${((1_000 / 1_200) * 100).toFixed(3)}%`);
    expect(group.querySelector('.term-tape__pending')).toHaveAttribute('title', 'Ticks from 1,000 are still being read');
  });

  it('marks what happened; marks too close to tell apart share one, and a click goes to the first', () => {
    const { group, take } = renderTape();
    const marks = within(group).getAllByRole('button');
    expect(marks.map((mark) => mark.getAttribute('aria-label'))).toEqual([
      'Tick 100: node 1 stood for election',
      'Tick 120: node 1 became leader',
      'Ticks 500–502: 2 events, first node 1 crashed',
      'Tick 900: a safety violation',
    ]);
    take();
    fireEvent.click(marks[2]!);
    expect(take()).toEqual([{ type: 'seek', tick: 500 }]);
  });

  it('marks where breakpoints paused the run and where branches leave it; a branch mark switches to it', () => {
    const { port, take } = fakePort();
    const store = makeAppStore(port, { start: false });
    act(() =>
      store.setState({
        tape,
        timeline: { ...store.getState().timeline, tick: 700, maxTick: 1_200 },
        annotations: { ...store.getState().annotations, breakpoints: [{ breakpoint: { kind: 'new-leader' }, enabled: true }] },
        breakpointHits: [{ tick: 120, index: 0 }],
        branches: {
          active: 1,
          limit: 16,
          forked: null,
          branches: [
            { id: 1, name: null, parent: null, forkTick: 0, end: 1_200, actionCount: 2 },
            { id: 2, name: 'crash early', parent: 1, forkTick: 300, end: 450, actionCount: 3 },
          ],
        },
      }),
    );
    render(<TermTape />, withStore('en', store));
    const group = screen.getByRole('group', { name: 'Term tape' });
    expect(within(group).getByRole('button', { name: 'Tick 120: paused (Pause on new leader)' })).toBeInTheDocument();
    take();
    fireEvent.click(within(group).getByRole('button', { name: 'Tick 300: crash early leaves here (switch to it)' }));
    expect(take()).toEqual([{ type: 'switch-branch', id: 2, tick: 300 }]);
  });

  it('speaks Chinese', () => {
    const { group } = renderTape('zh-CN');
    expect(within(group).getAllByRole('button')[1]).toHaveAccessibleName('tick 120：节点 1 成为领导者');
  });

  it('buckets by the share of the run, so a longer run merges more', () => {
    expect(bucketMarks(tape.marks, 1_200).map((bucket) => bucket.length)).toEqual([1, 1, 2, 1]);
    expect(bucketMarks(tape.marks, 100_000).map((bucket) => bucket.length)).toEqual([4, 1]);
  });
});

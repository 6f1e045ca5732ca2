/**
 * The Learn page (LearnPage.tsx): the button "Learn" opens a modal dialog named by its heading,
 * with a section per topic; each safety property opens the lesson that shows it, and each
 * misconception's "Show me" opens its lesson at the mark where it shows (the marks are checked in
 * the lesson files themselves); Escape and Close shut it and give the focus back; it speaks
 * Chinese too. The store and the worker logic are the real ones.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LearnButton, misconceptionRuns, safetyRuns } from '../../src/ui/components/LearnPage.tsx';
import { en } from '../../src/ui/i18n/en/index.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { findLesson, lessonOrder } from '../../src/ui/lessons/lessons.ts';
import type { AppState } from '../../src/ui/store/app-state.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { AppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { parseScenario } from '../../src/scenario/index.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

async function renderLearn(locale: Locale = 'en'): Promise<AppStore> {
  const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, () => 0)), { runOptions: { nodes: 3, seed: 1 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <LearnButton />
    </AppStoreProvider>,
  );
  await settle();
  return store;
}

/** The store's openLesson replaced by a spy, which the page reads from the store. */
function spyOnOpenLesson(store: AppStore) {
  const spy = vi.fn<AppState['openLesson']>();
  act(() => store.setState({ openLesson: spy }));
  return spy;
}

function openPage(name = 'Learn'): HTMLElement {
  fireEvent.click(screen.getByRole('button', { name }));
  return screen.getByRole('dialog', { name });
}

/** The names of the lessons, as the "Open lesson" buttons say them. */
const safetyButtons: Record<string, string> = {
  electionSafety: 'Open lesson: Split vote',
  leaderAppendOnly: 'Open lesson: Log replication and commit',
  logMatching: 'Open lesson: Catching up over a divergent log',
  leaderCompleteness: 'Open lesson: The election restriction',
  stateMachineSafety: 'Open lesson: Figure 8: committing old-term entries',
};

describe('the Learn page', () => {
  it('opens from the button "Learn" as a modal dialog named by its heading, with every section', async () => {
    await renderLearn();
    const dialog = openPage();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Learn' })).toHaveFocus();
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'What Raft solves',
      'Roles and terms',
      'The election',
      'Replication and commit',
      'The five safety properties',
      'Common misconceptions',
      'Glossary',
    ]);
    // Each section is a region named by its heading; the contents list every section.
    expect(within(dialog).getByRole('region', { name: 'The five safety properties' })).toBeInTheDocument();
    const contents = within(dialog).getByRole('navigation', { name: 'On this page' });
    expect(within(contents).getAllByRole('button')).toHaveLength(7);
    const safety = within(dialog).getByRole('region', { name: 'The five safety properties' });
    expect(within(safety).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      'Election Safety',
      'Leader Append-Only',
      'Log Matching',
      'Leader Completeness',
      'State Machine Safety',
    ]);
  });

  it('has a glossary of the words a student meets, each with its explanation', async () => {
    await renderLearn();
    const glossary = within(openPage()).getByRole('region', { name: 'Glossary' });
    const terms = [...glossary.querySelectorAll('dt')].map((term) => term.textContent);
    for (const word of ['Term', 'Election timeout', 'Heartbeat', 'Log entry', 'Index', 'commitIndex', 'lastApplied', 'nextIndex', 'matchIndex', 'Majority (quorum)', 'Snapshot', 'votedFor', 'currentTerm', 'Split vote', 'RPC']) {
      expect(terms).toContain(word);
    }
    expect(glossary.querySelectorAll('dd')).toHaveLength(terms.length);
    for (const explanation of glossary.querySelectorAll('dd')) expect(explanation.textContent.length).toBeGreaterThan(40);
  });

  it('a content link moves the focus to its section', async () => {
    await renderLearn();
    const dialog = openPage();
    fireEvent.click(within(within(dialog).getByRole('navigation')).getByRole('button', { name: 'Glossary' }));
    expect(within(dialog).getByRole('heading', { level: 3, name: 'Glossary' })).toHaveFocus();
  });

  for (const { key, id } of safetyRuns) {
    it(`the safety property ${key} opens the lesson ${id}, and the page closes`, async () => {
      const store = await renderLearn();
      const spy = spyOnOpenLesson(store);
      const dialog = openPage();
      const button = within(dialog).getByRole('button', { name: safetyButtons[key] });
      expect(button).toBeEnabled();
      fireEvent.click(button);
      expect(spy).toHaveBeenCalledWith({ id, text: findLesson(id)!.text });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Learn' })).toHaveFocus();
    });
  }

  it('opening a lesson really opens it in the store', async () => {
    const store = await renderLearn();
    fireEvent.click(within(openPage()).getByRole('button', { name: 'Open lesson: Split vote' }));
    await settle();
    expect(store.getState().lessonId).toBe('split-vote');
    expect(store.getState().lesson).not.toBeNull();
  });

  for (const { key, id, at } of misconceptionRuns) {
    it(`"Show me" for ${key} opens the lesson ${id} at ${at ?? 'its start'}`, async () => {
      const store = await renderLearn();
      const spy = spyOnOpenLesson(store);
      const dialog = openPage();
      const title = en.learn.misconceptions.items[key].title;
      const button = within(dialog).getByRole('button', { name: `Show me: ${title}` });
      expect(button).toBeEnabled();
      fireEvent.click(button);
      expect(spy).toHaveBeenCalledWith({ id, text: findLesson(id)!.text, at });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  }

  it('closes on Escape and on Close, giving the focus back to the button', async () => {
    await renderLearn();
    const dialog = openPage();
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Show me: Replicated ≠ committed' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Learn' })).toHaveFocus();
    fireEvent.click(within(openPage()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Learn' })).toHaveFocus();
  });

  it('keeps the keys to itself: the app’s shortcuts do not hear them, and Tab stays inside', async () => {
    await renderLearn();
    const dialog = openPage();
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    document.addEventListener('keydown', heard, true);
    try {
      fireEvent.keyDown(within(dialog).getByRole('heading', { level: 2 }), { key: ' ' });
      fireEvent.keyDown(within(dialog).getByRole('heading', { level: 2 }), { key: 'End' });
      expect(heard).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', heard);
      document.removeEventListener('keydown', heard, true);
    }
    const buttons = within(dialog).getAllByRole('button');
    const last = buttons[buttons.length - 1]!;
    act(() => last.focus());
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'Tab', shiftKey: true });
    expect(last).toHaveFocus();
  });

  it('speaks Chinese', async () => {
    await renderLearn('zh-CN');
    const dialog = openPage('学习指南');
    expect(within(dialog).getByRole('heading', { level: 2, name: '学习指南' })).toBeInTheDocument();
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Raft 解决什么问题',
      '角色与任期',
      '选举',
      '复制与提交',
      '五项安全性',
      '常见误解',
      '术语表',
    ]);
    expect(within(dialog).getByRole('button', { name: '打开课程：选票分裂' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '演示给我看：已复制 ≠ 已提交' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '关闭' })).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent(/Open lesson|Show me|Glossary/);
  });
});

describe('the runs the Learn page opens', () => {
  it('cover every safety property and every misconception of the catalogue, once each', () => {
    expect(safetyRuns.map((run) => run.key).sort()).toEqual(Object.keys(en.learn.safety.properties).sort());
    expect(misconceptionRuns.map((run) => run.key).sort()).toEqual(Object.keys(en.learn.misconceptions.items).sort());
  });

  it('name lessons of the course', () => {
    const course: readonly string[] = lessonOrder;
    for (const run of [...safetyRuns, ...misconceptionRuns]) expect(course, run.key).toContain(run.id);
  });

  it('include the three misconceptions of the lesson plan, each at a mark', () => {
    expect(misconceptionRuns.filter((run) => run.at !== null).map(({ id, at }) => ({ id, at }))).toEqual([
      { id: 'minority-leader', at: 'replicated-not-committed' },
      { id: 'figure-8', at: 'old-term-entry' },
      { id: 'persistence', at: 'voted-for-kept' },
    ]);
  });

  for (const { key, id, at } of misconceptionRuns) {
    it(`${key}: the lesson ${id} exists${at === null ? '' : ` and has the mark ${at}`}`, () => {
      const lesson = findLesson(id);
      expect(lesson, `src/lessons/${id}.scn`).not.toBeNull();
      if (at === null) return;
      const parsed = parseScenario(lesson!.text);
      expect(parsed.ok).toBe(true);
      const marks = parsed.ok ? parsed.scenario.steps.flatMap((step) => (step.item.kind === 'mark' ? [step.item.name] : [])) : [];
      expect(marks).toContain(at);
    });
  }
});

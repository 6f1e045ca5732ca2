/**
 * The worker names what Next event will run in every paused frame (TimelineState.next): the
 * simulation's next event, or an action recorded later in the run when it comes first; nothing
 * while playing. The app words it (NextStepLabel) in the language on screen.
 */
import { describe, expect, it } from 'vitest';
import type { ToWorker } from '../../../src/protocol/worker-protocol.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { nextStepText } from '../../../src/ui/components/NextStepLabel.tsx';
import { workerHarness } from '../../support/worker-harness.ts';

function harness() {
  const worker = workerHarness();
  /** Sends a command and returns the timeline of the latest frame. */
  const frame = (command: ToWorker) => {
    worker.send(command);
    return worker.last('frame').timeline;
  };
  return { frame };
}

describe('the next step', () => {
  it('paused: the next event, and Next event runs exactly that', () => {
    const h = harness();
    const start = h.frame({ type: 'init', options: { nodes: 3, seed: 5 } });
    expect(start.next).toMatchObject({ kind: 'election-timeout' });
    const next = start.next!;
    const after = h.frame({ type: 'next-event' });
    expect(after.tick).toBe(next.tick);
    expect(after.next).toMatchObject({ kind: 'delivery' });
    const words = nextStepText(messagesFor('en'), after.next!);
    expect(words).toMatch(/^Next, at tick \d+: deliver RequestVote \d→\d$/);
    expect(nextStepText(messagesFor('zh-CN'), after.next!)).toMatch(/^下一事件（tick \d+）：送达 RequestVote \d→\d$/);
  });

  it('an action recorded later in the run comes first when it is due first; nothing while playing', () => {
    const h = harness();
    h.frame({ type: 'init', options: { nodes: 3, seed: 5 } });
    h.frame({ type: 'step', ticks: 5 });
    h.frame({ type: 'act', action: { type: 'crash', node: 2 } });
    h.frame({ type: 'step', ticks: 10 });
    const back = h.frame({ type: 'seek', tick: 3 });
    expect(back.next).toEqual({ kind: 'action', tick: 5, action: { type: 'crash', node: 2 } });
    expect(nextStepText(messagesFor('en'), back.next!)).toBe('Next, at tick 5: an action recorded in the run (crash)');
    expect(h.frame({ type: 'play' }).next).toBeUndefined();
    expect(nextStepText(messagesFor('en'), null)).toBe('Nothing is due: no message in flight and no timer running');
  });
});

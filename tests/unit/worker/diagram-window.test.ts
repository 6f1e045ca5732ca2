/**
 * The space-time diagram's window of the run: each message between the right lanes at its send
 * and arrival ticks, losses and duplicates marked, lane changes at their ticks, and the run on
 * screen left where it was.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/core/index.ts';
import { diagramWindow } from '../../../src/worker/diagram-window.ts';

const options = { nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } };

function run(): Timeline {
  const timeline = new Timeline(options);
  timeline.advance(100);
  timeline.act({ type: 'campaign', node: 1 });
  timeline.advance(400);
  timeline.act({ type: 'crash', node: 3 });
  timeline.advance(500);
  return timeline;
}

describe('the diagram window', () => {
  it('holds each message from its sender to its receiver, at its send and arrival ticks', () => {
    const timeline = run();
    const window = diagramWindow(timeline, 90, 140);
    expect(window).toMatchObject({ from: 90, to: 140, nodes: 3, startRoles: ['follower', 'follower', 'follower'], truncated: false });
    const votes = window.messages.filter((message) => message.type === 'MsgVote');
    expect(votes.map((message) => [message.from, message.to, message.sent, message.arrive])).toEqual([
      [1, 2, 100, 110],
      [1, 3, 100, 110],
    ]);
    const replies = window.messages.filter((message) => message.type === 'MsgVoteResp');
    expect(replies.map((message) => [message.from, message.to, message.sent, message.arrive, message.ok])).toEqual([
      [2, 1, 110, 120, true],
      [3, 1, 110, 120, true],
    ]);
    expect(window.marks.filter((mark) => mark.kind === 'candidate' || mark.kind === 'leader').map((mark) => [mark.tick, mark.node, mark.kind, mark.term])).toEqual([
      [100, 1, 'candidate', 1],
      [120, 1, 'leader', 1],
    ]);
  });

  it('marks a message lost where it vanishes, and a crash on its lane; the timeline stays where it was', () => {
    const timeline = run();
    timeline.seek(700);
    const window = diagramWindow(timeline, 450, 650);
    expect(window.marks).toContainEqual({ tick: 500, node: 3, kind: 'crash', term: null });
    const lost = window.messages.filter((message) => message.to === 3 && message.sent >= 500);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((message) => message.lost && message.arrive >= message.sent)).toBe(true);
    expect(timeline.tick).toBe(700);
    expect(window.startRoles).toEqual(['leader', 'follower', 'follower']);
  });

  it('stays within the run and within its bounds', () => {
    const timeline = run();
    expect(diagramWindow(timeline, 900, 5_000)).toMatchObject({ from: 900, to: 1_000 });
    expect(diagramWindow(timeline, 2_000, 3_000)).toMatchObject({ from: 1_000, to: 1_000, messages: [] });
  });

  it('gives a server added within the window a lane, down until it starts, and takes a removed one down', () => {
    const timeline = new Timeline(options);
    timeline.advance(100);
    timeline.act({ type: 'campaign', node: 1 });
    timeline.advance(200);
    timeline.act({ type: 'add-node' });
    timeline.advance(200);
    timeline.act({ type: 'remove-node', node: 2 });
    timeline.advance(300);
    const window = diagramWindow(timeline, 250, 700);
    expect(window).toMatchObject({ nodes: 4, startRoles: ['leader', 'follower', 'follower', 'crashed'] });
    expect(window.marks).toContainEqual({ tick: 300, node: 4, kind: 'restart', term: 0 });
    const removedAt = timeline.current.view().nodes[1]!.removedAt!;
    expect(window.marks).toContainEqual({ tick: removedAt, node: 2, kind: 'crash', term: null });
    expect(window.messages.some((message) => message.from === 1 && message.to === 4 && message.type === 'MsgApp')).toBe(true);
  });
});

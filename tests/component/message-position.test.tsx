import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/core/index.ts';
import { messageKind, messageLabel, messageTitle } from '../../src/ui/viz/message-kind.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { lostVanishFraction, messageFraction, messageOpacity, travelProgress } from '../../src/ui/viz/message-position.ts';

const arriving = { sentTick: 100, deliverTick: 120, dropReason: null } as const;
const lost = { sentTick: 100, deliverTick: 110, dropReason: 'loss' } as const;

describe('travelProgress', () => {
  it('is (tick - sentTick) / (deliverTick - sentTick)', () => {
    expect(travelProgress(arriving, 100)).toBe(0);
    expect(travelProgress(arriving, 105)).toBe(0.25);
    expect(travelProgress(arriving, 110.5)).toBeCloseTo(0.525);
    expect(travelProgress(arriving, 120)).toBe(1);
  });

  it('is clamped to [0, 1]', () => {
    expect(travelProgress(arriving, 90)).toBe(0);
    expect(travelProgress(arriving, 130)).toBe(1);
  });

  it('treats a message with no travel time as arrived once sent', () => {
    expect(travelProgress({ sentTick: 5, deliverTick: 5 }, 5)).toBe(1);
    expect(travelProgress({ sentTick: 5, deliverTick: 5 }, 4)).toBe(0);
  });
});

describe('messageFraction', () => {
  it('follows the progress for a message that will arrive', () => {
    expect(messageFraction(arriving, 110)).toBe(0.5);
    expect(messageFraction(arriving, 120)).toBe(1);
  });

  it('stops a lost message at its vanish point, moving at the normal speed', () => {
    // Lost messages are given half their latency (src/core/sim/network.ts), so they cover half the link.
    expect(lostVanishFraction).toBe(0.5);
    expect(messageFraction(lost, 105)).toBe(0.25);
    expect(messageFraction(lost, 110)).toBe(lostVanishFraction);
    expect(messageFraction(lost, 200)).toBe(lostVanishFraction);
  });
});

describe('messageOpacity', () => {
  it('keeps a message that will arrive fully visible', () => {
    expect(messageOpacity(arriving, 119.9)).toBe(1);
  });

  it('fades a lost message as it nears its vanish point', () => {
    expect(messageOpacity(lost, 102)).toBe(1);
    const late = messageOpacity(lost, 108);
    const end = messageOpacity(lost, 110);
    expect(late).toBeLessThan(1);
    expect(end).toBeLessThan(late);
    expect(end).toBeGreaterThan(0);
  });
});

describe('message labels', () => {
  const m = messagesFor('en');
  const base = { id: 7, from: 2, to: 1, term: 3, sentTick: 0, deliverTick: 10, dropReason: null, copyOf: null, reordered: false, summary: 'summary' };
  const vote: MessageView = { ...base, type: 'MsgVoteResp', message: { type: 'MsgVoteResp', from: 2, to: 1, term: 3, granted: false } };
  const append: MessageView = {
    ...base,
    from: 1,
    to: 3,
    type: 'MsgApp',
    message: { type: 'MsgApp', from: 1, to: 3, term: 3, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 },
  };

  it('names type, ends and term first, then what the reply says', () => {
    expect(messageLabel(m, vote)).toBe('MsgVoteResp from 2 to 1, term 3, refused');
    expect(messageLabel(m, append)).toBe('MsgApp from 1 to 3, term 3, heartbeat');
    expect(messageLabel(m, { ...append, copyOf: 5, dropReason: 'partition' })).toBe('MsgApp from 1 to 3, term 3, heartbeat, duplicate, lost');
  });

  it('draws requests filled and replies outlined, by shape per kind', () => {
    expect(messageKind(vote)).toEqual({ shape: 'diamond', isReply: true, isPositive: false, entryCount: null });
    expect(messageKind(append)).toEqual({ shape: 'circle', isReply: false, isPositive: null, entryCount: 0 });
  });

  it('explains a duplicate and a lost message on hover', () => {
    expect(messageTitle(m, { ...base, copyOf: 5, dropReason: 'loss' })).toBe('#7 summary\nduplicate of message #5\nwill be lost (loss)');
  });
});

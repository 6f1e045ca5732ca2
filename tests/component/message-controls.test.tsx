/**
 * The details of a message in flight offer a debugger's hands on it: Deliver now (not for a
 * message the network is losing, nor one sent at this tick), Drop, Duplicate (not a lost one) and
 * Delay by N ticks; each calls back with the action the worker records.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { MessageDetails } from '../../src/ui/components/MessageDetails.tsx';

function inFlight(options: { dropRatio: number; steps: number }) {
  const simulation = new Simulation({ nodes: 3, seed: 1, network: { dropRatio: options.dropRatio, delayTicksMin: 20, delayTicksMax: 20 } });
  simulation.campaign(1);
  simulation.advance(options.steps);
  return { simulation, message: simulation.view().inFlight[0]! };
}

describe('MessageDetails: the message by hand', () => {
  it('a message sent before this tick: every control, each with its action', async () => {
    const { simulation, message } = inFlight({ dropRatio: 0, steps: 1 });
    const onAct = vi.fn();
    const user = userEvent.setup();
    render(<MessageDetails message={message} tick={simulation.tick} onAct={onAct} />);
    await user.click(screen.getByRole('button', { name: 'Deliver now' }));
    await user.click(screen.getByRole('button', { name: 'Drop' }));
    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    const delay = screen.getByLabelText('Delay by (ticks)');
    await user.clear(delay);
    await user.type(delay, '45');
    await user.click(screen.getByRole('button', { name: 'Delay' }));
    expect(onAct.mock.calls.map(([action]) => action as unknown)).toEqual([
      { type: 'deliver-message', id: message.id },
      { type: 'drop-message', id: message.id },
      { type: 'duplicate-message', id: message.id },
      { type: 'delay-message', id: message.id, ticks: 45 },
    ]);
    await user.clear(delay);
    expect(screen.getByRole('button', { name: 'Delay' })).toBeDisabled();
  });

  it('one sent at this tick cannot be delivered yet; a lost one can only be dropped or delayed', () => {
    const sentNow = inFlight({ dropRatio: 0, steps: 0 });
    const { unmount } = render(<MessageDetails message={sentNow.message} tick={sentNow.simulation.tick} onAct={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Deliver now' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Duplicate' })).toBeEnabled();
    unmount();
    const lost = inFlight({ dropRatio: 1, steps: 1 });
    expect(lost.message.dropReason).toBe('loss');
    render(<MessageDetails message={lost.message} tick={lost.simulation.tick} onAct={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Deliver now' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Duplicate' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Drop' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delay' })).toBeEnabled();
  });

  it('without a callback (a message shown on its own) there are no controls', () => {
    const { simulation, message } = inFlight({ dropRatio: 0, steps: 1 });
    render(<MessageDetails message={message} tick={simulation.tick} />);
    expect(screen.queryByRole('button', { name: 'Drop' })).toBeNull();
  });
});

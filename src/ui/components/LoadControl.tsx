import type { Action, Workload } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';

export interface LoadControlProps {
  readonly workload: Workload;
  readonly onAct: (action: Action) => void;
  /** The outcome of the last change made here (shown for a few seconds). */
  readonly outcome?: OutcomeLine | null;
}

const rates = [0, 10, 25, 50, 100, 250, 500, 1000] as const;

/** A steady client: a put to the leader every n ticks, to watch replication under load. */
export function LoadControl({ workload, onAct, outcome = null }: LoadControlProps) {
  const m = useMessages();
  const current = workload.proposeEveryTicks;
  const choices = rates.includes(current as (typeof rates)[number]) ? rates : [...rates, current].sort((a, b) => a - b);
  return (
    <div className="load-control-group">
      <label className="load-control">
        <span>{m.actions.load.label}</span>
        <select
          value={current}
          onChange={(event) => onAct({ type: 'configure-workload', workload: { proposeEveryTicks: Number(event.currentTarget.value) } })}
        >
          {choices.map((rate) => (
            <option key={rate} value={rate}>
              {rate === 0 ? m.actions.load.off : m.actions.load.every(rate)}
            </option>
          ))}
        </select>
      </label>
      <OutcomeStatus outcome={outcome} />
    </div>
  );
}

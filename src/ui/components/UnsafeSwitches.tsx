/**
 * The broken-Raft switches as checkboxes, one per rule removed (core/raft/unsafe.ts), each named
 * "Unsafe: <rule>" and described by the rule it removes. Shared by the new-run settings and the
 * Fuzz panel; the owner keeps the chosen switches.
 */
import { useId } from 'react';
import type { UnsafeSwitch } from '../../core/index.ts';
import { unsafeSwitchNames } from '../../protocol/vocabulary.ts';
import { useMessages } from '../hooks/use-messages.ts';

export interface UnsafeSwitchesProps {
  readonly chosen: readonly UnsafeSwitch[];
  readonly onChange: (chosen: UnsafeSwitch[]) => void;
  readonly disabled?: boolean;
  /** Leave out the hint paragraph (the Fuzz panel has its own). */
  readonly compact?: boolean;
}

export function UnsafeSwitches({ chosen, onChange, disabled = false, compact = false }: UnsafeSwitchesProps) {
  const m = useMessages();
  const id = useId();
  const toggle = (name: UnsafeSwitch, on: boolean): void => {
    onChange(unsafeSwitchNames.filter((other) => (other === name ? on : chosen.includes(other))));
  };
  return (
    <fieldset className="unsafe-switches" aria-describedby={compact ? undefined : `${id}-hint`}>
      <legend>{m.unsafe.legend}</legend>
      {compact ? null : <p id={`${id}-hint`} className="hint">{m.unsafe.hint}</p>}
      {unsafeSwitchNames.map((name) => (
        <div className="form-row" key={name}>
          <label className="checkbox" title={m.unsafe.rules[name]}>
            <input type="checkbox" checked={chosen.includes(name)} disabled={disabled} onChange={(event) => toggle(name, event.target.checked)} />
            {m.unsafe.switches[name]}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

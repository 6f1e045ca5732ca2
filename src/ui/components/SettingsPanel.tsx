/**
 * Settings in two parts. Network settings change the running simulation (a recorded
 * configure-network action, so the run still replays). Raft timing, node count and seed define a
 * new run: applying them discards the current one, so they ask for confirmation first.
 *
 * Each form starts from the props and reloads by itself when they describe a different run (or
 * network): after a restart or an import it shows the run now running, never the previous one.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Action, NetworkConfig, RaftConfig, SimulationOptions } from '../../core/index.ts';
import type { FieldErrors, NetworkField, RunField } from '../settings-form.ts';
import { screenNodeCountMax } from '../../protocol/worker-protocol.ts';
import { networkFormKey, networkFormValues, parseNetworkForm, parseRunForm, runFormKey, runFormValues } from '../settings-form.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

export interface SettingsPanelProps {
  readonly network: NetworkConfig;
  readonly raft: RaftConfig;
  readonly nodeCount: number;
  readonly seed: number;
  readonly onAct: (action: Action) => void;
  readonly onReset: (options: SimulationOptions) => void;
  /** The outcome of the last network change applied here (shown for a few seconds). */
  readonly networkOutcome?: OutcomeLine | null;
  /** The id of a heading outside that names the panel (SettingsSection's); without it the panel has its own. */
  readonly labelledBy?: string;
}

export function SettingsPanel(props: SettingsPanelProps) {
  const id = useId();
  const { labelledBy } = props;
  return (
    <section className="panel settings-panel" aria-labelledby={labelledBy ?? `${id}-heading`}>
      {labelledBy === undefined ? <h2 id={`${id}-heading`}>Settings</h2> : null}
      <NetworkSettings key={networkFormKey(props.network)} network={props.network} onAct={props.onAct} outcome={props.networkOutcome ?? null} />
      <RunSettings key={runFormKey(props)} {...props} />
    </section>
  );
}

interface NumberFieldProps<F extends string> {
  readonly field: F;
  readonly label: string;
  readonly values: Record<F, string>;
  readonly errors: FieldErrors<F>;
  readonly warnings?: FieldErrors<F>;
  readonly onChange: (field: F, value: string) => void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
}

function NumberField<F extends string>({ field, label, values, errors, warnings = {}, onChange, min, max, step = 1 }: NumberFieldProps<F>) {
  const id = useId();
  const error = errors[field];
  const warning = warnings[field];
  const describedBy = error !== undefined ? `${id}-error` : warning !== undefined ? `${id}-warning` : undefined;
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={values[field]}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(field, event.target.value)}
      />
      {error !== undefined ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      {error === undefined && warning !== undefined ? <p id={`${id}-warning`} className="field-warning">{warning}</p> : null}
    </div>
  );
}

function NetworkSettings({ network, onAct, outcome }: { network: NetworkConfig; onAct: (action: Action) => void; outcome: OutcomeLine | null }) {
  const [values, setValues] = useState(() => networkFormValues(network));
  const [isChecked, setChecked] = useState(false);
  const parsed = parseNetworkForm(values);
  const errors = isChecked && !parsed.ok ? parsed.errors : {};
  const onChange = (field: NetworkField, value: string) => setValues({ ...values, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.ok) onAct({ type: 'configure-network', network: parsed.value });
  };
  const common = { values, errors, onChange };
  return (
    <form onSubmit={submit} noValidate aria-label="Network settings">
      <fieldset>
        <legend>Network (applies live)</legend>
        <NumberField {...common} field="lossPercent" label="Message loss (%)" min={0} max={100} step="any" />
        <NumberField {...common} field="duplicatePercent" label="Duplication (%)" min={0} max={100} step="any" />
        <NumberField {...common} field="reorderPercent" label="Reorder (%)" min={0} max={100} step="any" />
        <NumberField {...common} field="latencyMin" label="Latency min (ticks)" min={1} />
        <NumberField {...common} field="latencyMax" label="Latency max (ticks)" min={1} />
        <button type="submit">Apply network settings</button>
        <OutcomeStatus outcome={outcome} />
      </fieldset>
    </form>
  );
}

function RunSettings({ raft, network, nodeCount, seed, onReset }: SettingsPanelProps) {
  const id = useId();
  const [values, setValues] = useState(() => runFormValues({ raft, nodeCount, seed }));
  const [fastBackup, setFastBackup] = useState(raft.fastBackup);
  const [isChecked, setChecked] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const parsed = parseRunForm(values, { raft, network, fastBackup });
  const errors = isChecked && !parsed.ok ? parsed.errors : {};
  const warnings = parsed.ok ? parsed.warnings : {};
  const onChange = (field: RunField, value: string) => {
    setValues({ ...values, [field]: value });
    setConfirming(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setConfirming(parsed.ok);
  };
  const confirm = () => {
    if (!parsed.ok) return;
    setConfirming(false);
    onReset(parsed.value);
  };
  const common = { values, errors, warnings, onChange };
  return (
    <form onSubmit={submit} noValidate aria-label="New run settings">
      <fieldset>
        <legend>Raft timing and cluster (starts a new run)</legend>
        <NumberField {...common} field="electionMin" label="Election timeout min (ticks)" min={1} />
        <NumberField {...common} field="electionMax" label="Election timeout max (ticks)" min={1} />
        <NumberField {...common} field="heartbeat" label="Heartbeat interval (ticks)" min={1} />
        <NumberField {...common} field="snapshotThreshold" label="Snapshot threshold (entries, 0 = never)" min={0} />
        <div className="form-row">
          <label className="checkbox">
            <input type="checkbox" checked={fastBackup} onChange={(event) => setFastBackup(event.target.checked)} />
            Fast backup (conflict hints on rejected appends)
          </label>
        </div>
        <NumberField {...common} field="nodes" label={`Nodes (1 to ${screenNodeCountMax})`} min={1} max={screenNodeCountMax} />
        <NumberField {...common} field="seed" label="Seed" min={0} />
        {isConfirming ? (
          <div className="confirm" role="alertdialog" aria-label="Confirm new run" aria-describedby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>This discards the current run and its history. Start a new run with these settings?</p>
            <button type="button" onClick={confirm}>Discard and restart</button>
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        ) : (
          <button type="submit">Restart with these settings</button>
        )}
      </fieldset>
    </form>
  );
}

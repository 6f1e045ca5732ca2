/**
 * Settings in two parts. Network settings change the running simulation (a recorded
 * configure-network action, so the run still replays). Raft timing, fast backup, PreVote, CheckQuorum, the
 * node count, the seed and the unsafe switches define a new run: applying them discards the
 * current one, so they ask for confirmation first.
 *
 * Each form starts from the props and reloads by itself when they describe a different run (or
 * network): after a restart or an import it shows the run now running, never the previous one.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Action, NetworkConfig, RaftConfig, SimulationOptions } from '../../core/index.ts';
import type { FieldErrors, NetworkField, RunField } from '../settings-form.ts';
import { screenNodeCountMax } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { networkFormKey, networkFormValues, parseNetworkForm, parseRunForm, runFormKey, runFormValues } from '../settings-form.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import { UnsafeSwitches } from './UnsafeSwitches.tsx';
import { leaseDriftBound, unsafeSwitchesOn } from '../../protocol/vocabulary.ts';
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
  const m = useMessages();
  const id = useId();
  const { labelledBy } = props;
  return (
    <section className="panel settings-panel" aria-labelledby={labelledBy ?? `${id}-heading`}>
      {labelledBy === undefined ? <h2 id={`${id}-heading`}>{m.settings.heading}</h2> : null}
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

/** One switch of the new-run form, named by its label and described by its hint, if it has one. */
function CheckboxRow({ label, hint, checked, onChange }: { readonly label: string; readonly hint?: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="form-row">
      <label className="checkbox" title={hint}>
        <input type="checkbox" checked={checked} aria-describedby={hint === undefined ? undefined : `${id}-hint`} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function NetworkSettings({ network, onAct, outcome }: { network: NetworkConfig; onAct: (action: Action) => void; outcome: OutcomeLine | null }) {
  const m = useMessages();
  const [values, setValues] = useState(() => networkFormValues(network));
  const [isChecked, setChecked] = useState(false);
  const parsed = parseNetworkForm(m, values);
  const errors = isChecked && !parsed.ok ? parsed.errors : {};
  const onChange = (field: NetworkField, value: string) => setValues({ ...values, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.ok) onAct({ type: 'configure-network', network: parsed.value });
  };
  const common = { values, errors, onChange };
  return (
    <form onSubmit={submit} noValidate aria-label={m.settings.form.network}>
      <fieldset>
        <legend>{m.settings.form.networkLegend}</legend>
        <NumberField {...common} field="lossPercent" label={m.settings.form.lossPercent} min={0} max={100} step="any" />
        <NumberField {...common} field="duplicatePercent" label={m.settings.form.duplicatePercent} min={0} max={100} step="any" />
        <NumberField {...common} field="reorderPercent" label={m.settings.form.reorderPercent} min={0} max={100} step="any" />
        <NumberField {...common} field="latencyMin" label={m.settings.form.latencyMin} min={1} />
        <NumberField {...common} field="latencyMax" label={m.settings.form.latencyMax} min={1} />
        <button type="submit">{m.settings.form.applyNetwork}</button>
        <OutcomeStatus outcome={outcome} />
      </fieldset>
    </form>
  );
}

function RunSettings({ raft, network, nodeCount, seed, onReset }: SettingsPanelProps) {
  const m = useMessages();
  const id = useId();
  const [values, setValues] = useState(() => runFormValues({ raft, nodeCount, seed }));
  const [fastBackup, setFastBackup] = useState(raft.fastBackup);
  const [batchProposals, setBatchProposals] = useState(raft.batchProposals);
  const [preVote, setPreVote] = useState(raft.preVote);
  const [checkQuorum, setCheckQuorum] = useState(raft.checkQuorum);
  const [leaseReads, setLeaseReads] = useState(raft.leaseReads);
  const [unsafe, setUnsafe] = useState(() => unsafeSwitchesOn(raft));
  const [isChecked, setChecked] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const parsed = parseRunForm(m, values, { raft, network, fastBackup, batchProposals, preVote, checkQuorum, leaseReads, unsafe });
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
    <form onSubmit={submit} noValidate aria-label={m.settings.form.run}>
      <fieldset>
        <legend>{m.settings.form.runLegend}</legend>
        <NumberField {...common} field="electionMin" label={m.settings.form.electionMin} min={1} />
        <NumberField {...common} field="electionMax" label={m.settings.form.electionMax} min={1} />
        <NumberField {...common} field="heartbeat" label={m.settings.form.heartbeat} min={1} />
        <NumberField {...common} field="snapshotThreshold" label={m.settings.form.snapshotThreshold} min={0} />
        <CheckboxRow label={m.settings.form.fastBackup} checked={fastBackup} onChange={setFastBackup} />
        <CheckboxRow label={m.settings.form.batching} checked={batchProposals} onChange={setBatchProposals} />
        <CheckboxRow label={m.settings.form.preVote} hint={m.settings.form.preVoteHint} checked={preVote} onChange={setPreVote} />
        <CheckboxRow label={m.settings.form.checkQuorum} hint={m.settings.form.checkQuorumHint} checked={checkQuorum} onChange={setCheckQuorum} />
        <CheckboxRow label={m.settings.form.leaseReads} hint={m.settings.form.leaseReadsHint(Math.round(leaseDriftBound * 100))} checked={leaseReads} onChange={setLeaseReads} />
        <NumberField {...common} field="nodes" label={m.settings.form.nodes(screenNodeCountMax)} min={1} max={screenNodeCountMax} />
        <NumberField {...common} field="seed" label={m.settings.form.seed} min={0} />
        <UnsafeSwitches
          chosen={unsafe}
          onChange={(chosen) => {
            setUnsafe(chosen);
            setConfirming(false);
          }}
        />
        {isConfirming ? (
          <div className="confirm" role="alertdialog" aria-label={m.settings.form.confirmNewRun} aria-describedby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>{m.settings.form.confirmText}</p>
            <button type="button" onClick={confirm}>
              {m.settings.form.discardAndRestart}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {m.settings.form.cancel}
            </button>
          </div>
        ) : (
          <button type="submit">{m.settings.form.restart}</button>
        )}
      </fieldset>
    </form>
  );
}

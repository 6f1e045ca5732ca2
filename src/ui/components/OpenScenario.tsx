/**
 * Open scenario: a dialog to open a run written as scenario text (src/scenario) from a preset, a
 * file, an address or a paste. The text is shown and may be edited before opening; the worker
 * parses and compiles it, and every problem comes back with its line and column, listed under
 * the text (a click puts the caret there). The run on screen stays until a scenario opens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { scenarioErrorText } from '../scenario/text.ts';
import { presetTitle, scenarioPresets } from '../scenario/presets.ts';
import { readProblemText, readScenarioAddress, scenarioBytesMax } from '../scenario/source.ts';
import { useAppStore } from '../store/store-context.tsx';
import { DialogButton, ModalFrame } from './DialogButton.tsx';
import './panels.css';

export function OpenScenarioButton() {
  const m = useMessages();
  return <DialogButton label={m.scenario.openScenario}>{(close) => <OpenScenarioDialog onClose={close} />}</DialogButton>;
}

/** Where the text in the box came from, for the name the run is opened under. */
interface Source {
  readonly name: string;
  /** The text as it came; once edited, the scenario is named as pasted text. */
  readonly text: string;
}

function OpenScenarioDialog({ onClose }: { readonly onClose: () => void }) {
  const m = useMessages();
  const id = useId();
  const openScenario = useAppStore((state) => state.openScenario);
  const problem = useAppStore((state) => state.scenarioProblem);
  const clearProblem = useAppStore((state) => state.clearScenarioProblem);
  const status = useAppStore((state) => state.importStatus);
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const errors = useRef<HTMLDivElement>(null);

  useEffect(() => {
    first.current?.focus();
    clearProblem();
  }, [clearProblem]);
  // The problems may be below the fold of a small screen.
  useEffect(() => {
    if (problem !== null) errors.current?.scrollIntoView?.({ block: 'nearest' });
  }, [problem]);
  // Opened: the dialog's work is done.
  useEffect(() => {
    if (submitted && status?.phase === 'done' && status.from?.kind === 'scenario') onClose();
  }, [submitted, status, onClose]);

  const fill = (next: string, from: Source | null) => {
    setText(next);
    setSource(from);
    setNote(null);
    clearProblem();
  };
  const loadFile = async (file: File) => {
    if (file.size > scenarioBytesMax) return setNote(m.scenario.readFailed(file.name, m.scenario.tooLarge(file.size, scenarioBytesMax)));
    const content = await file.text();
    fill(content, { name: file.name, text: content });
  };
  const loadAddress = async () => {
    const read = await readScenarioAddress(address, window.location.href);
    if (read.ok) fill(read.text, { name: read.name, text: read.text });
    else setNote(m.scenario.readFailed(address, readProblemText(m, read.problem)));
  };
  const submit = () => {
    if (text.trim() === '') return setNote(m.scenario.empty);
    setSubmitted(true);
    setNote(null);
    openScenario(text, { name: source !== null && source.text === text ? source.name : m.scenario.pasted, inDialog: true });
  };
  const goToError = (line: number, column: number) => {
    const field = area.current;
    if (field === null || line < 1) return;
    const lines = field.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((sum, part) => sum + part.length + 1, 0) + Math.max(0, column - 1);
    field.focus();
    field.setSelectionRange(offset, offset);
  };
  const opening = submitted && status?.phase === 'replaying';

  return (
    <ModalFrame className="scenario-dialog" titleId={`${id}-title`} onClose={onClose}>
        <h2 id={`${id}-title`}>{m.scenario.dialogTitle}</h2>
        <p className="scenario-intro">{m.scenario.dialogIntro}</p>
        <div className="scenario-sources">
          <label>
            {m.scenario.presetChoice}
            <select
              ref={first}
              value=""
              onChange={(event) => {
                const preset = scenarioPresets.find((item) => item.id === event.currentTarget.value);
                if (preset !== undefined) fill(preset.text, { name: presetTitle(m, preset.id), text: preset.text });
              }}
            >
              <option value="">{m.scenario.presetNone}</option>
              {scenarioPresets.map((preset) => (
                <option key={preset.id} value={preset.id}>
                  {presetTitle(m, preset.id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.scenario.file}
            <input
              type="file"
              accept=".scn,.txt,text/plain"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file !== undefined) void loadFile(file);
                event.currentTarget.value = '';
              }}
            />
          </label>
          <form
            className="scenario-address"
            onSubmit={(event) => {
              event.preventDefault();
              void loadAddress();
            }}
          >
            <label>
              {m.scenario.address}
              <input type="url" value={address} placeholder={m.scenario.addressPlaceholder} title={m.scenario.addressHint} onChange={(event) => setAddress(event.currentTarget.value)} />
            </label>
            <button type="submit" disabled={address.trim() === ''}>
              {m.scenario.load}
            </button>
          </form>
        </div>
        <label className="scenario-text">
          {m.scenario.text}
          <textarea ref={area} value={text} rows={10} spellCheck={false} onChange={(event) => fill(event.currentTarget.value, source)} />
        </label>
        {note !== null ? (
          <p className="scenario-note" role="alert">
            {note}
          </p>
        ) : null}
        {problem !== null ? (
          <div className="scenario-errors" role="alert" ref={errors}>
            <p>{m.scenario.errorCount(problem.errors.length)}</p>
            <ul aria-label={m.scenario.errorsList}>
              {problem.errors.map((error, index) => (
                <li key={index}>
                  <button type="button" className="link-button" onClick={() => goToError(error.line, error.column)}>
                    {scenarioErrorText(m, error)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="scenario-dialog-buttons">
          <button type="button" onClick={submit} disabled={opening}>
            {m.scenario.open}
          </button>
          <button type="button" onClick={onClose}>
            {m.scenario.cancel}
          </button>
        </div>
    </ModalFrame>
  );
}

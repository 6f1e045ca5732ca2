/**
 * A client of the replicated key-value store: put or delete a key, sent to the leader or to a
 * chosen node (a follower refuses and names the leader it knows, as in the 6.824 lab's Start()),
 * or get it with a linearizable read, whose confirmation round and answer the Reads list shows.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Action, Command, NodeId, ReadView } from '../../core/index.ts';
import { readLine } from '../read-line.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

/** Longest key or value accepted from the form (the cells and tables stay readable). */
export const clientTextMax = 64;

export type ClientOutcome = OutcomeLine;

export interface ClientPanelProps {
  readonly nodeIds: readonly NodeId[];
  readonly onSubmit: (action: Action) => void;
  /** The outcome of the last request (shown for a few seconds), announced politely to screen readers. */
  readonly outcome: ClientOutcome | null;
  /** The client's gets under way and the last few answered, oldest first. */
  readonly reads?: readonly ReadView[];
}

/** Gets listed, newest first: enough to follow a few at once without the panel growing. */
const readsShown = 5;

type Operation = 'put' | 'delete';

export function ClientPanel({ nodeIds, onSubmit, outcome, reads = [] }: ClientPanelProps) {
  const id = useId();
  const m = useMessages();
  return (
    <section className="panel client-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.actions.client.heading}</h2>
      <ClientForm id={id} nodeIds={nodeIds} onSubmit={onSubmit} />
      <OutcomeStatus outcome={outcome} />
      {reads.length > 0 ? <ReadList reads={reads} /> : null}
    </section>
  );
}

/** The recent gets, newest first, each with its confirmation round and answer. */
function ReadList({ reads }: { reads: readonly ReadView[] }) {
  const m = useMessages();
  const shown = reads.slice(-readsShown).reverse();
  return (
    <ul className="read-list" aria-label={m.actions.client.reads}>
      {shown.map((read) => (
        <li key={read.id} className={`read-item read-${read.state}`}>
          {readLine(m, read)}
        </li>
      ))}
    </ul>
  );
}

/** The request form; `id` prefixes its element ids (the panel's useId). */
function ClientForm({ id, nodeIds, onSubmit }: { id: string } & Pick<ClientPanelProps, 'nodeIds' | 'onSubmit'>) {
  const m = useMessages();
  const [operation, setOperation] = useState<Operation>('put');
  const [key, setKey] = useState('x');
  const [value, setValue] = useState('1');
  const [chosenTarget, setTarget] = useState('leader');
  const [error, setError] = useState<Problem | null>(null);
  // A node the run no longer has (a restart with fewer nodes) falls back to the leader.
  const target = chosenTarget === 'leader' || nodeIds.includes(Number(chosenTarget)) ? chosenTarget : 'leader';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = validate(key, operation === 'put' ? value : '');
    setError(problem);
    if (problem === null) onSubmit(proposeAction(operation, key, value, target));
  };
  // A get reads the key only: the operation and value fields are the put's and delete's.
  const get = () => {
    const problem = validate(key, '');
    setError(problem);
    if (problem === null) onSubmit({ type: 'get', node: target === 'leader' ? 'leader' : Number(target), key: key.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="form-row">
        <label htmlFor={`${id}-op`}>{m.actions.client.operation}</label>
        <select id={`${id}-op`} value={operation} onChange={(event) => setOperation(event.target.value === 'delete' ? 'delete' : 'put')}>
          <option value="put">{m.actions.client.put}</option>
          <option value="delete">{m.actions.client.delete}</option>
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-key`}>{m.actions.client.key}</label>
        <input
          id={`${id}-key`}
          value={key}
          maxLength={clientTextMax}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
          onChange={(event) => setKey(event.target.value)}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-value`}>{m.actions.client.value}</label>
        <input id={`${id}-value`} value={value} maxLength={clientTextMax} disabled={operation === 'delete'} onChange={(event) => setValue(event.target.value)} />
      </div>
      <TargetRow id={`${id}-target`} nodeIds={nodeIds} target={target} onChange={setTarget} />
      {error !== null ? (
        <p id={`${id}-error`} className="field-error">
          {problemText(m, error)}
        </p>
      ) : null}
      <div className="panel-toolbar">
        <button type="submit">{m.actions.client.send}</button>
        <button type="button" onClick={get}>
          {m.actions.client.get}
        </button>
      </div>
    </form>
  );
}

/** "Send to": the current leader, resolved when the request is applied, or one chosen node. */
function TargetRow({ id, nodeIds, target, onChange }: { id: string; nodeIds: readonly NodeId[]; target: string; onChange: (target: string) => void }) {
  const m = useMessages();
  return (
    <div className="form-row">
      <label htmlFor={id}>{m.actions.client.sendTo}</label>
      <select id={id} value={target} onChange={(event) => onChange(event.target.value)}>
        <option value="leader">{m.actions.client.leader}</option>
        {nodeIds.map((node) => (
          <option key={node} value={String(node)}>
            {m.common.node(node)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The propose action for a validated form; `target` is 'leader' or a node id as text. */
function proposeAction(operation: Operation, key: string, value: string, target: string): Action {
  const command: Command = operation === 'put' ? { type: 'put', key: key.trim(), value } : { type: 'delete', key: key.trim() };
  return { type: 'propose', node: target === 'leader' ? 'leader' : Number(target), command };
}

/** What is wrong with a key and value, if anything (worded when shown, so in the language on screen). */
type Problem = 'no-key' | 'too-long';

function validate(key: string, value: string): Problem | null {
  if (key.trim() === '') return 'no-key';
  if (key.length > clientTextMax || value.length > clientTextMax) return 'too-long';
  return null;
}

function problemText(m: Messages, problem: Problem): string {
  return problem === 'no-key' ? m.actions.client.enterKey : m.actions.client.tooLong(clientTextMax);
}

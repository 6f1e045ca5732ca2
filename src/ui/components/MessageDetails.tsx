/**
 * One message in flight, with the paper's name for its RPC and every argument or result in
 * Figure 2's field names, so a student can check each rule against the numbers.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Action, Entry, MessageView, RemoteMessage, Tick } from '../../core/index.ts';
import { timerTicksMax } from '../../protocol/defaults.ts';
import { assertNever, paperName } from '../format.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import { termColor, termTextColor } from '../viz/palette.ts';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import './panels.css';

/** Most entries listed for one AppendEntries (the rest are counted). */
export const messageEntriesMax = 50;

export interface MessageDetailsProps {
  readonly message: MessageView;
  /** The current tick, to say how long until delivery. */
  readonly tick?: Tick;
  /**
   * The catalogue to speak in: DetailsPanel passes the screen's (useMessages). English when left
   * out, so the details also render on their own, outside the app's store.
   */
  readonly m?: Messages;
  /** A debugger's hands on the message (Drop, Duplicate, Delay, Deliver now); none when left out. */
  readonly onAct?: (action: Action) => void;
  /** The outcome of the last of those (shown for a few seconds). */
  readonly outcome?: OutcomeLine | null;
}

export function MessageDetails({ message, tick, m = messagesFor(defaultLocale), onAct, outcome = null }: MessageDetailsProps) {
  const headingId = `message-details-${message.id}`;
  return (
    <section className="panel message-details" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {paperName[message.type]} <span className="muted">({message.type}, #{message.id})</span>
      </h2>
      <dl className="fields">
        <Field name={m.details.message.term}>{message.term}</Field>
        <Field name={m.details.message.ends}>
          {m.common.nodeInText(message.from)} → {m.common.nodeInText(message.to)}
        </Field>
        <Field name={m.details.message.sentAt}>{message.sentTick}</Field>
        <Field name={m.details.message.delivery}>
          {message.deliverTick}
          {tick !== undefined && message.deliverTick > tick ? m.details.message.deliveryIn(message.deliverTick - tick) : ''}
        </Field>
        <Field name={m.details.message.fate}>
          {message.dropReason === null ? m.details.message.inFlight : <strong>{m.details.message.willBeLost(m.common.dropReason[message.dropReason])}</strong>}
        </Field>
        {message.copyOf !== null ? <Field name={m.details.message.duplicateOf}>{m.details.message.duplicateValue(message.copyOf)}</Field> : null}
      </dl>
      {onAct !== undefined ? <MessageControls m={m} message={message} tick={tick} onAct={onAct} /> : null}
      <OutcomeStatus outcome={outcome} />
      <h3>{isReply(message.message) ? m.details.message.results : m.details.message.arguments}</h3>
      <dl className="fields">
        <RpcFields m={m} message={message.message} />
      </dl>
    </section>
  );
}

/** The ticks Delay holds a message back when the field is left as it is. */
const delayDefault = 20;

function MessageControls({ m, message, tick, onAct }: { m: Messages; message: MessageView; tick: Tick | undefined; onAct: (action: Action) => void }) {
  const [ticks, setTicks] = useState(String(delayDefault));
  const by = Number(ticks);
  const validDelay = Number.isInteger(by) && by >= 1 && by <= timerTicksMax;
  const arriving = message.dropReason === null;
  // One sent this tick arrives at the earliest on the next.
  const deliverable = arriving && tick !== undefined && message.sentTick < tick;
  const words = m.details.message.controls;
  return (
    <form
      className="panel-toolbar message-controls"
      onSubmit={(event) => {
        event.preventDefault();
        if (validDelay) onAct({ type: 'delay-message', id: message.id, ticks: by });
      }}
    >
      <button type="button" onClick={() => onAct({ type: 'deliver-message', id: message.id })} disabled={!deliverable} title={words.deliverNowHint}>
        {words.deliverNow}
      </button>
      <button type="button" onClick={() => onAct({ type: 'drop-message', id: message.id })} title={words.dropHint}>
        {words.drop}
      </button>
      <button type="button" onClick={() => onAct({ type: 'duplicate-message', id: message.id })} disabled={!arriving} title={words.duplicateHint}>
        {words.duplicate}
      </button>
      <label>
        {words.delayBy}
        <input type="number" min={1} max={timerTicksMax} step={1} inputMode="numeric" value={ticks} onChange={(event) => setTicks(event.currentTarget.value)} aria-invalid={!validDelay} />
      </label>
      <button type="submit" disabled={!validDelay} title={words.delayHint}>
        {words.delay}
      </button>
    </form>
  );
}

function isReply(message: RemoteMessage): boolean {
  return message.type === 'MsgVoteResp' || message.type === 'MsgAppResp' || message.type === 'MsgSnapResp';
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The arguments and results under the names of Figure 2 (and Figure 13), the same in every language. */
function RpcFields({ m, message }: { m: Messages; message: RemoteMessage }) {
  switch (message.type) {
    case 'MsgVote':
      return (
        <>
          <Field name="candidateId">{m.common.nodeInText(message.from)}</Field>
          <Field name="lastLogIndex">{message.lastLogIndex}</Field>
          <Field name="lastLogTerm">{message.lastLogTerm}</Field>
        </>
      );
    case 'MsgVoteResp':
      return <Field name="voteGranted">{message.granted ? m.details.message.granted : m.details.message.refused}</Field>;
    case 'MsgApp':
      return (
        <>
          <Field name="leaderId">{m.common.nodeInText(message.from)}</Field>
          <Field name="prevLogIndex">{message.prevLogIndex}</Field>
          <Field name="prevLogTerm">{message.prevLogTerm}</Field>
          <Field name="entries">{message.entries.length === 0 ? m.details.message.noEntries : <EntryList m={m} entries={message.entries} />}</Field>
          <Field name="leaderCommit">{message.leaderCommit}</Field>
          {message.read === undefined ? null : <Field name="readRound">{message.read}</Field>}
        </>
      );
    case 'MsgAppResp':
      return (
        <>
          <AppendResult m={m} message={message} />
          {message.read === undefined ? null : <Field name="readRound">{message.read}</Field>}
        </>
      );
    case 'MsgSnap':
      return (
        <>
          <Field name="leaderId">{m.common.nodeInText(message.from)}</Field>
          <Field name="lastIncludedIndex">{message.snapshot.index}</Field>
          <Field name="lastIncludedTerm">{message.snapshot.term}</Field>
          <Field name="data">{m.details.message.keys(message.snapshot.data.length)}</Field>
        </>
      );
    case 'MsgSnapResp':
      return <Field name="matchIndex">{message.matchIndex}</Field>;
    case 'MsgTimeoutNow':
      return <Field name="leaderId">{m.common.nodeInText(message.from)}</Field>;
    default:
      return assertNever(message, 'message');
  }
}

function AppendResult({ m, message }: { m: Messages; message: Extract<RemoteMessage, { type: 'MsgAppResp' }> }) {
  if (message.success) {
    return (
      <>
        <Field name="success">{m.details.message.yes}</Field>
        <Field name="matchIndex">{message.matchIndex}</Field>
      </>
    );
  }
  let hint = m.details.message.noHint;
  if (message.conflictIndex !== null) {
    hint = message.conflictTerm === null ? m.details.message.hintShort(message.conflictIndex) : m.details.message.hintConflict(message.conflictTerm, message.conflictIndex);
  }
  return (
    <>
      <Field name="success">{m.details.message.no}</Field>
      <Field name={m.details.message.rejectedIndex}>{message.rejectedIndex}</Field>
      <Field name={m.details.message.hint}>{hint}</Field>
    </>
  );
}

function EntryList({ m, entries }: { m: Messages; entries: readonly Entry[] }) {
  const shown = entries.slice(0, messageEntriesMax);
  return (
    <ol className="entry-list">
      {shown.map((entry) => (
        <li key={entry.index} aria-label={m.details.message.entry(entry.index, entry.term, m.common.command(entry.command))}>
          <span className="entry-term" style={{ background: termColor(entry.term), color: termTextColor(entry.term) }}>
            {entry.term}
          </span>{' '}
          {entry.index}: {m.common.command(entry.command)}
        </li>
      ))}
      {entries.length > shown.length ? <li className="muted">{m.details.message.moreEntries(entries.length - shown.length)}</li> : null}
    </ol>
  );
}

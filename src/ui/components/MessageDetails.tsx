/**
 * One message in flight, with the paper's name for its RPC and every argument or result in
 * Figure 2's field names, so a student can check each rule against the numbers.
 */
import type { ReactNode } from 'react';
import type { Entry, MessageView, RemoteMessage, Tick } from '../../core/index.ts';
import { assertNever, dropReasonText, longCommand, paperName } from '../format.ts';
import { termColor, termTextColor } from '../viz/palette.ts';
import './panels.css';

/** Most entries listed for one AppendEntries (the rest are counted). */
export const messageEntriesMax = 50;

export interface MessageDetailsProps {
  readonly message: MessageView;
  /** The current tick, to say how long until delivery. */
  readonly tick?: Tick;
}

export function MessageDetails({ message, tick }: MessageDetailsProps) {
  const headingId = `message-details-${message.id}`;
  return (
    <section className="panel message-details" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {paperName[message.type]} <span className="muted">({message.type}, #{message.id})</span>
      </h2>
      <dl className="fields">
        <Field name="term">{message.term}</Field>
        <Field name="from → to">
          node {message.from} → node {message.to}
        </Field>
        <Field name="sent at tick">{message.sentTick}</Field>
        <Field name="delivery tick">
          {message.deliverTick}
          {tick !== undefined && message.deliverTick > tick ? ` (in ${message.deliverTick - tick} ticks)` : ''}
        </Field>
        <Field name="fate">
          {message.dropReason === null ? 'in flight' : <strong>will be lost: {dropReasonText[message.dropReason]}</strong>}
        </Field>
        {message.copyOf !== null ? <Field name="duplicate of">message #{message.copyOf}</Field> : null}
      </dl>
      <h3>{isReply(message.message) ? 'Results' : 'Arguments'}</h3>
      <dl className="fields">
        <RpcFields message={message.message} />
      </dl>
    </section>
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

function RpcFields({ message }: { message: RemoteMessage }) {
  switch (message.type) {
    case 'MsgVote':
      return (
        <>
          <Field name="candidateId">node {message.from}</Field>
          <Field name="lastLogIndex">{message.lastLogIndex}</Field>
          <Field name="lastLogTerm">{message.lastLogTerm}</Field>
        </>
      );
    case 'MsgVoteResp':
      return <Field name="voteGranted">{message.granted ? 'granted' : 'refused'}</Field>;
    case 'MsgApp':
      return (
        <>
          <Field name="leaderId">node {message.from}</Field>
          <Field name="prevLogIndex">{message.prevLogIndex}</Field>
          <Field name="prevLogTerm">{message.prevLogTerm}</Field>
          <Field name="entries">{message.entries.length === 0 ? 'none (heartbeat)' : <EntryList entries={message.entries} />}</Field>
          <Field name="leaderCommit">{message.leaderCommit}</Field>
        </>
      );
    case 'MsgAppResp':
      return <AppendResult message={message} />;
    case 'MsgSnap':
      return (
        <>
          <Field name="leaderId">node {message.from}</Field>
          <Field name="lastIncludedIndex">{message.snapshot.index}</Field>
          <Field name="lastIncludedTerm">{message.snapshot.term}</Field>
          <Field name="data">{message.snapshot.data.length} keys</Field>
        </>
      );
    case 'MsgSnapResp':
      return <Field name="matchIndex">{message.matchIndex}</Field>;
    default:
      return assertNever(message, 'message');
  }
}

function AppendResult({ message }: { message: Extract<RemoteMessage, { type: 'MsgAppResp' }> }) {
  if (message.success) {
    return (
      <>
        <Field name="success">yes</Field>
        <Field name="matchIndex">{message.matchIndex}</Field>
      </>
    );
  }
  let hint = 'none (fast backup off, or stale term)';
  if (message.conflictIndex !== null) {
    hint = message.conflictTerm === null
      ? `log too short: retry from index ${message.conflictIndex}`
      : `conflicting term ${message.conflictTerm}, first index ${message.conflictIndex}`;
  }
  return (
    <>
      <Field name="success">no</Field>
      <Field name="rejected prevLogIndex">{message.rejectedIndex}</Field>
      <Field name="conflict hint">{hint}</Field>
    </>
  );
}

function EntryList({ entries }: { entries: readonly Entry[] }) {
  const shown = entries.slice(0, messageEntriesMax);
  return (
    <ol className="entry-list">
      {shown.map((entry) => (
        <li key={entry.index} aria-label={`index ${entry.index}, term ${entry.term}, ${longCommand(entry.command)}`}>
          <span className="entry-term" style={{ background: termColor(entry.term), color: termTextColor(entry.term) }}>
            {entry.term}
          </span>{' '}
          {entry.index}: {longCommand(entry.command)}
        </li>
      ))}
      {entries.length > shown.length ? <li className="muted">and {entries.length - shown.length} more</li> : null}
    </ol>
  );
}

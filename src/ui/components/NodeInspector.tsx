/**
 * Everything one node holds, grouped as Figure 2 groups it: persistent state (on disk, survives a
 * crash), volatile state (lost in a crash), timers, the leader's per-follower progress, and the
 * key-value state built by applying committed entries.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ClusterView, NodeId, NodeView } from '../../core/index.ts';
import { timerTicksMax } from '../../protocol/defaults.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import { leaseLine, transferLine } from '../viz/node-status.ts';
import { KvTable } from './KvTable.tsx';
import { OutcomeStatus } from './OutcomeStatus.tsx';
import type { OutcomeLine } from './OutcomeStatus.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import './panels.css';

export interface NodeInspectorProps {
  readonly node: NodeView;
  readonly view: ClusterView;
  readonly onCrash: (node: NodeId) => void;
  readonly onRestart: (node: NodeId) => void;
  readonly onIsolate: (node: NodeId) => void;
  readonly onRejoin: (node: NodeId) => void;
  /** "Time out now": the node's election timer fires at once (the core's campaign). */
  readonly onTimeoutNow?: (node: NodeId) => void;
  /** "Transfer leadership": the leader hands its leadership to this node. */
  readonly onTransferLeadership?: (node: NodeId) => void;
  /** "Remove node": the leader removes this node from the configuration (membership change). */
  readonly onRemove?: (node: NodeId) => void;
  /** "Set timer": the node's election timer fires in `ticks` ticks. */
  readonly onSetTimer?: (node: NodeId, ticks: number) => void;
  /** The outcome of the last action taken on this node here (shown for a few seconds). */
  readonly outcome?: OutcomeLine | null;
  /**
   * The catalogue to speak in: DetailsPanel passes the screen's (useMessages). English when left
   * out, so the inspector also renders on its own, outside the app's store.
   */
  readonly m?: Messages;
}

export function NodeInspector({ node, view, onCrash, onRestart, onIsolate, onRejoin, onTimeoutNow, onTransferLeadership, onRemove, onSetTimer, outcome = null, m = messagesFor(defaultLocale) }: NodeInspectorProps) {
  if (node.removedAt !== undefined) return <RemovedNode m={m} node={node} removedAt={node.removedAt} outcome={outcome} />;
  const headingId = `node-inspector-${node.id}`;
  // Alone in its group while the cluster has more than one node (so more than one group).
  const group = view.partition.find((members) => members.includes(node.id));
  const isIsolated = view.nodes.length > 1 && group !== undefined && group.length === 1;
  return (
    <section className={['panel', 'inspector', node.alive ? null : 'is-crashed'].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <header className="inspector-header">
        <h2 id={headingId}>{m.common.node(node.id)}</h2>
        <span className="badge">{node.alive ? m.common.role[node.role ?? 'follower'] : m.details.node.crashedAt(node.crashedAt)}</span>
        {isIsolated ? <span className="badge badge-warning">{m.details.node.isolated}</span> : null}
      </header>
      {/* Each pair shares its slot, so the focused button stays focused when it turns into the other. */}
      <div className="panel-toolbar">
        {node.alive ? (
          <button type="button" onClick={() => onCrash(node.id)}>{m.details.node.crash}</button>
        ) : (
          <button type="button" onClick={() => onRestart(node.id)}>{m.details.node.restart}</button>
        )}
        {isIsolated ? (
          <button type="button" onClick={() => onRejoin(node.id)}>{m.details.node.rejoin}</button>
        ) : view.nodes.length > 1 ? (
          <button type="button" onClick={() => onIsolate(node.id)}>{m.details.node.isolate}</button>
        ) : null}
        {onTransferLeadership !== undefined && node.alive && node.role !== 'leader' && view.nodes.length > 1 ? (
          <TransferButton m={m} node={node.id} leader={view.leader?.id ?? null} onTransfer={onTransferLeadership} />
        ) : null}
        {onRemove !== undefined ? (
          <button type="button" title={m.details.node.removeHelp(view.leader?.id ?? null)} onClick={() => onRemove(node.id)}>
            {m.details.node.remove}
          </button>
        ) : null}
      </div>
      <TransferStatus m={m} node={node} view={view} />
      {leaseLine(m, node) === null ? null : <p className="inspector-note">{leaseLine(m, node)}</p>}
      <OutcomeStatus outcome={outcome} />
      <PersistentState m={m} node={node} />
      <VolatileState m={m} node={node} />
      {node.alive ? <Timers m={m} node={node} heartbeatIntervalTicks={view.raft.heartbeatIntervalTicks} onTimeoutNow={onTimeoutNow} onSetTimer={onSetTimer} /> : null}
      {node.votes.length > 0 ? <Votes m={m} node={node} /> : null}
      {node.progress.length > 0 ? <ProgressTable m={m} leader={node.id} progress={node.progress} lastIndex={node.log.lastIndex} /> : null}
      {node.alive ? <KvTable m={m} node={node.id} pairs={node.kv} /> : null}
    </section>
  );
}

/** A server retired by a removal: what is left to say is when it left, and what its disk kept. */
function RemovedNode({ m, node, removedAt, outcome }: { m: Messages; node: NodeView; removedAt: number; outcome: OutcomeLine | null }) {
  const headingId = `node-inspector-${node.id}`;
  return (
    <section className="panel inspector is-crashed" aria-labelledby={headingId}>
      <header className="inspector-header">
        <h2 id={headingId}>{m.common.node(node.id)}</h2>
        <span className="badge">{m.details.node.removedAt(removedAt)}</span>
      </header>
      <p className="inspector-note">{m.details.node.removed}</p>
      <OutcomeStatus outcome={outcome} />
      <PersistentState m={m} node={node} />
    </section>
  );
}

/** Disabled, with the reason as its description, while no leader could hand over. */
function TransferButton({ m, node, leader, onTransfer }: { m: Messages; node: NodeId; leader: NodeId | null; onTransfer: (node: NodeId) => void }) {
  const help = leader === null ? m.details.node.transferNoLeader : m.details.node.transferHelp(leader);
  return (
    <button type="button" disabled={leader === null} title={help} aria-keyshortcuts="O" onClick={() => onTransfer(node)}>
      {m.details.node.transfer}
    </button>
  );
}

/** A transfer under way: on the leader, to whom and how long it waits; on its target, from whom. */
function TransferStatus({ m, node, view }: { m: Messages; node: NodeView; view: ClusterView }) {
  const transferring = transferLine(m, node);
  if (transferring !== null) return <p className="inspector-note">{transferring}</p>;
  const from = view.nodes.find((other) => other.transfer?.target === node.id);
  return from === undefined ? null : <p className="inspector-note">{m.details.node.transferTarget(from.id)}</p>;
}

function Field({ name, help, children }: { name: string; help?: string; children: ReactNode }) {
  return (
    <>
      <dt title={help}>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

// Figure 2's field names (currentTerm, votedFor, commitIndex, lastApplied) are the same in every language.
function PersistentState({ m, node }: { m: Messages; node: NodeView }) {
  const log = node.log;
  const kept = log.lastIndex - log.snapshotIndex;
  return (
    <section className="inspector-section" aria-label={m.details.persistent.name}>
      <h3>{m.details.persistent.heading(node.alive)}</h3>
      <dl className="fields">
        <Field name="currentTerm" help={m.details.persistent.currentTermHelp}>{node.term}</Field>
        <Field name="votedFor" help={m.details.persistent.votedForHelp}>{node.vote === null ? m.details.persistent.none : m.common.nodeInText(node.vote)}</Field>
        <Field name={m.details.persistent.log} help={m.details.persistent.logHelp}>
          {m.details.persistent.logValue(log.lastIndex, kept, log.snapshotIndex > 0)}
        </Field>
        <Field name={m.details.persistent.snapshot} help={m.details.persistent.snapshotHelp}>
          {log.snapshotIndex === 0 ? m.details.persistent.none : m.details.persistent.snapshotValue(log.snapshotIndex, log.snapshotTerm)}
        </Field>
        <Field name={m.details.persistent.disk} help={m.details.persistent.diskHelp}>
          {m.details.persistent.diskValue(node.disk.term, node.disk.vote, node.disk.lastIndex, node.disk.writes)}
        </Field>
      </dl>
    </section>
  );
}

function VolatileState({ m, node }: { m: Messages; node: NodeView }) {
  return (
    <section className="inspector-section" aria-label={m.details.volatile.name}>
      <h3>{m.details.volatile.name}</h3>
      {node.alive ? (
        <dl className="fields">
          <Field name={m.details.volatile.role}>{m.common.role[node.role ?? 'follower']}</Field>
          <Field name={m.details.volatile.leader} help={m.details.volatile.leaderHelp}>{node.lead === null ? m.details.volatile.unknown : m.common.nodeInText(node.lead)}</Field>
          <Field name="commitIndex" help={m.details.volatile.commitIndexHelp}>{node.log.committed}</Field>
          <Field name="lastApplied" help={m.details.volatile.lastAppliedHelp}>{node.log.applied}</Field>
          <Field name={m.details.volatile.stabled} help={m.details.volatile.stabledHelp}>{node.log.stabled}</Field>
          {node.membership === undefined ? null : (
            <Field name={m.details.volatile.configuration} help={m.details.volatile.configurationHelp}>
              {node.membership.voters.length === 0 && node.membership.learners.length === 0
                ? m.details.volatile.configurationNone
                : m.details.volatile.configurationValue(m.common.groups([node.membership.voters]), node.membership.learners.length === 0 ? null : m.common.groups([node.membership.learners]), node.membership.index)}
            </Field>
          )}
        </dl>
      ) : (
        <p className="muted">{m.details.volatile.lost}</p>
      )}
    </section>
  );
}

interface TimersProps {
  readonly m: Messages;
  readonly node: NodeView;
  readonly heartbeatIntervalTicks: number;
  readonly onTimeoutNow?: ((node: NodeId) => void) | undefined;
  readonly onSetTimer?: ((node: NodeId, ticks: number) => void) | undefined;
}

/**
 * The node's timer: how far it has run, its randomized timeout and the ticks left. A follower's
 * or candidate's election timer can be fired now or set to fire in N ticks; a leader has only its
 * heartbeat.
 */
function Timers({ m, node, heartbeatIntervalTicks, onTimeoutNow, onSetTimer }: TimersProps) {
  const isLeader = node.role === 'leader';
  const name = isLeader ? m.details.timers.heartbeat : m.details.timers.election;
  const elapsed = isLeader ? node.heartbeatElapsed : node.electionElapsed;
  const limit = Math.max(1, isLeader ? heartbeatIntervalTicks : node.electionTimeout);
  return (
    <section className="inspector-section" aria-label={m.details.timers.name}>
      <h3>{m.details.timers.name}</h3>
      <p className="timer">
        <span>{name}</span>
        <progress aria-label={name} max={limit} value={Math.min(elapsed, limit)} />
        <span>{m.details.timers.value(elapsed, limit)}</span>
      </p>
      <p className="muted">{m.details.timers.left(limit - elapsed)}</p>
      {!isLeader && (onTimeoutNow !== undefined || onSetTimer !== undefined) ? <TimerControls m={m} node={node} left={limit - elapsed} onTimeoutNow={onTimeoutNow} onSetTimer={onSetTimer} /> : null}
    </section>
  );
}

function TimerControls({ m, node, left, onTimeoutNow, onSetTimer }: { m: Messages; node: NodeView; left: number } & Pick<TimersProps, 'onTimeoutNow' | 'onSetTimer'>) {
  const [ticks, setTicks] = useState('');
  const value = Number(ticks);
  const valid = ticks.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= timerTicksMax;
  return (
    <form
      className="panel-toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSetTimer?.(node.id, value);
      }}
    >
      {onTimeoutNow !== undefined ? (
        <button type="button" onClick={() => onTimeoutNow(node.id)} title={m.details.timers.timeoutNowHint}>
          {m.details.timers.timeoutNow}
        </button>
      ) : null}
      {onSetTimer !== undefined ? (
        <>
          <label>
            {m.details.timers.ticksLeft}
            <input type="number" min={1} max={timerTicksMax} step={1} inputMode="numeric" placeholder={String(left)} value={ticks} onChange={(event) => setTicks(event.currentTarget.value)} aria-invalid={ticks !== '' && !valid} />
          </label>
          <button type="submit" disabled={!valid} title={m.details.timers.setTimerHint}>
            {m.details.timers.setTimer}
          </button>
        </>
      ) : null}
    </form>
  );
}

function Votes({ m, node }: { m: Messages; node: NodeView }) {
  return (
    <section className="inspector-section" aria-label={m.details.votes.name}>
      <h3>{m.details.votes.heading(node.term)}</h3>
      <ul className="plain-list">
        {node.votes.map((vote) => (
          <li key={vote.voter}>{vote.granted ? m.details.votes.granted(vote.voter) : m.details.votes.refused(vote.voter)}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Everything one node holds, grouped as Figure 2 groups it: persistent state (on disk, survives a
 * crash), volatile state (lost in a crash), timers, the leader's per-follower progress, and the
 * key-value state built by applying committed entries.
 */
import type { ReactNode } from 'react';
import type { ClusterView, NodeId, NodeView } from '../../core/index.ts';
import { plural } from '../format.ts';
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
  /** The outcome of the last action taken on this node here (shown for a few seconds). */
  readonly outcome?: OutcomeLine | null;
}

export function NodeInspector({ node, view, onCrash, onRestart, onIsolate, onRejoin, outcome = null }: NodeInspectorProps) {
  const headingId = `node-inspector-${node.id}`;
  // Alone in its group while the cluster has more than one node (so more than one group).
  const group = view.partition.find((members) => members.includes(node.id));
  const isIsolated = view.nodes.length > 1 && group !== undefined && group.length === 1;
  return (
    <section className={node.alive ? 'panel inspector' : 'panel inspector is-crashed'} aria-labelledby={headingId}>
      <header className="inspector-header">
        <h2 id={headingId}>Node {node.id}</h2>
        <span className="badge">{node.alive ? (node.role ?? 'follower') : `crashed at tick ${node.crashedAt ?? '?'}`}</span>
        {isIsolated ? <span className="badge badge-warning">isolated</span> : null}
      </header>
      {/* Each pair shares its slot, so the focused button stays focused when it turns into the other. */}
      <div className="panel-toolbar">
        {node.alive ? (
          <button type="button" onClick={() => onCrash(node.id)}>Crash</button>
        ) : (
          <button type="button" onClick={() => onRestart(node.id)}>Restart</button>
        )}
        {isIsolated ? (
          <button type="button" onClick={() => onRejoin(node.id)}>Rejoin</button>
        ) : view.nodes.length > 1 ? (
          <button type="button" onClick={() => onIsolate(node.id)}>Isolate</button>
        ) : null}
      </div>
      <OutcomeStatus outcome={outcome} />
      <PersistentState node={node} />
      <VolatileState node={node} />
      {node.alive ? <Timers node={node} heartbeatIntervalTicks={view.raft.heartbeatIntervalTicks} /> : null}
      {node.votes.length > 0 ? <Votes node={node} /> : null}
      {node.progress.length > 0 ? <ProgressTable leader={node.id} progress={node.progress} lastIndex={node.log.lastIndex} /> : null}
      {node.alive ? <KvTable node={node.id} pairs={node.kv} /> : null}
    </section>
  );
}

function Field({ name, help, children }: { name: string; help?: string; children: ReactNode }) {
  return (
    <>
      <dt title={help}>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PersistentState({ node }: { node: NodeView }) {
  const log = node.log;
  const kept = log.lastIndex - log.snapshotIndex;
  return (
    <section className="inspector-section" aria-label="Persistent state">
      <h3>Persistent state {node.alive ? '' : '(on disk)'}</h3>
      <dl className="fields">
        <Field name="currentTerm" help="Latest term this node has seen (§5.1)">{node.term}</Field>
        <Field name="votedFor" help="Candidate this node voted for in currentTerm (§5.2)">{node.vote === null ? 'none' : `node ${node.vote}`}</Field>
        <Field name="log" help="Last log index, and how many entries sit after the snapshot">
          last index {log.lastIndex} ({plural(kept, 'entry', 'entries')}{log.snapshotIndex > 0 ? ' after the snapshot' : ' in memory'})
        </Field>
        <Field name="snapshot" help="Compacted prefix of the log (§7)">
          {log.snapshotIndex === 0 ? 'none' : `through index ${log.snapshotIndex}, term ${log.snapshotTerm}`}
        </Field>
        <Field name="disk" help="What the virtual disk holds right now">
          term {node.disk.term}, vote {node.disk.vote === null ? 'none' : node.disk.vote}, log through {node.disk.lastIndex}, {plural(node.disk.writes, 'write')}
        </Field>
      </dl>
    </section>
  );
}

function VolatileState({ node }: { node: NodeView }) {
  return (
    <section className="inspector-section" aria-label="Volatile state">
      <h3>Volatile state</h3>
      {node.alive ? (
        <dl className="fields">
          <Field name="role">{node.role ?? 'follower'}</Field>
          <Field name="leader" help="The leader this node currently follows">{node.lead === null ? 'unknown' : `node ${node.lead}`}</Field>
          <Field name="commitIndex" help="Highest log index known to be committed">{node.log.committed}</Field>
          <Field name="lastApplied" help="Highest log index applied to the key-value state">{node.log.applied}</Field>
          <Field name="on disk through" help="Entries after this index are not yet durable (stabled)">{node.log.stabled}</Field>
        </dl>
      ) : (
        <p className="muted">Lost in the crash: a restarted node rebuilds it from its disk and from the leader.</p>
      )}
    </section>
  );
}

function Timers({ node, heartbeatIntervalTicks }: { node: NodeView; heartbeatIntervalTicks: number }) {
  const isLeader = node.role === 'leader';
  const name = isLeader ? 'Heartbeat timer' : 'Election timer';
  const elapsed = isLeader ? node.heartbeatElapsed : node.electionElapsed;
  const limit = Math.max(1, isLeader ? heartbeatIntervalTicks : node.electionTimeout);
  return (
    <section className="inspector-section" aria-label="Timers">
      <h3>Timers</h3>
      <p className="timer">
        <span>{name}</span>
        <progress aria-label={name} max={limit} value={Math.min(elapsed, limit)} />
        <span>
          {elapsed} / {limit} ticks
        </span>
      </p>
    </section>
  );
}

function Votes({ node }: { node: NodeView }) {
  return (
    <section className="inspector-section" aria-label="Votes">
      <h3>Votes received in term {node.term}</h3>
      <ul className="plain-list">
        {node.votes.map((vote) => (
          <li key={vote.voter}>
            node {vote.voter}: {vote.granted ? 'granted' : 'refused'}
          </li>
        ))}
      </ul>
    </section>
  );
}

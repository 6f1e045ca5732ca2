import type { ClusterView } from '../../core/index.ts';
import type { TimelineState } from '../../protocol/worker-protocol.ts';
import { useMessages } from '../hooks/use-messages.ts';

export interface StatusBarProps {
  readonly view: ClusterView | null;
  readonly timeline: TimelineState;
  /** Seeks to the tick where the first safety violation happened. */
  readonly onSeek: (tick: number) => void;
}

/** The RPCs counted, by the paper's names (the same in every language). */
const shownTypes = [
  ['MsgVote', 'RequestVote'],
  ['MsgApp', 'AppendEntries'],
  ['MsgSnap', 'InstallSnapshot'],
] as const;

/** The current tick, who leads in which term, message counts, and any safety violation. */
export function StatusBar({ view, timeline, onSeek }: StatusBarProps) {
  const m = useMessages();
  const leader = view?.leader ?? null;
  const violation = view?.violations[0];
  return (
    <section className="status-bar" aria-label={m.app.status.region}>
      <div className="status-item status-tick">
        <span className="status-label">{m.app.status.tick}</span>
        <output aria-label={m.app.status.currentTick} className="status-value">
          {timeline.tick}
        </output>
        <span className="status-sub">{m.app.status.simulated((timeline.tick / 1000).toFixed(3))}</span>
      </div>
      <div className="status-item">
        <span className="status-label">{m.app.status.leader}</span>
        <span className="status-value" aria-label={m.app.status.leader}>
          {leader === null ? m.app.status.noLeader : m.common.node(leader.id)}
        </span>
        <span className="status-sub">{leader === null ? m.app.status.electionPending : m.app.status.term(leader.term)}</span>
      </div>
      {view !== null &&
        shownTypes.map(([type, name]) => (
          <div className="status-item" key={type}>
            <span className="status-label" title={m.app.status.rpcTitle(type, name)}>
              {name}
            </span>
            <span className="status-value">{view.stats.sent[type] + view.stats.sent[`${type}Resp`]}</span>
            <span className="status-sub">{m.app.status.lost(view.stats.dropped[type] + view.stats.dropped[`${type}Resp`])}</span>
          </div>
        ))}
      {view !== null && (
        <div className="status-item">
          <span className="status-label">{m.app.status.committed}</span>
          <span className="status-value">{view.stats.highestCommittedIndex}</span>
          <span className="status-sub">{m.app.status.elections(view.stats.elections)}</span>
        </div>
      )}
      {violation !== undefined && (
        <div className="violation-banner" role="alert">
          {/* The detail is the checker's own sentence, in English like the core (docs/i18n.md). */}
          <strong>{m.app.status.violated(m.app.status.safetyProperty[violation.property])}</strong>
          {m.app.status.violationAt(violation.tick, violation.detail)}
          {view !== null && view.violationCount > 1 ? m.app.status.moreViolations(view.violationCount - 1) : ''}
          <button type="button" onClick={() => onSeek(violation.tick)}>
            {m.app.status.goToTick(violation.tick)}
          </button>
        </div>
      )}
    </section>
  );
}

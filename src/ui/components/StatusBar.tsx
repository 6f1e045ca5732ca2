import type { ClusterView } from '../../core/index.ts';
import type { TimelineState } from '../../protocol/worker-protocol.ts';

export interface StatusBarProps {
  readonly view: ClusterView | null;
  readonly timeline: TimelineState;
  /** Seeks to the tick where the first safety violation happened. */
  readonly onSeek: (tick: number) => void;
}

const shownTypes = [
  ['MsgVote', 'RequestVote'],
  ['MsgApp', 'AppendEntries'],
  ['MsgSnap', 'InstallSnapshot'],
] as const;

/** The current tick, who leads in which term, message counts, and any safety violation. */
export function StatusBar({ view, timeline, onSeek }: StatusBarProps) {
  const leader = view?.leader ?? null;
  const violation = view?.violations[0];
  return (
    <section className="status-bar" aria-label="Status">
      <div className="status-item status-tick">
        <span className="status-label">Tick</span>
        <output aria-label="Current tick" className="status-value">
          {timeline.tick}
        </output>
        <span className="status-sub">{(timeline.tick / 1000).toFixed(3)} s simulated</span>
      </div>
      <div className="status-item">
        <span className="status-label">Leader</span>
        <span className="status-value" aria-label="Leader">
          {leader === null ? 'none' : `Node ${leader.id}`}
        </span>
        <span className="status-sub">{leader === null ? 'election pending' : `term ${leader.term}`}</span>
      </div>
      {view !== null &&
        shownTypes.map(([type, name]) => (
          <div className="status-item" key={type}>
            <span className="status-label" title={`${type}: ${name} requests and replies`}>
              {name}
            </span>
            <span className="status-value">{view.stats.sent[type] + view.stats.sent[`${type}Resp`]}</span>
            <span className="status-sub">{view.stats.dropped[type] + view.stats.dropped[`${type}Resp`]} lost</span>
          </div>
        ))}
      {view !== null && (
        <div className="status-item">
          <span className="status-label">Committed</span>
          <span className="status-value">{view.stats.highestCommittedIndex}</span>
          <span className="status-sub">{view.stats.elections} elections</span>
        </div>
      )}
      {violation !== undefined && (
        <div className="violation-banner" role="alert">
          <strong>Safety violated: {violation.property}</strong> at tick {violation.tick}: {violation.detail}
          {view !== null && view.violationCount > 1 ? ` (and ${view.violationCount - 1} more)` : ''}
          <button type="button" onClick={() => onSeek(violation.tick)}>
            Go to tick {violation.tick}
          </button>
        </div>
      )}
    </section>
  );
}

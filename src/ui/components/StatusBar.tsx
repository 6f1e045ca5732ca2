import type { ClusterView, UnsafeSwitch } from '../../core/index.ts';
import { unsafeSwitchesOn } from '../../protocol/vocabulary.ts';
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

/**
 * The current tick, who leads in which term, message counts, and what went wrong: the first
 * safety violation (with the rule an unsafe switch removed, when one is on), the first liveness
 * stall, and a broken run's stop.
 */
export function StatusBar({ view, timeline, onSeek }: StatusBarProps) {
  const m = useMessages();
  const leader = view?.leader ?? null;
  const violation = view?.violations[0];
  const stall = view?.stalls[0];
  const halted = view?.halted ?? null;
  const unsafe: readonly UnsafeSwitch[] = view === null ? [] : unsafeSwitchesOn(view.raft);
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
      {unsafe.length > 0 && (
        <div className="status-item status-unsafe" title={unsafe.map((name) => m.unsafe.switches[name]).join('\n')}>
          <span className="status-value">{m.unsafe.marker(unsafe.length)}</span>
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
          <RulesRemoved switches={unsafe} />
        </div>
      )}
      {violation === undefined && stall !== undefined && (
        <div className="violation-banner stall-banner" role="alert">
          <strong>{m.unsafe.stalled(m.unsafe.stallKind[stall.kind])}</strong>
          {m.unsafe.stallAt(stall.tick, stall.kind === 'no-leader' ? m.unsafe.stallDetail.noLeader(stall.ticks) : m.unsafe.stallDetail.commitStalled(stall.nodes[0] ?? 0, stall.ticks, stall.index ?? 0))}
          <button type="button" onClick={() => onSeek(stall.tick)}>
            {m.app.status.goToTick(stall.tick)}
          </button>
          <RulesRemoved switches={unsafe} />
        </div>
      )}
      {halted !== null && (
        <div className="violation-banner halted-banner" role="alert">
          <strong>{m.unsafe.halted(halted.tick)}</strong>
          {m.unsafe.haltedWhy(halted.reason)}
          <button type="button" onClick={() => onSeek(Math.max(0, halted.tick - 1))}>
            {m.app.status.goToTick(Math.max(0, halted.tick - 1))}
          </button>
        </div>
      )}
    </section>
  );
}

/** Under a violation or a stall: the rule each unsafe switch on removed. */
function RulesRemoved({ switches }: { readonly switches: readonly UnsafeSwitch[] }) {
  const m = useMessages();
  return switches.map((name) => (
    <span className="rule-removed" key={name}>
      {m.unsafe.ruleRemoved(m.unsafe.rules[name])}
    </span>
  ));
}

import type { ReactNode } from 'react';
import type { ClusterView } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { messageShapePath } from '../viz/message-kind.ts';
import type { MessageShape } from '../viz/message-kind.ts';
import { messageColor, roleStroke, termColor, termTextColor } from '../viz/palette.ts';
import { timerArcPath } from '../viz/layout.ts';
import './legend.css';

/** The terms on screen: every node's term and the terms of the log entries shown, ascending. */
export function termsOnScreen(view: ClusterView): number[] {
  const terms = new Set<number>();
  for (const node of view.nodes) {
    if (node.term > 0) terms.add(node.term);
    for (const entry of node.log.entries) terms.add(entry.term);
  }
  return [...terms].sort((a, b) => a - b);
}

function Sample({ children, label }: { children: ReactNode; label: string }) {
  return (
    <li className="legend-item">
      <svg className="legend-sample" viewBox="-16 -16 32 32" width="32" height="32" aria-hidden="true">
        {children}
      </svg>
      <span>{label}</span>
    </li>
  );
}

function NodeSample({ role }: { role: 'follower' | 'candidate' | 'leader' }) {
  const m = useMessages();
  const stroke = roleStroke[role];
  const letter = m.cluster.node.badge[role];
  return (
    <>
      <circle r={12} fill={termColor(1)} stroke="currentColor" strokeWidth={stroke.width * 0.6} strokeDasharray={stroke.dash} />
      <text className="legend-letter" fill={termTextColor(1)}>{letter}</text>
    </>
  );
}

function MessageSample({ shape, reply, color, mark }: { shape: MessageShape; reply: boolean; color: string; mark?: '✓' | '✗' }) {
  return (
    <>
      <path d={messageShapePath(shape, 9)} fill={reply ? 'var(--bg, #fff)' : color} stroke={reply ? color : 'none'} strokeWidth={reply ? 2.5 : 0} />
      {mark !== undefined && <text className={mark === '✗' ? 'legend-letter legend-bad' : 'legend-letter'} fill={color}>{mark}</text>}
    </>
  );
}

/**
 * What the cluster view's marks mean, for a class seeing it for the first time: colours are
 * terms, outlines are roles, shapes are RPCs (filled requests, outlined replies), marks are
 * outcomes, and the ring around a node is its timer.
 */
export function ClusterLegend({ view }: { view: ClusterView }) {
  const m = useMessages();
  const terms = termsOnScreen(view);
  return (
    <aside className="cluster-legend" aria-label={m.cluster.legend.name}>
      <h3>{m.cluster.legend.colour}</h3>
      <ul className="legend-terms">
        {terms.length === 0 ? <li className="muted">{m.cluster.legend.noTerm}</li> : null}
        {terms.map((term) => (
          <li key={term} className="legend-term" style={{ background: termColor(term), color: termTextColor(term) }}>
            {m.cluster.term(term)}
          </li>
        ))}
      </ul>
      <h3>{m.cluster.legend.nodes}</h3>
      <ul className="legend-list">
        <Sample label={m.cluster.legend.follower}><NodeSample role="follower" /></Sample>
        <Sample label={m.cluster.legend.candidate}><NodeSample role="candidate" /></Sample>
        <Sample label={m.cluster.legend.leader}><NodeSample role="leader" /></Sample>
        <Sample label={m.cluster.legend.crashed}>
          <circle r={12} fill="#bdbdbd" stroke="currentColor" strokeDasharray="3 3" />
          <path d="M-8,-8L8,8M8,-8L-8,8" stroke="#5f5f5f" strokeWidth={2.5} />
        </Sample>
        <Sample label={m.cluster.legend.timer}>
          <circle r={9} fill={termColor(1)} />
          <path d={timerArcPath(0.35, 11, 14)} fill="currentColor" />
        </Sample>
      </ul>
      <p className="legend-note">{m.cluster.legend.labels}</p>
      <p className="legend-note">{m.cluster.legend.membership}</p>
      <h3>{m.cluster.legend.messages}</h3>
      <ul className="legend-list">
        <Sample label={m.cluster.legend.shapes}>
          <MessageSample shape="circle" reply={false} color={messageColor.MsgApp} />
        </Sample>
        <Sample label={m.cluster.legend.reply}><MessageSample shape="diamond" reply color={messageColor.MsgVoteResp} mark="✓" /></Sample>
        <Sample label={m.cluster.legend.refused}><MessageSample shape="circle" reply color={messageColor.MsgAppResp} mark="✗" /></Sample>
        <Sample label={m.cluster.legend.duplicate}>
          <circle r={13} fill="none" stroke={messageColor.MsgApp} strokeDasharray="3 3" strokeWidth={2} />
          <MessageSample shape="circle" reply={false} color={messageColor.MsgApp} />
        </Sample>
        <Sample label={m.cluster.legend.lost}>
          <g opacity={0.35}><MessageSample shape="circle" reply={false} color={messageColor.MsgApp} /></g>
        </Sample>
      </ul>
      <h3>{m.cluster.legend.votes}</h3>
      <ul className="legend-list">
        <Sample label={m.cluster.legend.voteGranted}><circle r={6} fill="var(--ok, #1b6e3a)" /></Sample>
        <Sample label={m.cluster.legend.voteRefused}><path d="M-6,-6L6,6M6,-6L-6,6" stroke="var(--danger, #b3261e)" strokeWidth={3} /></Sample>
        <Sample label={m.cluster.legend.votePending}><circle r={6} fill="none" stroke="currentColor" strokeWidth={2} /></Sample>
      </ul>
    </aside>
  );
}

import type { ReactNode } from 'react';
import type { ClusterView } from '../../core/index.ts';
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
  const stroke = roleStroke[role];
  const letter = { follower: 'F', candidate: 'C', leader: 'L' }[role];
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
  const terms = termsOnScreen(view);
  return (
    <aside className="cluster-legend" aria-label="Legend">
      <h3>Colour = term</h3>
      <ul className="legend-terms">
        {terms.length === 0 ? <li className="muted">no term yet (grey)</li> : null}
        {terms.map((term) => (
          <li key={term} className="legend-term" style={{ background: termColor(term), color: termTextColor(term) }}>
            term {term}
          </li>
        ))}
      </ul>
      <h3>Nodes</h3>
      <ul className="legend-list">
        <Sample label="F follower: thin outline"><NodeSample role="follower" /></Sample>
        <Sample label="C candidate: dashed outline"><NodeSample role="candidate" /></Sample>
        <Sample label="L leader: bold outline"><NodeSample role="leader" /></Sample>
        <Sample label="crashed: grey, crossed out">
          <circle r={12} fill="#bdbdbd" stroke="currentColor" strokeDasharray="3 3" />
          <path d="M-8,-8L8,8M8,-8L-8,8" stroke="#5f5f5f" strokeWidth={2.5} />
        </Sample>
        <Sample label="ring: time left on the election timer (a leader's: until its next heartbeat)">
          <circle r={9} fill={termColor(1)} />
          <path d={timerArcPath(0.35, 11, 14)} fill="currentColor" />
        </Sample>
      </ul>
      <p className="legend-note">Beside each node: its role, term and vote. Where many nodes share a small view, one line: &ldquo;F t3 v7&rdquo; is a follower in term 3 that voted for node 7.</p>
      <h3>Messages</h3>
      <ul className="legend-list">
        <Sample label="◆ RequestVote, ● AppendEntries (small: heartbeat), ■ InstallSnapshot; filled: request">
          <MessageSample shape="circle" reply={false} color={messageColor.MsgApp} />
        </Sample>
        <Sample label="outlined: reply; ✓ granted or accepted"><MessageSample shape="diamond" reply color={messageColor.MsgVoteResp} mark="✓" /></Sample>
        <Sample label="✗ refused or rejected"><MessageSample shape="circle" reply color={messageColor.MsgAppResp} mark="✗" /></Sample>
        <Sample label="dashed halo: a duplicate the network made">
          <circle r={13} fill="none" stroke={messageColor.MsgApp} strokeDasharray="3 3" strokeWidth={2} />
          <MessageSample shape="circle" reply={false} color={messageColor.MsgApp} />
        </Sample>
        <Sample label="fading half-way: lost (loss, partition, cut link or crashed receiver)">
          <g opacity={0.35}><MessageSample shape="circle" reply={false} color={messageColor.MsgApp} /></g>
        </Sample>
      </ul>
      <h3>A candidate&apos;s votes</h3>
      <ul className="legend-list">
        <Sample label="dot: vote granted"><circle r={6} fill="var(--ok, #1b6e3a)" /></Sample>
        <Sample label="cross: vote refused"><path d="M-6,-6L6,6M6,-6L-6,6" stroke="var(--danger, #b3261e)" strokeWidth={3} /></Sample>
        <Sample label="ring: no answer yet"><circle r={6} fill="none" stroke="currentColor" strokeWidth={2} /></Sample>
      </ul>
    </aside>
  );
}

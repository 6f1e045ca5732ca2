import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeId, NodeView } from '../../core/index.ts';
import type { Point } from '../viz/geometry.ts';
import { labelPlacement, timerArcPath } from '../viz/layout.ts';
import { glyphRadii, nodeFontSizes } from '../viz/ring.ts';
import { nodeAriaLabel, nodeTimer, nodeTitle, roleBadge, roleLine, voteAnswers, voteLine } from '../viz/node-status.ts';
import type { NodeTimer } from '../viz/node-status.ts';
import { crashedFill, roleStroke, termColor, termTextColor } from '../viz/palette.ts';
import { VoteMarks } from './VoteMarks.tsx';

export interface NodeGlyphProps {
  readonly node: NodeView;
  /** Centre of the node in view coordinates. */
  readonly position: Point;
  readonly radius: number;
  /** Screen angle of the node seen from the ring's centre: its labels go outward. */
  readonly angle: number;
  /** Label enlargement (Large type). */
  readonly textScale?: number;
  /** A leader's ring shows its heartbeat interval instead of an election timer. */
  readonly heartbeatIntervalTicks: number;
  /** Where a candidate draws each voter's answer, relative to its centre (facing the voter). */
  readonly voteMarks: ReadonlyMap<NodeId, Point>;
  readonly isSelected: boolean;
  readonly onSelect: (id: NodeId) => void;
}

const labelLineCount = 3;

/**
 * One Raft node: a circle filled with its term's colour and outlined by role (leaders bold,
 * candidates dashed), its id, a role badge, labels (role, term, vote), a draining timer ring and,
 * for a candidate, the answers it has received. A crashed node is grey and crossed out.
 */
export const NodeGlyph = memo(function NodeGlyph(props: NodeGlyphProps) {
  const { node, position, radius, angle, isSelected, onSelect } = props;
  const isCrashed = !node.alive || node.role === null;
  const timer = nodeTimer(node, props.heartbeatIntervalTicks);
  const textScale = props.textScale ?? 1;
  const fonts = nodeFontSizes(radius, textScale);
  const stroke = roleStroke[node.role ?? 'follower'];
  const className = [
    'raft-node',
    `raft-node--${node.role ?? 'crashed'}`,
    isCrashed ? 'raft-node--crashed' : null,
    isSelected ? 'raft-node--selected' : null,
  ].filter(Boolean).join(' ');

  function handleKeyDown(event: KeyboardEvent<SVGGElement>) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(node.id);
  }

  return (
    <g
      className={className}
      transform={`translate(${position.x},${position.y})`}
      role="button"
      tabIndex={0}
      aria-label={nodeAriaLabel(node)}
      aria-pressed={isSelected}
      data-node-id={node.id}
      onClick={() => onSelect(node.id)}
      onKeyDown={handleKeyDown}
    >
      <title>{nodeTitle(node, timer)}</title>
      <NodeHitArea node={node} angle={angle} radius={radius} fontSize={fonts.label} textScale={textScale} />
      <circle className="raft-node__focus" r={radius * 1.36} />
      {isSelected && <circle className="raft-node__selection" r={radius * 1.31} strokeWidth={radius * 0.08} />}
      {timer !== null && <TimerRing timer={timer} radius={radius} />}
      <circle
        className="raft-node__body"
        r={radius}
        fill={isCrashed ? crashedFill : termColor(node.term)}
        strokeWidth={stroke.width * Math.max(1, radius / 50)}
        strokeDasharray={stroke.dash}
      />
      {isCrashed && <CrashCross radius={radius} />}
      <text className="raft-node__id" y={radius * 0.12} fontSize={fonts.id} fill={isCrashed ? '#000000' : termTextColor(node.term)}>
        {node.id}
      </text>
      {node.role !== null && <RoleBadge letter={roleBadge[node.role]} radius={radius} fontSize={fonts.badge} />}
      <NodeLabels node={node} angle={angle} radius={radius} fontSize={fonts.label} textScale={textScale} />
      {node.role === 'candidate' && <VoteMarks answers={voteAnswers(node)} offsets={props.voteMarks} radius={radius} />}
    </g>
  );
});

function TimerRing({ timer, radius }: { timer: NodeTimer; radius: number }) {
  const inner = radius * glyphRadii.timerInner;
  const outer = radius * glyphRadii.timerOuter;
  return (
    <g className={`raft-node__timer raft-node__timer--${timer.kind}`} data-drained={timer.drained.toFixed(3)}>
      <circle className="raft-node__timer-track" r={(inner + outer) / 2} strokeWidth={outer - inner} />
      <path className="raft-node__timer-arc" d={timerArcPath(timer.drained, inner, outer)} />
    </g>
  );
}

function RoleBadge({ letter, radius, fontSize }: { letter: string; radius: number; fontSize: number }) {
  const width = fontSize * 1.5;
  const height = fontSize * 1.25;
  const y = -radius * 0.56;
  return (
    <g className="raft-node__badge" aria-hidden="true">
      <rect x={-width / 2} y={y - height / 2} width={width} height={height} rx={height / 2} />
      <text y={y} fontSize={fontSize}>{letter}</text>
    </g>
  );
}

function CrashCross({ radius }: { radius: number }) {
  const arm = radius * 0.78;
  return <path className="raft-node__cross" d={`M${-arm},${-arm}L${arm},${arm}M${arm},${-arm}L${-arm},${arm}`} strokeWidth={radius * 0.12} />;
}

/** The three label lines: role, term, vote. */
function labelLines(node: NodeView): string[] {
  return [roleLine(node), `term ${node.term}`, voteLine(node)];
}

/**
 * An invisible box over the node and its labels, so a click anywhere on the node's box selects
 * it: without it only the painted circle and text would, and the gap between them would not.
 */
function NodeHitArea({ node, angle, radius, fontSize, textScale }: { node: NodeView; angle: number; radius: number; fontSize: number; textScale: number }) {
  const place = labelPlacement(angle, radius, labelLineCount, textScale);
  const width = Math.max(...labelLines(node).map((line) => line.length)) * fontSize * 0.6;
  const left = place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - width : place.x - width / 2;
  const top = place.y - fontSize;
  const reach = radius * 1.36;
  const x = Math.min(-reach, left);
  const y = Math.min(-reach, top);
  const right = Math.max(reach, left + width);
  const bottom = Math.max(reach, top + place.lineHeight * labelLineCount);
  return <rect className="raft-node__hit" x={x} y={y} width={right - x} height={bottom - y} />;
}

function NodeLabels({ node, angle, radius, fontSize, textScale }: { node: NodeView; angle: number; radius: number; fontSize: number; textScale: number }) {
  const place = labelPlacement(angle, radius, labelLineCount, textScale);
  const lines = labelLines(node);
  return (
    <text className="raft-node__label" x={place.x} y={place.y} textAnchor={place.anchor} fontSize={fontSize} aria-hidden="true">
      {lines.map((line, index) => (
        <tspan key={index} x={place.x} dy={index === 0 ? 0 : place.lineHeight} className={index === 0 ? 'raft-node__role' : undefined}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

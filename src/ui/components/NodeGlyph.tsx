import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeId, NodeView } from '../../core/index.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { Point } from '../viz/geometry.ts';
import { badgeRadiusMin, glyphRadii, isWideCharacter, labelBox, labelPlacement, nodeFontSizes } from '../viz/glyph-metrics.ts';
import type { LabelStyle } from '../viz/glyph-metrics.ts';
import { timerArcPath } from '../viz/layout.ts';
import { labelLines, nodeAriaLabel, nodeTimer, nodeTitle, voteAnswers } from '../viz/node-status.ts';
import type { NodeTimer } from '../viz/node-status.ts';
import { crashedFill, roleStroke, termColor, termTextColor } from '../viz/palette.ts';
import { VoteMarks } from './VoteMarks.tsx';

export interface NodeGlyphProps {
  /** The catalogue the glyph's words come from. */
  readonly m: Messages;
  readonly node: NodeView;
  /** Centre of the node in view coordinates. */
  readonly position: Point;
  readonly radius: number;
  /** Screen angle of the node seen from the ring's centre: its labels go outward. */
  readonly angle: number;
  /** Label enlargement (Large type). */
  readonly textScale?: number;
  /** Three label lines, or one compact line (and no badge) where three do not fit. */
  readonly labelStyle?: LabelStyle;
  /** A leader's ring shows its heartbeat interval instead of an election timer. */
  readonly heartbeatIntervalTicks: number;
  /** Where a candidate draws each voter's answer, relative to its centre (facing the voter). */
  readonly voteMarks: ReadonlyMap<NodeId, Point>;
  readonly isSelected: boolean;
  readonly onSelect: (id: NodeId) => void;
}

/**
 * One Raft node: a circle filled with its term's colour and outlined by role (leaders bold,
 * candidates dashed), its id, a role badge, labels (role, term, vote), a draining timer ring and,
 * for a candidate, the answers it has received. A crashed node is grey and crossed out. Compact
 * labels carry the role letter themselves, and a small node leaves its circle to the id.
 */
export const NodeGlyph = memo(function NodeGlyph(props: NodeGlyphProps) {
  const { m, node, position, radius, angle, isSelected, onSelect } = props;
  const isCrashed = !node.alive || node.role === null;
  const timer = nodeTimer(node, props.heartbeatIntervalTicks);
  const textScale = props.textScale ?? 1;
  const labelStyle = props.labelStyle ?? 'full';
  // Compact labels carry the role letter; a small node keeps its circle for the id.
  const showsBadge = node.role !== null && labelStyle === 'full' && radius >= badgeRadiusMin;
  const fonts = nodeFontSizes(radius, textScale);
  const labels: LabelBlock = { lines: labelLines(m, node, labelStyle), angle, radius, fontSize: fonts.label, textScale };
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
      aria-label={nodeAriaLabel(m, node)}
      aria-pressed={isSelected}
      data-node-id={node.id}
      onClick={() => onSelect(node.id)}
      onKeyDown={handleKeyDown}
    >
      <title>{nodeTitle(m, node, timer)}</title>
      <NodeHitArea {...labels} />
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
      <text className="raft-node__id" y={showsBadge ? radius * 0.12 : 0} fontSize={fonts.id} fill={isCrashed ? '#000000' : termTextColor(node.term)}>
        {node.id}
      </text>
      {showsBadge && <RoleBadge letter={m.cluster.node.badge[node.role]} radius={radius} fontSize={fonts.badge} />}
      <NodeLabels {...labels} />
      {node.role === 'candidate' && <VoteMarks m={m} answers={voteAnswers(node)} offsets={props.voteMarks} radius={radius} />}
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
  // A wide character gets a little more room around it; a Latin letter keeps the badge as it was.
  // A Chinese character (跟, 候, 领) is a full em wide and tall, where a Latin capital is about 0.7 em.
  const isWide = isWideCharacter(letter);
  const width = fontSize * (isWide ? 1.65 : 1.5);
  const height = fontSize * (isWide ? 1.4 : 1.25);
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

/** A node's label lines and where they go. */
interface LabelBlock {
  readonly lines: readonly string[];
  readonly angle: number;
  readonly radius: number;
  readonly fontSize: number;
  readonly textScale: number;
}

/**
 * Invisible boxes over the node and over its labels, so a click anywhere on either selects it:
 * without them only the painted circle and text would, and the gaps between them would not. Two
 * boxes, not one around both, so neither reaches over a neighbour.
 */
function NodeHitArea({ lines, angle, radius, textScale }: LabelBlock) {
  const label = labelBox(angle, radius, lines, textScale);
  const reach = radius * 1.36;
  return (
    <>
      <rect className="raft-node__hit" x={-reach} y={-reach} width={2 * reach} height={2 * reach} />
      <rect className="raft-node__hit" x={label.left} y={label.top} width={label.right - label.left} height={label.bottom - label.top} />
    </>
  );
}

function NodeLabels({ lines, angle, radius, fontSize, textScale }: LabelBlock) {
  const place = labelPlacement(angle, radius, lines.length, textScale);
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

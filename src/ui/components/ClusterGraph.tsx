import { useMemo } from 'react';
import type { ClusterView, NodeId } from '../../core/index.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { idsFromKey, messagesAmong, presentIdsKey, presentNodes } from '../present-nodes.ts';
import { defaultLocale } from '../i18n/locale.ts';
import type { Size } from '../viz/geometry.ts';
import { partitionLabelFont, partitionRegions, voteMarkOffsets } from '../viz/layout.ts';
import { labelWidths } from '../viz/node-status.ts';
import { defaultSize, ringLayout } from '../viz/ring.ts';
import { clusterLinks, cutLinkMarks, messageSize } from '../viz/links.ts';
import { LinkLayer } from './LinkLayer.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { NodeGlyph } from './NodeGlyph.tsx';
import { PartitionLayer } from './PartitionLayer.tsx';
import './cluster.css';

export interface ClusterGraphProps {
  readonly view: ClusterView;
  /** The tick to draw messages at (fractional values draw them part-way between ticks). */
  readonly tick: number;
  readonly selectedNode: NodeId | null;
  readonly selectedMessage: number | null;
  readonly onSelectNode: (id: NodeId) => void;
  readonly onSelectMessage: (id: number) => void;
  /**
   * The size to draw at, in CSS px (the panel measures its box): the viewBox equals it, so one
   * unit is one pixel and the layout's pixel sizes hold. Defaults to 1200 x 900.
   */
  readonly size?: Size;
  /** Label enlargement for projectors (Large type); 1 by default. */
  readonly textScale?: number;
  /** While set, messages glide between frames at this playback speed (MessageLayer). */
  readonly smoothTicksPerSecond?: number | null;
  readonly className?: string;
  /** Nodes a lesson points at (a ring around each). */
  readonly highlightedNodes?: readonly NodeId[];
  /**
   * The catalogue to speak in: the panel passes the screen's (useMessages). English when left
   * out, so the graph also draws on its own, outside the app's store (tests, embedding).
   */
  readonly m?: Messages;
}

/**
 * The cluster as a ring: partition regions behind, then links and cut links, nodes, and the
 * messages in flight on top. Pure and props-driven: it draws a ClusterView and reports clicks.
 */
export function ClusterGraph(props: ClusterGraphProps) {
  const { view, tick, selectedNode, selectedMessage, onSelectNode, onSelectMessage } = props;
  const { width, height } = props.size ?? defaultSize;
  const textScale = props.textScale ?? 1;
  const m = props.m ?? messagesFor(defaultLocale);
  // Layout depends only on the node count, the partition and the size, not on every new frame:
  // the decoder keeps an unchanged partition the same object, so a frame reuses the geometry.
  const idsKey = presentIdsKey(view);
  const partition = view.partition;
  const geometry = useMemo(() => {
    const ids = idsFromKey(idsKey);
    const layout = ringLayout(ids, partition, { width, height }, textScale, labelWidths(m));
    return {
      layout,
      regions: partitionRegions(m, partition, layout),
      links: clusterLinks(layout, partition),
      voteMarks: new Map(ids.map((id) => [id, voteMarkOffsets(id, layout)])),
    };
  }, [m, idsKey, partition, width, height, textScale]);
  const { layout } = geometry;
  const cuts = useMemo(() => cutLinkMarks(layout, view.cutLinks), [layout, view.cutLinks]);
  const className = ['raft-cluster', props.className].filter(Boolean).join(' ');

  return (
    // data-tick: the tick drawn, for whoever waits for the screen to show one (a recording, cluster-recording.ts).
    <svg className={className} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={m.cluster.graph} preserveAspectRatio="xMidYMid meet" data-tick={view.tick}>
      <PartitionLayer m={m} regions={geometry.regions} center={layout.center} stretch={layout.stretch} fontSize={partitionLabelFont(layout)} nodeCount={layout.positions.size} quorum={view.quorum} />
      <LinkLayer m={m} links={geometry.links} cuts={cuts} selectedNode={selectedNode} crossSize={messageSize(layout.nodeRadius) * 0.8} />
      {(props.highlightedNodes ?? []).map((id) => {
        const at = layout.positions.get(id);
        return at === undefined ? null : <circle key={`highlight-${id}`} className="lesson-highlight" cx={at.x} cy={at.y} r={layout.nodeRadius * 1.45} />;
      })}
      <g className="raft-nodes">
        {presentNodes(view).map((node) => (
          <NodeGlyph
            key={node.id}
            m={m}
            node={node}
            position={layout.positions.get(node.id)!}
            radius={layout.nodeRadius}
            angle={layout.angles.get(node.id)!}
            textScale={textScale}
            labelStyle={layout.labelStyle}
            heartbeatIntervalTicks={view.raft.heartbeatIntervalTicks}
            voteMarks={geometry.voteMarks.get(node.id)!}
            isSelected={node.id === selectedNode}
            onSelect={onSelectNode}
          />
        ))}
      </g>
      <MessageLayer
        m={m}
        messages={messagesAmong(view.inFlight, layout.positions)}
        tick={tick}
        layout={layout}
        selectedMessage={selectedMessage}
        onSelectMessage={onSelectMessage}
        smoothTicksPerSecond={props.smoothTicksPerSecond ?? null}
      />
    </svg>
  );
}

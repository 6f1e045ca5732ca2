import { useMemo } from 'react';
import type { ClusterView, NodeId } from '../../core/index.ts';
import type { Size } from '../viz/layout.ts';
import { defaultSize, nodeFontSizes, partitionRegions, ringLayout, voteMarkOffsets } from '../viz/layout.ts';
import { clusterLinks, cutLinkMarks, messageSize } from '../viz/links.ts';
import { LinkLayer } from './LinkLayer.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { NodeGlyph } from './NodeGlyph.tsx';
import { PartitionLayer } from './PartitionLayer.tsx';
import './cluster.css';

export interface ClusterGraphProps {
  readonly view: ClusterView;
  /** The tick to draw messages at; fractional between frames for smooth motion. */
  readonly tick: number;
  readonly selectedNode: NodeId | null;
  readonly selectedMessage: number | null;
  readonly onSelectNode: (id: NodeId) => void;
  readonly onSelectMessage: (id: number) => void;
  /** The viewBox; the SVG scales to its container's width. Defaults to 1200 x 900. */
  readonly size?: Size;
  readonly className?: string;
}

/**
 * The cluster as a ring: partition regions behind, then links and cut links, nodes, and the
 * messages in flight on top. Pure and props-driven: it draws a ClusterView and reports clicks.
 */
export function ClusterGraph(props: ClusterGraphProps) {
  const { view, tick, selectedNode, selectedMessage, onSelectNode, onSelectMessage } = props;
  const { width, height } = props.size ?? defaultSize;
  // Layout depends only on the ids, the partition and the size, not on every new frame: key it
  // by value so a frame with the same shape reuses the geometry (and memoised nodes).
  const idsKey = view.nodes.map((node) => node.id).join(',');
  const partitionKey = JSON.stringify(view.partition);
  const geometry = useMemo(() => {
    const ids = idsKey === '' ? [] : idsKey.split(',').map(Number);
    const groups = JSON.parse(partitionKey) as NodeId[][];
    const layout = ringLayout(ids, groups, { width, height });
    return {
      layout,
      regions: partitionRegions(groups, layout),
      links: clusterLinks(layout, groups),
      voteMarks: new Map(ids.map((id) => [id, voteMarkOffsets(id, layout)])),
    };
  }, [idsKey, partitionKey, width, height]);
  const { layout } = geometry;
  const cuts = useMemo(() => cutLinkMarks(layout, view.cutLinks), [layout, view.cutLinks]);
  const fonts = nodeFontSizes(layout.nodeRadius);
  const className = ['raft-cluster', props.className].filter(Boolean).join(' ');

  return (
    <svg className={className} viewBox={`0 0 ${width} ${height}`} role="group" aria-label="Cluster" preserveAspectRatio="xMidYMid meet">
      <PartitionLayer regions={geometry.regions} center={layout.center} fontSize={fonts.label * 1.15} nodeCount={view.nodes.length} quorum={view.quorum} />
      <LinkLayer links={geometry.links} cuts={cuts} selectedNode={selectedNode} crossSize={messageSize(layout.nodeRadius) * 0.8} />
      <g className="raft-nodes">
        {view.nodes.map((node) => (
          <NodeGlyph
            key={node.id}
            node={node}
            position={layout.positions.get(node.id)!}
            radius={layout.nodeRadius}
            angle={layout.angles.get(node.id)!}
            heartbeatIntervalTicks={view.raft.heartbeatIntervalTicks}
            voteMarks={geometry.voteMarks.get(node.id)!}
            isSelected={node.id === selectedNode}
            onSelect={onSelectNode}
          />
        ))}
      </g>
      <MessageLayer messages={view.inFlight} tick={tick} layout={layout} selectedMessage={selectedMessage} onSelectMessage={onSelectMessage} />
    </svg>
  );
}

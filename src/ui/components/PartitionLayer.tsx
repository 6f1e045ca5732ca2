import type { Messages } from '../i18n/catalogue.ts';
import type { PartitionRegion } from '../viz/layout.ts';

export interface PartitionLayerProps {
  readonly m: Messages;
  readonly regions: readonly PartitionRegion[];
  /** Translation of the regions' origin (the ring's centre). */
  readonly center: { readonly x: number; readonly y: number };
  /** The ring's width over height: regions are drawn on a circle and stretched to match. */
  readonly stretch: number;
  readonly fontSize: number;
  /** Cluster size, named in each group's description. */
  readonly nodeCount: number;
  /** Nodes a majority needs (ClusterView.quorum): a group this size or larger holds one. */
  readonly quorum: number;
}

/** A rounded band behind each partition group, labelled "Partition A", "Partition B"... */
export function PartitionLayer({ m, regions, center, stretch, fontSize, nodeCount, quorum }: PartitionLayerProps) {
  return (
    <g className="raft-partitions">
      {regions.map((region, index) => {
        const hasMajority = region.members.length >= quorum;
        const description = m.cluster.partition.description(region.label, region.members, hasMajority, nodeCount);
        return (
          <g key={region.label} className={`raft-partition raft-partition--${index % 4}`} data-members={region.members.join(',')} role="img" aria-label={description}>
            <title>{description}</title>
            <path className="raft-partition__region" d={region.path} transform={`translate(${center.x},${center.y}) scale(${stretch},1)`} />
            <text className="raft-partition__label" x={region.labelAt.x} y={region.labelAt.y} fontSize={fontSize}>
              {region.shown}
            </text>
          </g>
        );
      })}
    </g>
  );
}

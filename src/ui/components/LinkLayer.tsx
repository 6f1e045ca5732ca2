import type { NodeId } from '../../core/index.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { CutLinkGeometry, LinkGeometry } from '../viz/links.ts';

export interface LinkLayerProps {
  readonly m: Messages;
  readonly links: readonly LinkGeometry[];
  readonly cuts: readonly CutLinkGeometry[];
  /** Links of the selected node are emphasised. */
  readonly selectedNode: NodeId | null;
  /** Size of a ✕ on a cut link, in view units. */
  readonly crossSize: number;
}

/** Beyond 9 nodes (36 links) the mesh is drawn fainter so messages stay readable. */
const denseLinkCount = 36;

/**
 * The network: a faint line per pair of nodes (dotted when a partition separates them), and a
 * dashed red line with a ✕ for each cut direction, on the side its messages would travel.
 */
export function LinkLayer({ m, links, cuts, selectedNode, crossSize }: LinkLayerProps) {
  return (
    <g className="raft-links-layer">
      <g className={links.length > denseLinkCount ? 'raft-links raft-links--dense' : 'raft-links'} aria-hidden="true">
        {links.map((link) => {
          const className = [
            'raft-link',
            link.isSevered ? 'raft-link--severed' : null,
            selectedNode !== null && (link.a === selectedNode || link.b === selectedNode) ? 'raft-link--selected' : null,
          ].filter(Boolean).join(' ');
          return <path key={`${link.a}-${link.b}`} className={className} d={link.path} data-link={`${link.a}-${link.b}`} />;
        })}
      </g>
      {cuts.map((cut) => (
        <g key={`${cut.from}>${cut.to}`} className="raft-cut-link" data-cut={`${cut.from}>${cut.to}`} role="img" aria-label={m.cluster.cutLink.name(cut.from, cut.to)}>
          <title>{m.cluster.cutLink.title(cut.from, cut.to)}</title>
          <path className="raft-cut-link__line" d={cut.path} />
          <path className="raft-cut-link__cross" d={crossPath(cut.cross, crossSize)} />
        </g>
      ))}
    </g>
  );
}

function crossPath(at: { x: number; y: number }, size: number): string {
  return `M${at.x - size},${at.y - size}L${at.x + size},${at.y + size}M${at.x + size},${at.y - size}L${at.x - size},${at.y + size}`;
}

import { useCallback, useMemo, useRef } from 'react';
import type { NodeId } from '../../core/index.ts';
import { prefersReducedMotion } from '../hooks/use-smooth-motion.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { useLessonHighlights } from '../hooks/use-lesson-highlights.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore } from '../store/store-context.tsx';
import { largeTypeLabelScale } from '../type-scale.ts';
import { defaultSize } from '../viz/ring.ts';
import { ClusterGraph } from './ClusterGraph.tsx';
import { ClusterLegend } from './ClusterLegend.tsx';

/** Below this speed, messages glide between the worker's frames instead of stepping tick by tick. */
const smoothBelowTicksPerSecond = 120;

/**
 * The cluster view: the graph fills the panel and is drawn at the panel's own size in CSS px (so
 * it scales with the window, the zoom and Large type), with its legend beside it when open.
 */
export function ClusterPanel() {
  const m = useMessages();
  const view = useAppStore((state) => state.view);
  const tick = useAppStore((state) => state.timeline.tick);
  const smooth = useAppStore((state) => (state.timeline.playing && state.timeline.ticksPerSecond < smoothBelowTicksPerSecond ? state.timeline.ticksPerSecond : null));
  const selectedNode = useAppStore((state) => state.selectedNode);
  const selectedMessage = useAppStore((state) => state.selectedMessage);
  const selectNode = useAppStore((state) => state.selectNode);
  const selectMessage = useAppStore((state) => state.selectMessage);
  const largeType = useAppStore((state) => state.largeType);
  const legendOpen = useAppStore((state) => state.legendOpen);
  const setLegendOpen = useAppStore((state) => state.setLegendOpen);
  const highlights = useLessonHighlights();
  const highlightedNodes = useMemo(() => highlights.filter((highlight) => highlight.kind === 'node').map((highlight) => highlight.node), [highlights]);
  const stage = useRef<HTMLDivElement>(null);
  const size = useElementSize(stage, defaultSize);
  const onSelectNode = useCallback((id: NodeId) => selectNode(selectedNode === id ? null : id), [selectNode, selectedNode]);
  const onSelectMessage = useCallback((id: number) => selectMessage(id), [selectMessage]);
  return (
    <section className="panel cluster-panel" aria-label={m.cluster.panel.name}>
      <div className="cluster-stage" ref={stage}>
        {view === null ? (
          <p className="hint">{m.cluster.panel.starting}</p>
        ) : (
          <ClusterGraph
            m={m}
            view={view}
            tick={tick}
            size={size}
            textScale={largeType ? largeTypeLabelScale : 1}
            smoothTicksPerSecond={prefersReducedMotion() ? null : smooth}
            selectedNode={selectedNode}
            selectedMessage={selectedMessage}
            onSelectNode={onSelectNode}
            onSelectMessage={onSelectMessage}
            highlightedNodes={highlightedNodes}
          />
        )}
        <button type="button" className="cluster-legend-toggle" aria-pressed={legendOpen} aria-keyshortcuts="L" onClick={() => setLegendOpen(!legendOpen)}>
          {m.cluster.panel.legendToggle}
        </button>
      </div>
      {legendOpen && view !== null && <ClusterLegend view={view} />}
    </section>
  );
}

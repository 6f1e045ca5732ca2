/**
 * The run's events, newest last, each with a sentence saying what happened and why (explain.ts).
 * The list sticks to the bottom while events arrive, unless the reader has scrolled up to read.
 * Clicking an event seeks the timeline to its tick.
 *
 * The filter can be owned by the parent (filter + onFilterChange, e.g. kept in the store) or left
 * to the component.
 */
import { memo, useMemo, useRef, useState } from 'react';
import type { NodeId, SimEvent, Tick, Topic } from '../../core/index.ts';
import { explain } from '../explain.ts';
import { rpcFamily } from '../viz/rpc-family.ts';
import type { RpcFamily } from '../viz/rpc-family.ts';
import { RpcChips } from './RpcChips.tsx';
import { topicOrder } from '../format.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import './panels.css';

/** Most rows rendered: older matching events are counted, not drawn (a bound on the DOM). */
export const eventRowsMax = 200;

export interface EventLogFilter {
  /** Topics shown; all when empty. */
  readonly topics: readonly Topic[];
  /** Only events of this node, or all nodes. */
  readonly node: NodeId | null;
  /** Only message events of these RPCs (shared with the space-time diagram); all when empty or absent. */
  readonly rpcs?: readonly RpcFamily[];
}

export interface EventLogProps {
  /** Events oldest first. */
  readonly events: readonly SimEvent[];
  readonly nodeIds: readonly NodeId[];
  readonly onSeek: (tick: Tick) => void;
  readonly filter?: EventLogFilter;
  readonly onFilterChange?: (filter: EventLogFilter) => void;
}

const noFilter: EventLogFilter = { topics: [], node: null };

/** How close to the bottom (in pixels) still counts as "at the bottom". */
const stickSlackPx = 24;

export function EventLog({ events, nodeIds, onSeek, filter: ownedFilter, onFilterChange }: EventLogProps) {
  const m = useMessages();
  const [localFilter, setLocalFilter] = useState(noFilter);
  const filter = ownedFilter ?? localFilter;
  const setFilter = (next: EventLogFilter) => {
    if (ownedFilter === undefined) setLocalFilter(next);
    onFilterChange?.(next);
  };
  const matching = useMemo(() => events.filter((event) => matches(event, filter)), [events, filter]);
  const shown = matching.length > eventRowsMax ? matching.slice(matching.length - eventRowsMax) : matching;

  // The list scrolls inside a column-reverse box, so the browser keeps it pinned to the newest
  // event by itself; reading scroll sizes on every frame would force a layout of the page.
  const scrollRef = useRef<HTMLDivElement>(null);
  const [isStuck, setStuck] = useState(true);
  const onListScroll = () => {
    const box = scrollRef.current;
    if (box !== null) setStuck(Math.abs(box.scrollTop) <= stickSlackPx);
  };
  const jumpToNewest = () => {
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
    setStuck(true);
  };

  return (
    <section className="panel event-log" aria-label={m.events.log.label}>
      <h2>{m.events.log.heading}</h2>
      <EventFilters filter={filter} nodeIds={nodeIds} setFilter={setFilter} />
      <p className="muted event-count" aria-live="off">
        {matching.length > shown.length ? m.events.log.showingLast(shown.length, matching.length) : m.events.log.matching(matching.length)}
      </p>
      <div className="event-scroll" ref={scrollRef} onScroll={onListScroll}>
        <ol className="event-list" aria-label={m.events.log.list}>
          {shown.map((event) => (
            <EventRow key={event.seq} m={m} event={event} onSeek={onSeek} />
          ))}
        </ol>
      </div>
      {isStuck ? null : (
        <button type="button" className="event-newest" onClick={jumpToNewest}>
          {m.events.log.jumpToNewest}
        </button>
      )}
    </section>
  );
}

/**
 * One row; memoised, so a frame that appends events renders only the new rows (given a stable
 * onSeek). The catalogue is a prop, so a change of language renders every row again.
 */
const EventRow = memo(function EventRow({ m, event, onSeek }: { m: Messages; event: SimEvent; onSeek: (tick: Tick) => void }) {
  return (
    <li>
      <button type="button" className={`event-row topic-${event.topic}`} title={m.events.log.seek(event.tick)} onClick={() => onSeek(event.tick)}>
        <span className="event-tick">{event.tick}</span>
        <span className="event-node">{event.node === null ? m.events.log.cluster : `N${event.node}`}</span>
        <span className="event-topic">{event.topic}</span>
        <span className="event-text">{explain(m, event)}</span>
      </button>
    </li>
  );
});

function matches(event: SimEvent, filter: EventLogFilter): boolean {
  if (filter.node !== null && event.node !== filter.node) return false;
  const rpcs = filter.rpcs ?? [];
  if (rpcs.length > 0 && 'message' in event && !rpcs.includes(rpcFamily(event.message.type))) return false;
  return filter.topics.length === 0 || filter.topics.includes(event.topic);
}

function EventFilters({ filter, nodeIds, setFilter }: { filter: EventLogFilter; nodeIds: readonly NodeId[]; setFilter: (filter: EventLogFilter) => void }) {
  const m = useMessages();
  const toggle = (topic: Topic) => {
    const topics = filter.topics.includes(topic) ? filter.topics.filter((shown) => shown !== topic) : [...filter.topics, topic];
    setFilter({ ...filter, topics });
  };
  return (
    <div className="event-filters">
      <div role="group" aria-label={m.events.filters.topics} className="chips">
        <button type="button" className="chip" aria-pressed={filter.topics.length === 0} onClick={() => setFilter({ ...filter, topics: [] })}>
          {m.events.filters.allTopics}
        </button>
        {topicOrder.map((topic) => (
          <button key={topic} type="button" className={`chip topic-${topic}`} title={m.events.topics[topic]} aria-pressed={filter.topics.includes(topic)} onClick={() => toggle(topic)}>
            {topic}
          </button>
        ))}
      </div>
      <RpcChips rpcs={filter.rpcs ?? []} onChange={(rpcs) => setFilter({ ...filter, rpcs })} />
      <label className="field-inline">
        {m.events.filters.node}
        <select
          value={filter.node === null ? '' : String(filter.node)}
          onChange={(event) => setFilter({ ...filter, node: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">{m.events.filters.allNodes}</option>
          {nodeIds.map((id) => (
            <option key={id} value={id}>
              {m.common.node(id)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/**
 * The nodes the screen shows: every server of the run but the ones removed from the cluster
 * (membership change retires a server for good; its slot in the view stays, so ids stay ids).
 */
import type { ClusterView, MessageView, NodeId, NodeView } from '../core/index.ts';

export function presentNodes(view: ClusterView): NodeView[] {
  return view.nodes.filter((node) => node.removedAt === undefined);
}

/**
 * The ids shown, as one string ("1,2,3,5"), for a store selector: equal while the set is, so a
 * component re-renders only when a node comes or goes. Empty before the first frame.
 */
export function presentIdsKey(view: ClusterView | null): string {
  if (view === null) return '';
  let key = '';
  for (const node of view.nodes) if (node.removedAt === undefined) key += key === '' ? `${node.id}` : `,${node.id}`;
  return key;
}

export function idsFromKey(key: string): NodeId[] {
  return key === '' ? [] : key.split(',').map(Number);
}

/** Messages between shown nodes (one sent to or by a removed server is not drawn). */
export function messagesAmong(messages: readonly MessageView[], shown: { has(id: NodeId): boolean }): readonly MessageView[] {
  return messages.every((message) => shown.has(message.from) && shown.has(message.to)) ? messages : messages.filter((message) => shown.has(message.from) && shown.has(message.to));
}

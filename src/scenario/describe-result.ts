/**
 * An expectation's result in English, for the CLI and the headless API (the app words the same
 * data in the user's language): one line for a pass, and for a failure the facts that decided it
 * and every node's state at that tick.
 */
import { alternatives, describeScenarioError } from './errors.ts';
import type { ConditionDetail } from './conditions.ts';
import type { ExpectationResult, ExpectationState } from './evaluate.ts';

/** "node 3", "nodes 1, 2 and 4" (the app's English catalogue words nodes the same). */
export function nodeList(ids: readonly number[]): string {
  return ids.length === 1 ? `node ${ids[0]!}` : `nodes ${alternatives(ids.map(String)).replace(/ or /, ' and ')}`;
}

export function unresolvedNote(unresolved: readonly string[]): string {
  return unresolved.length === 0 ? '' : `; ${alternatives(unresolved.map((name) => `'${name}'`))} named no node`;
}

/** What the condition found, from its facts; `held` says whether it held (a failed `never`). */
export function describeConditionDetail(detail: ConditionDetail, held: boolean): string {
  switch (detail.kind) {
    case 'leader-in': {
      const wanted = detail.nodes.length === 0 ? 'none of the nodes named could be found' : `not ${detail.nodes.length === 1 ? `node ${detail.nodes[0]!}` : `one of ${detail.nodes.join(', ')}`}`;
      if (held) return `the leader was node ${detail.leader ?? '?'}`;
      return `${detail.leader === null ? 'there was no leader' : `the leader was node ${detail.leader}, ${wanted}`}${unresolvedNote(detail.unresolved)}`;
    }
    case 'no-leader':
      return detail.leader === null ? 'there was no leader' : `node ${detail.leader} was leader`;
    case 'committed': {
      if (detail.indexes.length === 0) return `it was never committed${unresolvedNote(detail.unresolved)}`;
      const at = `committed at index ${detail.indexes.join(', ')}`;
      if (held || detail.missing.length === 0) return `it was ${at}${held && detail.nodes.length > 0 ? ` and applied on ${nodeList(detail.nodes.map((node) => node.id))}` : ''}`;
      const missing = detail.nodes
        .filter((node) => detail.missing.includes(node.id))
        .map((node) => (node.alive ? `node ${node.id} had applied up to index ${node.lastApplied}` : `node ${node.id} was crashed`));
      return `it was ${at}, but ${missing.join(', ')}${unresolvedNote(detail.unresolved)}`;
    }
    case 'term':
      return detail.node === null ? `the node could not be named${unresolvedNote(detail.unresolved)}` : `node ${detail.node} was in term ${detail.term ?? '?'}`;
    case 'role':
      if (detail.node === null) return `the node could not be named${unresolvedNote(detail.unresolved)}`;
      return `node ${detail.node} ${detail.role === 'crashed' ? 'was crashed' : detail.role === 'removed' ? 'was removed' : `was a ${detail.role ?? '?'}`}`;
    case 'voters':
      return `the voters were {${detail.voters.join(', ')}}${unresolvedNote(detail.unresolved)}`;
    case 'log': {
      if (detail.node === null) return `the node could not be named${unresolvedNote(detail.unresolved)}`;
      const compacted = detail.snapshotIndex > 0 ? `, after a snapshot of entries 1 to ${detail.snapshotIndex}` : '';
      return `node ${detail.node}'s log held terms [${(detail.terms ?? []).join(',')}]${compacted}`;
    }
    case 'no-violation': {
      if (detail.violations.length === 0) return 'the safety checker reported nothing';
      const [first] = detail.violations;
      return `the safety checker reported ${first!.property} at tick ${first!.tick} (${nodeList(first!.nodes)}): ${first!.detail}`;
    }
    case 'violation': {
      const [first] = detail.violations;
      if (first === undefined) return detail.property === null ? 'the safety checker reported nothing' : `the safety checker reported no violation of ${detail.property}`;
      return `the safety checker reported ${first.property} at tick ${first.tick} (${nodeList(first.nodes)}): ${first.detail}`;
    }
    case 'stall': {
      const [first] = detail.stalls;
      if (first === undefined) return detail.stall === null ? 'the liveness watch reported nothing' : `the liveness watch reported no ${detail.stall} stall`;
      return `the liveness watch reported ${first.kind} at tick ${first.tick}: ${first.detail}`;
    }
    case 'one-leader-per-term':
      return detail.term === null ? 'no term had two leaders' : `${nodeList(detail.leaders)} both became leader of term ${detail.term}`;
  }
}

function describeNodes(state: ExpectationState): string[] {
  return state.nodes.map((node) =>
    node.alive
      ? `node ${node.id}: ${node.role ?? '?'}, term ${node.term}, commit ${node.commitIndex}, applied ${node.lastApplied}, last index ${node.lastIndex}`
      : `node ${node.id}: crashed, term ${node.term} on disk, last index ${node.lastIndex}`,
  );
}

/** The result in English: one line, and for a failure the facts and the nodes' states, indented. */
export function describeExpectationResult(result: ExpectationResult): string {
  switch (result.status) {
    case 'passed':
      return `passed at tick ${result.tick ?? '?'}: ${result.expectation}`;
    case 'pending':
      return `pending (not decided yet): ${result.expectation}`;
    case 'invalid':
      return `invalid: ${result.expectation}: ${result.errors.map(describeScenarioError).join('; ')}`;
    case 'failed': {
      const state = result.state!;
      const leader = state.leader === null ? 'no leader' : `leader node ${state.leader.id} (term ${state.leader.term})`;
      return [
        `FAILED at tick ${result.tick ?? '?'}: ${result.expectation}`,
        `  ${describeConditionDetail(state.condition, state.held)}`,
        `  at tick ${state.tick}: ${leader}`,
        ...describeNodes(state).map((line) => `    ${line}`),
      ].join('\n');
    }
  }
}

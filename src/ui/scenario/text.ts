/**
 * Scenario errors and expectation results in the language on screen, from the data the scenario
 * layer gives (src/scenario/errors.ts, conditions.ts). The English reads exactly like the
 * headless API's describeScenarioError and describeConditionDetail (tests/unit/scenario-text.test.ts).
 */
import type { ConditionDetail, Expected, ScenarioError } from '../../scenario/index.ts';
import type { Messages } from '../i18n/catalogue.ts';

function expectedText(m: Messages, expected: readonly Expected[]): string {
  const p = m.scenario.problem;
  return p.alternatives(expected.map((item) => (item.kind === 'literal' ? p.literal(item.text) : p.expected(item.name))));
}

/** What is wrong, without the place. */
export function scenarioProblemText(m: Messages, error: ScenarioError): string {
  const p = m.scenario.problem;
  const expected = expectedText(m, error.expected);
  const didYouMean = error.suggestion === null ? '' : p.didYouMean(error.suggestion);
  switch (error.code) {
    case 'syntax':
      return error.expected.length === 0 ? p.unexpectedCharacter(error.found) : `${p.syntax(expected, error.found)}${didYouMean}`;
    case 'unterminated':
      return error.found === '"' ? p.unclosedQuote : p.unclosed(error.found ?? '', expected);
    case 'unknown-action':
      return error.suggestion === null ? p.unknownAction(error.found, expected) : `${p.unknownAction(error.found, null)}${didYouMean}`;
    case 'unknown-option':
      return error.suggestion === null ? p.unknownOption(error.found, expected) : `${p.unknownOption(error.found, null)}${didYouMean}`;
    case 'bad-node':
      return p.badNode(error.found ?? '?', error.max);
    case 'out-of-range': {
      const unit = error.found?.endsWith('%') === true ? '%' : '';
      return p.outOfRange(error.found ?? '?', expected, `${error.min}${unit}`, `${error.max}${unit}`);
    }
    case 'tick-backwards':
      return p.tickBackwards(error.tick, error.previousTick, error.previousLine);
    case 'duplicate':
      return p.duplicate(error.found, error.previousLine);
    case 'too-long':
      return p.tooLong(error.size, error.limit);
    case 'too-many':
      return p.tooMany(error.what, error.limit);
    case 'no-node':
      return p.noNode(error.tick, error.found, error.reason);
    case 'refused':
      return p.refused(error.tick, error.found, error.field, error.allowed, error.received);
  }
}

/** The error with its line and column: "line 3, column 9: unknown action 'partiton' — did you mean 'partition'?" */
export function scenarioErrorText(m: Messages, error: ScenarioError): string {
  return m.scenario.errorAt(error.line, error.column, scenarioProblemText(m, error));
}

/** The first error, and how many more there are: for the banner. */
export function scenarioErrorsSummary(m: Messages, errors: readonly ScenarioError[]): string {
  const first = errors[0] === undefined ? '' : scenarioErrorText(m, errors[0]);
  return errors.length > 1 ? m.scenario.andMore(first, errors.length - 1) : first;
}

/** What a condition found at the tick it was decided; `held` is whether it held (a failed `never`). */
export function conditionDetailText(m: Messages, detail: ConditionDetail, held: boolean): string {
  const d = m.scenario.detail;
  switch (detail.kind) {
    case 'leader-in':
      if (held) return d.leaderIs(detail.leader);
      return `${detail.leader === null ? d.noLeader : d.leaderNotIn(detail.leader, detail.nodes)}${d.unresolved(detail.unresolved)}`;
    case 'no-leader':
      return detail.leader === null ? d.noLeader : d.nodeWasLeader(detail.leader);
    case 'committed': {
      if (detail.indexes.length === 0) return `${d.neverCommitted}${d.unresolved(detail.unresolved)}`;
      const at = d.committedAt(detail.indexes);
      if (held || detail.missing.length === 0) return `${at}${held && detail.nodes.length > 0 ? d.appliedOn(detail.nodes.map((node) => node.id)) : ''}`;
      const missing = detail.nodes.filter((node) => detail.missing.includes(node.id)).map((node) => (node.alive ? d.appliedUpTo(node.id, node.lastApplied) : d.wasCrashed(node.id)));
      return `${at}${d.butMissing(missing)}${d.unresolved(detail.unresolved)}`;
    }
    case 'term':
      return detail.node === null ? `${d.unnamed}${d.unresolved(detail.unresolved)}` : d.term(detail.node, detail.term);
    case 'role':
      if (detail.node === null) return `${d.unnamed}${d.unresolved(detail.unresolved)}`;
      if (detail.role === 'removed') return d.wasRemoved(detail.node);
      return detail.role === 'crashed' ? d.wasCrashed(detail.node) : d.role(detail.node, detail.role === null ? null : m.common.role[detail.role]);
    case 'voters':
      return `${d.voters(m.common.groups([detail.voters]))}${d.unresolved(detail.unresolved)}`;
    case 'log':
      return detail.node === null ? `${d.unnamed}${d.unresolved(detail.unresolved)}` : d.log(detail.node, detail.terms ?? [], detail.snapshotIndex);
    case 'no-violation': {
      const first = detail.violations[0];
      return first === undefined ? d.noViolation : d.violation(first.property, first.tick, first.nodes, first.detail);
    }
    case 'violation': {
      const first = detail.violations[0];
      return first === undefined ? d.noViolationOf(detail.property === null ? null : m.app.status.safetyProperty[detail.property]) : d.violation(m.app.status.safetyProperty[first.property], first.tick, first.nodes, first.detail);
    }
    case 'stall': {
      const first = detail.stalls[0];
      return first === undefined ? d.noStallOf(detail.stall === null ? null : m.unsafe.stallKind[detail.stall]) : d.stall(m.unsafe.stallKind[first.kind], first.tick, first.detail);
    }
    case 'one-leader-per-term':
      return detail.term === null ? d.oneLeaderPerTerm : d.twoLeaders(detail.leaders, detail.term);
  }
}

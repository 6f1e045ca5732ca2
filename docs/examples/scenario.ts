// Run with: npx tsx docs/examples/scenario.ts
// A run written as scenario text: the leader crashes, the others elect a new one in term 2 and
// the old leader comes back as a follower. Every expectation passes, at a known tick; the trace
// tells the story in the app's own words. A misspelt action is reported with its line and column.
import type { ExpectationStatus } from '../../src/scenario/index.ts';
import { describeScenarioError, parseScenario, runScenario } from '../../src/scenario/index.ts';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';

const text = `
nodes 3
seed 1
trace LEAD FAULT                       # the trace's topics: leadership and faults
expect by 1000: leader in {1,2,3}

at 1000: crash leader
expect at 1000: no leader
expect by +1000: leader in term = 2    # by 2000

at 2000: restart old leader            # the node crashed at 1000
expect from 2000 by 2200: old leader in term = 2
expect at 2200: old leader is a follower
expect always: at most one leader per term
run until 2500
`;

export function scenarioRun(): { results: { expectation: string; status: ExpectationStatus; tick: number | null }[]; trace: string[]; typo: string[] } {
  // describe words each event of the trace; without it there is no trace (null). The CLI and
  // the tests use the app's English explanations, as here.
  const english = messagesFor('en');
  const outcome = runScenario(text, { describe: (event) => explain(english, event) });
  if (!outcome.ok) throw new Error(outcome.errors.map(describeScenarioError).join('\n'));
  const results = outcome.results.map(({ expectation, status, tick }) => ({ expectation, status, tick }));

  // Bad text never throws: it gives every error as data, worded here in English.
  const parsed = parseScenario('nodes 3\nat 100: partiton {1,2} {3}\n');
  const typo = parsed.ok ? [] : parsed.errors.map(describeScenarioError);
  return { results, trace: [...(outcome.trace ?? [])], typo };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(scenarioRun());

/**
 * Breakpoints in scenario text: every kind reads into the core's Breakpoint, prints back the same,
 * travels into the compiled run's annotations (so the app pauses there), and comes back from a
 * run as text; mistakes are placed like any other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, describeScenarioError, parseScenario, printScenario, runScenario, runToScenarioText } from '../../../src/scenario/index.ts';
import { importRun } from '../../../src/worker/run-file.ts';

const text = `nodes 5
break on new leader
break on term change off
break on candidate
break on commit
break on truncation
break on violation
break on vote refused
break on vote refused for log-not-up-to-date off
break on message sent
break on message delivered MsgVote from 2 to 3
break at 700
at 100: campaign 2
`;

describe('break statements', () => {
  it('read every kind, print back the same, and reach the compiled run', () => {
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(describeScenarioError(parsed.errors[0]!));
    expect(parsed.scenario.breakpoints).toEqual([
      { breakpoint: { kind: 'new-leader' }, enabled: true },
      { breakpoint: { kind: 'term-change' }, enabled: false },
      { breakpoint: { kind: 'candidate' }, enabled: true },
      { breakpoint: { kind: 'commit' }, enabled: true },
      { breakpoint: { kind: 'truncation' }, enabled: true },
      { breakpoint: { kind: 'violation' }, enabled: true },
      { breakpoint: { kind: 'vote-refused', reason: null }, enabled: true },
      { breakpoint: { kind: 'vote-refused', reason: 'log-not-up-to-date' }, enabled: false },
      { breakpoint: { kind: 'message', on: 'sent', messageType: null, from: null, to: null }, enabled: true },
      { breakpoint: { kind: 'message', on: 'delivered', messageType: 'MsgVote', from: 2, to: 3 }, enabled: true },
      { breakpoint: { kind: 'tick', tick: 700 }, enabled: true },
    ]);
    const printed = printScenario(parsed.scenario);
    const again = parseScenario(printed);
    expect(again.ok && again.scenario.breakpoints).toEqual(parsed.scenario.breakpoints);
    const compiled = compileScenario(parsed.scenario);
    if (!compiled.ok) throw new Error('does not compile');
    expect(compiled.annotations.breakpoints).toEqual(parsed.scenario.breakpoints);
    // And back from the run as text, unchanged.
    expect(runToScenarioText(compiled.options, compiled.actions, compiled.annotations)).toBe(printed);
  });

  it('a scenario without any keeps none', () => {
    const parsed = parseScenario('nodes 3\nat 5: campaign 1');
    expect(parsed.ok && parsed.scenario.breakpoints).toBeUndefined();
  });

  it('mistakes are placed', () => {
    const errors = (source: string) => {
      const parsed = parseScenario(source);
      return parsed.ok ? [] : parsed.errors.map(describeScenarioError);
    };
    expect(errors('nodes 3\nbreak on leader')).toEqual(["line 2, column 10: expected 'new leader', 'term change', 'candidate', 'commit', 'truncation', 'violation', 'vote refused' or 'message', found 'leader'"]);
    expect(errors('nodes 3\nbreak on message sent from 7')).toEqual(['line 2, column 28: node 7 does not exist: the cluster has 3 nodes (1 to 3)']);
    expect(errors('break on vote refused for lazy')).toEqual(["line 1, column 27: expected 'stale-term', 'already-voted', 'log-not-up-to-date', 'leader-known' or 'just-started', found 'lazy'"]);
    expect(errors('break on commit now')).toEqual(["line 1, column 17: expected 'off' or the end of the statement, found 'now'"]);
    expect(errors(Array.from({ length: 101 }, (_, tick) => `break at ${tick}`).join('\n'))).toEqual(['line 101, column 1: too many breakpoints: a scenario may hold at most 100']);
  });
});

describe('where a scenario says its breakpoints first hold', () => {
  it('is where the app pauses playing from tick 0, for every kind (tests/scenarios/breakpoints.scn)', () => {
    const text = readFileSync(new URL('../../scenarios/breakpoints.scn', import.meta.url), 'utf8');
    const outcome = runScenario(text);
    if (!outcome.ok) throw new Error('the scenario does not run');
    expect(outcome.breaks.map((hit) => hit.setting.breakpoint.kind)).toEqual(['new-leader', 'term-change', 'candidate', 'message', 'message', 'commit', 'truncation', 'vote-refused', 'vote-refused', 'violation', 'tick']);
    const timeline = importRun({ format: 'raftlab-run', version: 2, options: outcome.run.options, actions: outcome.run.actions, tick: 0, annotations: { end: outcome.run.end } });
    for (const hit of outcome.breaks) {
      timeline.seek(0);
      const paused = timeline.advanceUntilBreak(outcome.run.end, [hit.setting.breakpoint]);
      expect(paused?.tick ?? null, JSON.stringify(hit.setting.breakpoint)).toBe(hit.tick);
    }
    expect(outcome.breaks.filter((hit) => hit.tick === null).map((hit) => hit.setting.breakpoint.kind)).toEqual(['violation']);
  });
});

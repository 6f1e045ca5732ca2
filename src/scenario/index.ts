/**
 * Raftlab's scenario language: runs written as readable text, with captions, marks and
 * expectations checked as the run plays. Pure TypeScript over the headless API (src/core): no
 * DOM, no clock, no randomness of its own. See docs/scenarios.md.
 */
export { parseExpectation, parseScenario } from './parser.ts';
export type { ParseResult } from './parser.ts';
export { printExpectation, printScenario } from './printer.ts';
export { compileScenario, endOf } from './compile.ts';
export type { CompiledRun, CompileResult } from './compile.ts';
export { captionOfStep, noLessonScript, stepAt } from './lesson-script.ts';
export type { LessonHighlight, LessonQuestion, LessonScript, LessonStep, LessonText } from './lesson-script.ts';
export { runToScenarioText, scenarioFromRun } from './from-run.ts';
export { evaluateExpectations } from './evaluate.ts';
export { ExpectationWatch } from './expectation-watch.ts';
export type { WatchedResult, WatchedStatus } from './expectation-watch.ts';
export type { ExpectationResult, ExpectationState, ExpectationStatus } from './evaluate.ts';
export type { ConditionDetail } from './conditions.ts';
export { describeConditionDetail, describeExpectationResult } from './describe-result.ts';
export { runScenario } from './run-scenario.ts';
export type { ScenarioRun, ScenarioRunResult } from './run-scenario.ts';
export { defaultTraceTopics, traceLine, traceRun } from './trace.ts';
export type { DescribeEvent } from './trace.ts';
export { splitTraceSection, traceSeparator, withTraceSection } from './trace-section.ts';
export { describeScenarioError, describeScenarioProblem } from './errors.ts';
export type { Expected, ExpectedClass, NoNodeReason, ScenarioError, ScenarioErrorCode } from './errors.ts';
export { impliedEndMargin, scenarioActionsMax, scenarioCharsMax, scenarioErrorsMax, scenarioExpectationsMax, scenarioTickMax } from './limits.ts';
export type { Comparison, Condition, Expectation, NodeRef, NodeSet, Scenario, ScenarioAction, SourcePosition, Step, StepItem, Timing } from './syntax-tree.ts';
export type { Annotations, Caption, Mark } from './annotations.ts';
export { noAnnotations } from './annotations.ts';

/**
 * Outcomes worded by the app (src/ui/outcome.ts) from what the worker sends (src/worker/outcome.ts):
 * in English they say exactly what the core's own sentence says (network settings in percent,
 * as the settings form speaks), for every action type; the worker's facts (the partition after
 * the action, a refusing node's role) match the state after the action; and the same outcomes
 * read in Chinese, a rejected action framed in Chinese around the core's English detail.
 *
 * Method: act on a real headless simulation, pass its result through the worker's describeOutcome
 * and the store's showOutcome, and compare with the core's summary and the view after the action.
 */
import { describe, expect, it } from 'vitest';
import type { Action, ActionResult } from '../../../src/core/index.ts';
import { createSimulation, SimulationInputError } from '../../../src/core/index.ts';
import type { Simulation } from '../../../src/core/index.ts';
import type { ActionOutcome } from '../../../src/protocol/worker-protocol.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import type { Messages } from '../../../src/ui/i18n/catalogue.ts';
import { defaultSource, outcomeText, showOutcome } from '../../../src/ui/outcome.ts';
import type { ShownOutcome } from '../../../src/ui/outcome.ts';
import { describeOutcome } from '../../../src/worker/outcome.ts';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');

/** Acts as the worker does, and shows the answer as the store does (the state before it at hand). */
function actAndShow(simulation: Simulation, action: Action, m: Messages = en): { result: ActionResult; outcome: ActionOutcome; shown: ShownOutcome } {
  const before = simulation.view();
  const result = simulation.act(action);
  const outcome = describeOutcome(result, simulation);
  const shown = showOutcome(m, outcome, { seq: 1, source: defaultSource(action), action, networkBefore: before.network, workloadBefore: before.workload });
  return { result, outcome, shown };
}

function rejected(simulation: Simulation, action: Action, m: Messages): ShownOutcome {
  let outcome: ActionOutcome | null = null;
  try {
    simulation.act(action);
  } catch (error) {
    if (!(error instanceof SimulationInputError)) throw error;
    outcome = { ok: false, summary: error.message, field: error.field };
  }
  expect(outcome, 'the action is rejected').not.toBeNull();
  return showOutcome(m, outcome!, { seq: 1, source: defaultSource(action), action, networkBefore: null, workloadBefore: null });
}

function withLeader(nodes: number, seed = 4): { simulation: Simulation; leader: number; followers: number[] } {
  const simulation = createSimulation({ nodes, seed });
  expect(simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 })).toBe(true);
  const leader = simulation.leader()!.id;
  // Every follower has heard from the leader, so a refusal names it.
  expect(simulation.advanceUntil((s) => s.nodeIds.every((id) => s.node(id).lead === leader), { maxTicks: 5_000 })).toBe(true);
  return { simulation, leader, followers: simulation.nodeIds.filter((id) => id !== leader) };
}

describe('outcomes in English are the core’s sentences', () => {
  it('for every action type but the network settings, word for word', () => {
    const { simulation, leader, followers } = withLeader(5);
    const [a, b] = followers as [number, number];
    const actions: Action[] = [
      { type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } },
      { type: 'propose', node: leader, command: { type: 'delete', key: 'x' } },
      { type: 'propose', node: a, command: { type: 'noop' } },
      { type: 'partition', groups: [[a, b]] },
      { type: 'heal' },
      { type: 'isolate', node: a },
      { type: 'isolate', node: b },
      { type: 'rejoin', node: a },
      { type: 'cut-link', from: a, to: b, bothWays: false },
      { type: 'cut-link', from: b, to: leader, bothWays: true },
      { type: 'restore-link', from: a, to: b, bothWays: false },
      { type: 'restore-link', from: b, to: leader, bothWays: true },
      { type: 'configure-workload', workload: { proposeEveryTicks: 50 } },
      { type: 'configure-workload', workload: { proposeEveryTicks: 0 } },
      { type: 'crash', node: b },
      { type: 'restart', node: b },
      { type: 'campaign', node: a },
      { type: 'heal' },
      { type: 'add-node' },
      { type: 'add-node' },
      { type: 'remove-node', node: b },
    ];
    for (const action of actions) {
      const { result, shown } = actAndShow(simulation, action);
      expect(shown.summary, action.type).toBe(result.summary);
      simulation.advance(5);
    }
  });

  it('the network settings in percent, the fields the action left unchanged included', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1, network: { delayTicksMin: 10, delayTicksMax: 30 } });
    const { result, shown } = actAndShow(simulation, { type: 'configure-network', network: { dropRatio: 0.125, reorderRatio: 0.5 } });
    expect(result.summary).toBe('Network set to latency 10-30 ticks, loss 0.125, duplicates 0, reorder 0.5');
    expect(shown.summary).toBe('Network set to latency 10-30 ticks, loss 12.5%, duplicates 0%, reorder 50%');
  });

  it('a rejected action says the core’s detail as it is', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1 });
    simulation.crash(2);
    const shown = rejected(simulation, { type: 'crash', node: 2 }, en);
    expect(shown).toMatchObject({ ok: false, tone: 'error', summary: 'node must be a running node (got node 2, which is crashed)' });
  });
});

describe('the worker’s facts', () => {
  it('carry the partition after a partition, isolate or rejoin', () => {
    const simulation = createSimulation({ nodes: 5, seed: 2 });
    for (const action of [{ type: 'partition', groups: [[4, 1]] }, { type: 'isolate', node: 3 }, { type: 'rejoin', node: 3 }, { type: 'isolate', node: 5 }] as const) {
      const { outcome } = actAndShow(simulation, action);
      expect(outcome.ok && outcome.facts?.groups, action.type).toEqual(simulation.view().partition);
    }
    const { outcome } = actAndShow(simulation, { type: 'heal' });
    expect(outcome).toEqual({ ok: true, summary: 'Network healed: every node can reach every other', proposal: null });
  });

  it('carry the role of a node that refused a proposal: a follower, or a candidate', () => {
    const { simulation, followers } = withLeader(3);
    const follower = followers[0]!;
    const put = { type: 'put', key: 'x', value: '1' } as const;
    const refused = actAndShow(simulation, { type: 'propose', node: follower, command: put });
    expect(refused.outcome).toMatchObject({ ok: true, facts: { role: 'follower' }, proposal: { node: follower, isLeader: false } });
    simulation.isolate(follower);
    simulation.campaign(follower);
    expect(simulation.node(follower).role).toBe('candidate');
    const candidate = actAndShow(simulation, { type: 'propose', node: follower, command: put });
    expect(candidate.outcome).toMatchObject({ ok: true, facts: { role: 'candidate' } });
    expect(candidate.shown.summary).toBe(candidate.result.summary);
    expect(candidate.shown.summary).toBe(`Node ${follower} is a candidate: not leader, no leader known`);
    expect(outcomeText(zh, candidate.shown)).toBe(`节点 ${follower} 是候选人，不是领导者；它不知道领导者是谁`);
  });

  it('without facts (an answer from elsewhere), a sentence that needs them is the worker’s own', () => {
    const shown = showOutcome(zh, { ok: true, summary: 'Network split: {1, 2} | {3}', proposal: null }, { seq: 1, source: 'faults', action: { type: 'partition', groups: [[1, 2]] }, networkBefore: null, workloadBefore: null });
    expect(shown.summary).toBe('Network split: {1, 2} | {3}');
  });
});

describe('outcomes in Chinese', () => {
  it('word each action in Chinese, with the same marks, numbers and groups', () => {
    const { simulation, leader, followers } = withLeader(5);
    const [a, b] = followers as [number, number];
    const say = (action: Action) => actAndShow(simulation, action, zh).shown.summary;
    expect(say({ type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } })).toMatch(new RegExp(`^节点 ${leader}（领导者，任期 \\d+）已在索引 \\d+ 追加 put x=1；多数派保存后即提交$`));
    expect(say({ type: 'propose', node: a, command: { type: 'noop' } })).toBe(`节点 ${a} 是跟随者，不是领导者；领导者是节点 ${leader}`);
    expect(say({ type: 'partition', groups: [[1, 2]] })).toBe('已划分网络：{1, 2} | {3, 4, 5}');
    expect(say({ type: 'heal' })).toBe('网络已恢复：所有节点都能互相连通');
    expect(say({ type: 'isolate', node: 3 })).toBe('节点 3 已被隔离：{1, 2, 4, 5} | {3}');
    expect(say({ type: 'rejoin', node: 3 })).toBe('节点 3 已重新加入：{1, 2, 3, 4, 5}');
    expect(say({ type: 'cut-link', from: a, to: b, bothWays: false })).toBe(`链路 ${a}→${b} 已切断`);
    expect(say({ type: 'restore-link', from: a, to: b, bothWays: true })).toBe(`链路 ${a}↔${b} 已恢复`);
    expect(say({ type: 'configure-network', network: { dropRatio: 0.125 } })).toBe('网络已设为：延迟 10-30 个 tick，丢包 12.5%，重复 0%，乱序 0%');
    expect(say({ type: 'configure-workload', workload: { proposeEveryTicks: 50 } })).toBe('客户端负载：每 50 个 tick 向领导者发送一次 put');
    expect(say({ type: 'configure-workload', workload: { proposeEveryTicks: 0 } })).toBe('客户端负载已停止');
    expect(say({ type: 'crash', node: b })).toBe(`节点 ${b} 已崩溃：只有已落盘的数据会保留下来`);
    expect(say({ type: 'restart', node: b })).toBe(`节点 ${b} 已从磁盘重启，成为跟随者`);
    expect(say({ type: 'campaign', node: a })).toBe(`节点 ${a} 发起选举`);
  });

  it('word Add node and Remove node: appended, refused (one change at a time), no leader', () => {
    const { simulation, leader } = withLeader(3);
    // A leader changes the configuration only once it has committed an entry of its term.
    expect(simulation.advanceUntil((s) => s.node(leader).log.committed > 0, { maxTicks: 5_000 })).toBe(true);
    const added = actAndShow(simulation, { type: 'add-node' }, zh);
    expect(added.shown.tone).toBe('success');
    expect(added.shown.summary).toMatch(new RegExp(`^节点 ${leader}（领导者）在索引 \\d+ 追加了这次变更：节点 4 先以学习者身份加入，追上日志后成为投票者；投票者 \\{1, 2, 3\\}，学习者 \\{4\\}$`));
    const refused = actAndShow(simulation, { type: 'remove-node', node: 4 }, zh);
    expect(refused.shown.tone).toBe('warning');
    expect(refused.shown.summary).toMatch(new RegExp(`^节点 ${leader} 拒绝了对节点 4 的变更：配置条目 \\d+ 尚未提交（一次一个变更）$`));
    expect(outcomeText(en, refused.shown)).toBe(refused.result.summary);
    const none = actAndShow(createSimulation({ nodes: 3, seed: 1 }), { type: 'add-node' }, zh);
    expect(none.shown.summary).toBe('当前没有领导者：没有人能添加节点 4。请等待选举结束。');
  });

  it('no leader, and a rejected action framed around the core’s English detail', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1 });
    expect(actAndShow(simulation, { type: 'propose', node: 'leader', command: { type: 'noop' } }, zh).shown.summary).toBe('当前没有领导者：提议未发出。请等待选举结束。');
    simulation.crash(2);
    expect(rejected(simulation, { type: 'crash', node: 2 }, zh).summary).toBe('操作被拒绝：node must be a running node (got node 2, which is crashed)');
  });

  it('re-word an outcome already shown in the other language', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1 });
    const { shown } = actAndShow(simulation, { type: 'isolate', node: 2 }, zh);
    expect(shown.summary).toBe('节点 2 已被隔离：{1, 3} | {2}');
    expect(outcomeText(en, shown)).toBe('Node 2 isolated: {1, 3} | {2}');
  });
});

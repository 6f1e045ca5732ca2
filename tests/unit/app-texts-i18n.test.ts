/**
 * The app's own problems and helpers in both languages: what the worker finds wrong with a run
 * file comes as data (RunProblem) and the app's English wording of it is exactly the worker's
 * English message; the Chinese wording is Chinese, with field names and values as written. The
 * address banner, the settings form's checks, the banner's notices, the question before acting in
 * the past and the speed read in Chinese too.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import type { FromWorker, RunProblem, WorkerProblem } from '../../src/protocol/worker-protocol.ts';
import { discardText } from '../../src/ui/components/ActConfirm.tsx';
import { noticeText } from '../../src/ui/components/PlaybackArea.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { notJsonText, parseRunFileText, runProblemText } from '../../src/ui/run-file-text.ts';
import { parseNetworkForm, parseRunForm, runFormValues } from '../../src/ui/settings-form.ts';
import { formatSpeed } from '../../src/ui/speed.ts';
import type { Notice } from '../../src/ui/store/app-state.ts';
import { addressBanner, optionsFromSearch } from '../../src/ui/url-options.ts';
import { exportRun, requireScreenNodeCount, RunFileError } from '../../src/worker/run-file.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { runFileRefusal } from '../support/run-file-refusal.ts';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');
const han = /\p{Script=Han}/u;

const good = exportRun(new Timeline({ nodes: 3, seed: 1 }));
/** Files the worker refuses before replaying them, one for each problem it can name. */
const badFiles: unknown[] = [
  null,
  [1, 2],
  { ...good, format: 'other-app' },
  { ...good, format: 'x'.repeat(60) },
  { ...good, version: 3 },
  { ...good, version: 'two' },
  { ...good, annotations: [] },
  { ...good, annotations: { captions: 'none' } },
  { ...good, annotations: { marks: Array.from({ length: 1_001 }, () => ({ tick: 1, name: 'm' })) } },
  { ...good, annotations: { captions: [7] } },
  { ...good, annotations: { marks: [null] } },
  { ...good, annotations: { captions: [{ tick: 10_000_001, text: 'late' }] } },
  { ...good, annotations: { captions: [{ tick: 5, text: '' }] } },
  { ...good, annotations: { marks: [{ tick: 5, name: 'm'.repeat(65) }] } },
  { ...good, annotations: { expectations: [42] } },
  { ...good, annotations: { breakpoints: ['new-leader'] } },
  { ...good, annotations: { breakpoints: [{ breakpoint: { kind: 'message', on: 'sent', messageType: 'MsgFoo' } }] } },
  { ...good, annotations: { breakpoints: [{ breakpoint: { kind: 'commit' } }, { breakpoint: { kind: 'commit' }, enabled: false }] } },
  { ...good, options: 'five nodes' },
  { ...good, options: { nodes: 16 } },
  { ...good, options: { nodes: 2.5 } },
  { ...good, actions: {} },
  { ...good, actions: Array.from({ length: 100_001 }, () => ({ tick: 1, action: { type: 'heal' } })) },
  { ...good, actions: [7] },
  { ...good, actions: [{ tick: 'soon', action: { type: 'heal' } }] },
  { ...good, actions: [{ tick: 50, action: { type: 'heal' } }, { tick: 20, action: { type: 'heal' } }] },
  { ...good, actions: [{ tick: 5, action: 'heal' }] },
  { ...good, tick: -1 },
  { ...good, tick: undefined },
];


describe('run file problems', () => {
  it('are worded in English exactly as the worker says them, and in Chinese in Chinese', () => {
    const codes = new Set<RunProblem['code']>();
    for (const file of badFiles) {
      const error = runFileRefusal(file);
      codes.add(error.problem.code);
      expect(runProblemText(en, error.problem)).toBe(error.message);
      const chinese = runProblemText(zh, error.problem);
      expect(chinese, error.message).toMatch(han);
      expect(chinese).not.toMatch(/must be|\(got/);
      expect(chinese.startsWith(error.field) || error.field === 'run', chinese).toBe(true);
    }
    try {
      requireScreenNodeCount({ nodes: 99 }, 'nodes');
    } catch (error) {
      if (!(error instanceof RunFileError)) throw error;
      codes.add(error.problem.code);
      expect(runProblemText(en, error.problem)).toBe('nodes must be an integer from 1 to 15, the most nodes the app shows (got 99)');
      expect(runProblemText(zh, error.problem)).toBe('nodes 应为 1 到 15 之间的整数，即本应用最多显示的节点数（实际为 99）');
    }
    const all: RunProblem['code'][] = [
      'not-a-run',
      'format',
      'version',
      'newer-version',
      'options',
      'node-count',
      'actions',
      'too-many-actions',
      'action-item',
      'action-tick',
      'action-object',
      'tick',
      'annotations',
      'annotation-list',
      'annotation-item',
      'annotation-tick',
      'annotation-text',
      'breakpoint',
      'breakpoint-duplicate',
    ];
    expect([...codes].sort()).toEqual([...all].sort());
  });

  it('quote the values found in the file as they are, arrays and objects in words', () => {
    expect(runProblemText(zh, runFileRefusal({ ...good, actions: {} }).problem)).toBe('actions 应为 { tick, action } 组成的数组（实际为 一个对象）');
    expect(runProblemText(zh, runFileRefusal([1, 2]).problem)).toBe('这不是 Raftlab 运行记录：run 应为 JSON 对象（实际为 长度为 2 的数组）');
    expect(runProblemText(zh, runFileRefusal({ ...good, format: 'other-app' }).problem)).toBe('format 应为 "raftlab-run"（实际为 "other-app"）');
    const order = runFileRefusal({ ...good, actions: [{ tick: 50, action: { type: 'heal' } }, { tick: 20, action: { type: 'heal' } }] }).problem;
    expect(runProblemText(zh, order)).toBe('actions[1].tick 应为 50 到 10000000 之间的整数，操作须按 tick 顺序排列（实际为 20）');
  });
});

describe('files that are not JSON', () => {
  it('say so in Chinese, with where parsing failed', () => {
    const cut = parseRunFileText('cut.json', '{"format": "raftlab-run", "actions": [');
    if (cut.ok) throw new Error('parsed');
    expect(notJsonText(zh, cut.problem)).toMatch(/^“cut\.json”不是 JSON 文件：解析失败，在末尾（第 1 行第 39 列）中断，文件可能不完整（.+）。$/);
    const empty = parseRunFileText('empty.json', ' ');
    if (empty.ok) throw new Error('parsed');
    expect(notJsonText(zh, empty.problem)).toBe('“empty.json”不是 JSON 文件：文件是空的。');
    expect(notJsonText(en, empty.problem)).toBe('"empty.json" is not a JSON file: it is empty.');
  });
});

describe('the banner', () => {
  const refused = (problem: WorkerProblem | undefined, message: string, refusedWhat: 'import' | 'run' | 'command' = 'import'): Notice => ({
    kind: 'refused',
    refusal: { refused: refusedWhat, message, field: null, problem: problem ?? null },
  });

  it('frames a detail the core said in English in the language on screen, and says it alone in English', () => {
    const detail = 'actions[3].action.node must be a node id from 1 to 5 (got 42)';
    expect(noticeText(en, refused(undefined, detail))).toBe(detail);
    expect(noticeText(zh, refused(undefined, detail))).toBe(`无法导入：${detail}`);
    expect(noticeText(zh, refused(undefined, 'ticks must be an integer', 'command'))).toBe('模拟器拒绝了该命令：ticks must be an integer');
  });

  it('words the fallback to the defaults after the address, in each language', () => {
    const address = optionsFromSearch('?colour=red');
    const notice: Notice = {
      kind: 'defaults',
      earlier: { kind: 'address', problems: address.problems, warnings: address.warnings },
      refusal: { refused: 'run', message: 'raft.electionTimeoutTicksMin must be at most raft.electionTimeoutTicksMax (600) (got 900)', field: null, problem: null },
    };
    expect(noticeText(en, notice)).toBe(
      'Ignored in the address: unknown parameter "colour". raft.electionTimeoutTicksMin must be at most raft.electionTimeoutTicksMax (600) (got 900): started with the default settings instead.',
    );
    expect(noticeText(zh, notice)).toBe(
      '地址中以下参数已忽略：未知参数“colour”。无法以这些选项启动模拟：raft.electionTimeoutTicksMin must be at most raft.electionTimeoutTicksMax (600) (got 900)。已改用默认设置启动。',
    );
  });

  it('says an internal error of the worker in Chinese, and in English as the worker did', () => {
    const replies: FromWorker[] = [];
    let failed = false;
    const logic = createWorkerLogic((message) => {
      if (message.type === 'frame' && !failed) {
        failed = true;
        throw new Error('boom');
      }
      replies.push(message);
    });
    logic.handle({ type: 'init', options: { nodes: 3, seed: 1 } });
    expect(replies).toEqual([{ type: 'error', message: 'Internal error in the simulation: boom', field: null, problem: { code: 'internal', detail: 'boom' } }]);
    const error = replies[0] as Extract<FromWorker, { type: 'error' }>;
    expect(noticeText(en, refused(error.problem, error.message, 'run'))).toBe('Internal error in the simulation: boom');
    expect(noticeText(zh, refused(error.problem, error.message, 'run'))).toBe('模拟器内部错误：boom');
  });

  it('lists the address problems and warnings in Chinese', () => {
    const address = optionsFromSearch('?nodes=16&drop=x&colour=red&nodes=3&seed=4&heartbeat=400&electionMin=700');
    expect(addressBanner(zh, address)).toBe(
      '地址中以下参数已忽略：nodes 出现了 2 次（“16”、“3”），只能给一次；drop 必须是 0 到 1 之间的小数，如 0.25（收到“x”）；未知参数“colour”；electionMin=700（大于 electionMax 的默认值 600）。' +
        '注意：heartbeat 400 不小于最短选举超时（300）：即使领导者正常，跟随者也会发起选举。',
    );
  });
});

describe('the settings form in Chinese', () => {
  const timeline = new Timeline({ nodes: 3, seed: 1 });
  const view = timeline.current.view();
  const base = { raft: view.raft, network: view.network, fastBackup: true };
  const values = runFormValues({ raft: view.raft, nodeCount: 3, seed: 1 });

  it('says what each field needs', () => {
    expect(parseRunForm(zh, { ...values, nodes: '16', seed: 'x', electionMin: '900' }, base)).toEqual({
      ok: false,
      errors: { nodes: '必须在 1 到 15 之间。', seed: '请输入整数。', electionMin: '最小值不能大于最大值（600）。' },
    });
    expect(parseRunForm(zh, { ...values, heartbeat: '300' }, base)).toMatchObject({ ok: true, warnings: { heartbeat: '不小于最短选举超时（300）：即使领导者正常，跟随者也会发起选举。' } });
    const network = { lossPercent: '101', duplicatePercent: '', reorderPercent: '0', latencyMin: '9', latencyMax: '3' };
    expect(parseNetworkForm(zh, network)).toEqual({ ok: false, errors: { lossPercent: '必须在 0 到 100 之间。', duplicatePercent: '请输入数字。', latencyMin: '最小值不能大于最大值（3）。' } });
    expect(parseNetworkForm(en, network)).toEqual({ ok: false, errors: { lossPercent: 'Must be between 0 and 100.', duplicatePercent: 'Enter a number.', latencyMin: 'Minimum must be at most the maximum (3).' } });
  });
});

describe('small texts in Chinese', () => {
  it('the question before acting in the past, and the speed', () => {
    expect(discardText(zh, 999, 2_966)).toBe('这会丢弃 tick 1,000–2,966。');
    expect(discardText(zh, 2_965, 2_966)).toBe('这会丢弃 tick 2,966。');
    expect(discardText(zh, 2_966, 2_966)).toBe('现在已是运行记录的末尾：不会丢弃任何内容。');
    expect(formatSpeed(zh, 100)).toBe('100 tick/秒');
    expect(formatSpeed(zh, 31_623)).toBe('32k tick/秒');
  });
});

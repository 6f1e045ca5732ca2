/** scenario 区域的文字：“打开场景”对话框、场景面板（说明、标记、预期列表）和场景错误（简体中文）。场景文本本身（写下的预期、出错处的词）按原样引用：那是代码，不是文字。 */
import type { ExpectedClass, NoNodeReason } from '../../../scenario/errors.ts';
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

const classWords: Readonly<Record<ExpectedClass, string>> = {
  statement: '一条语句',
  action: '一个动作',
  condition: '一个条件',
  option: '一个选项',
  node: "一个节点（数字、'leader'、'old leader' 或 'leader of term N'）",
  'node-set': '一组节点，例如 {1,2}',
  'term-list': '一串任期，例如 [1,1,2]',
  integer: '一个整数',
  tick: '一个 tick（数字，或 +N 表示上一条定时语句之后 N 个 tick）',
  probability: '一个概率（例如 0.1 或 10%）',
  switch: "'on' 或 'off'",
  text: '带引号的文字',
  name: '一个名称',
  key: '一个键',
  value: '一个值',
  topic: '一个追踪主题',
  role: "一个角色（'follower'、'candidate'、'leader'、'crashed' 或 'removed'）",
  comparison: "一个比较符（'='、'≥'、'≤'、'>' 或 '<'）",
  'end-of-statement': '语句结尾',
};

const noNodeWords: Readonly<Record<NoNodeReason, string>> = {
  'no-leader': '那时没有领导者',
  'no-old-leader': '在那之前没有别的节点当过领导者',
  'no-leader-of-term': '到那时还没有节点领导过该任期',
  'not-added': '那台服务器尚未加入',
};

function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')} 或 ${items.at(-1)!}`;
}

const found = (text: string | null) => (text === null ? '语句结尾' : `'${text}'`);
const nodeList = (ids: readonly number[]) => `节点 ${ids.join('、')}`;
const unresolved = (names: readonly string[]) => (names.length === 0 ? '' : `；${alternatives(names.map((name) => `'${name}'`))} 没有指向任何节点`);

export const scenario: Messages['scenario'] = {
  openScenario: '打开场景',
  exportScenario: '导出场景',
  exportScenarioHint: '把这次运行保存为场景文本：可读、可编辑，用“打开场景”可以再次打开',
  dialogTitle: '打开一个场景',
  dialogIntro: '场景就是写成文字的一次运行：选项、定时动作、说明和预期（见 docs/scenarios.md）。可以选一个预设、选择文件，或粘贴文本。',
  presetChoice: '预设场景',
  presetNone: '选择一个预设…',
  file: '场景文件',
  text: '场景文本',
  address: '场景地址',
  addressPlaceholder: 'https://…/课程.scn',
  addressHint: '.scn 文件的地址（同一网站，或允许跨站读取的网站）',
  load: '载入',
  open: '打开',
  cancel: '取消',
  empty: '请先写入或粘贴一个场景。',
  opening: (name) => `正在打开场景“${name}”…`,
  openingPercent: (name, percent) => `正在打开场景“${name}”：${percent}%`,
  opened: (name, expectations) => `✓ 已打开“${name}”${expectations === 0 ? '' : `，${expectations} 条预期`}：请按“播放”`,
  pasted: '粘贴的文本',
  readFailed: (name, why) => `无法读取“${name}”：${why}`,
  fetchStatus: (status) => `服务器返回 ${status}`,
  webPage: '返回的是网页，不是场景文件（请检查地址）',
  protocol: (protocol) => `只能读取 http 和 https 地址，不能读取 ${protocol}`,
  fetchFailed: (detail) => `浏览器无法获取它（${detail}）`,
  tooLarge: (bytes, max) => `它有 ${f.size(bytes)}，场景最大为 ${f.size(max)}`,
  refused: (name, detail) => `无法打开场景“${name}”：${detail}`,
  errorCount: (count) => `共 ${count} 个问题；屏幕上的运行没有改变：`,
  errorsList: '场景中的问题',
  andMore: (detail, more) => `${detail}（另有 ${more} 个问题）`,
  errorAt: (line, column, problem) => (line === 0 ? problem : `第 ${line} 行第 ${column} 列：${problem}`),
  problem: {
    expected: (what) => classWords[what],
    literal: (text) => `'${text}'`,
    alternatives,
    unexpectedCharacter: (text) => `意外的字符 ${found(text)}：词由字母、数字、'_'、'-' 和 '.' 组成，其他文字请放在引号里`,
    syntax: (expected, text) => `这里应为${expected}，却是 ${found(text)}`,
    didYouMean: (suggestion) => ` —— 是不是想写 '${suggestion}'？`,
    unclosedQuote: '引号没有闭合：从这里开始的文字在本行没有结束的 "',
    unclosed: (sign, expected) => `'${sign}' 没有闭合：行尾之前应有${expected}`,
    unknownAction: (text, expected) => `未知动作 ${found(text)}${expected === null ? '' : `：应为${expected}`}`,
    unknownOption: (text, expected) => `未知选项 ${found(text)}${expected === null ? '' : `：应为${expected}`}`,
    badNode: (text, max) => `节点 ${text} 不存在：集群共有 ${max} 个节点（1 到 ${max}）`,
    outOfRange: (text, expected, min, max) => `${text} 超出范围：应为 ${min} 到 ${max} 之间的${expected}`,
    tickBackwards: (tick, previousTick, previousLine) => `tick ${tick} 早于上一条定时语句（第 ${previousLine} 行）的 tick ${previousTick}：定时语句须按 tick 顺序书写`,
    duplicate: (text, previousLine) => `${found(text)} 已在第 ${previousLine} 行给出`,
    tooLong: (size, limit) => `场景长 ${size} 个字符：最多允许 ${limit} 个`,
    tooMany: (what, limit) => `${what === 'actions' ? '动作' : what === 'expectations' ? '预期' : '断点'}太多：一个场景最多 ${limit} 个`,
    noNode: (tick, text, reason) => `在 tick ${tick}，${found(text)} 没有指向任何节点：${noNodeWords[reason]}`,
    refused: (tick, text, field, allowed, received) => `在 tick ${tick}，模拟拒绝了 ${found(text)}：${field} 必须是 ${allowed}（实际为 ${received}）`,
  },
  panel: '场景',
  caption: '说明',
  marks: '标记',
  markButton: (name, tick) => `标记 ${name}，tick ${tick}`,
  expectations: '预期',
  summary: (passed, failed, total) => `${total} 条中 ${passed} 条通过${failed === 0 ? '' : `，${failed} 条失败`}`,
  status: {
    passed: (tick) => `✓ 在 tick ${tick} 通过`,
    failed: (tick) => `✗ 在 tick ${tick} 失败`,
    pending: '待定',
    holding: '目前成立',
    invalid: '✗ 无效',
    ahead: '尚未到达',
  },
  goTo: (expectation, tick) => `${expectation}：转到 tick ${tick}`,
  detail: {
    leaderIs: (leader) => `领导者是节点 ${leader ?? '?'}`,
    noLeader: '当时没有领导者',
    leaderNotIn: (leader, nodes) => `领导者是节点 ${leader}，${nodes.length === 0 ? '列出的节点一个也找不到' : `不是${nodes.length === 1 ? `节点 ${nodes[0]!}` : `节点 ${nodes.join('、')} 之一`}`}`,
    nodeWasLeader: (node) => `节点 ${node} 是领导者`,
    neverCommitted: '它从未被提交',
    committedAt: (indexes) => `它在索引 ${indexes.join('、')} 处提交`,
    appliedOn: (ids) => `，并已应用于${nodeList(ids)}`,
    butMissing: (parts) => `，但${parts.join('，')}`,
    appliedUpTo: (node, index) => `节点 ${node} 只应用到索引 ${index}`,
    wasCrashed: (node) => `节点 ${node} 已崩溃`,
    wasRemoved: (node) => `节点 ${node} 已被移除`,
    voters: (voters) => `投票者为 ${voters}`,
    unnamed: '无法确定是哪个节点',
    term: (node, term) => `节点 ${node} 处于任期 ${term ?? '?'}`,
    role: (node, role) => `节点 ${node} 是${role ?? '?'}`,
    log: (node, terms, snapshotIndex) => `节点 ${node} 的日志中各条目的任期为 [${terms.join(',')}]${snapshotIndex > 0 ? `（条目 1 到 ${snapshotIndex} 已压缩为快照）` : ''}`,
    noViolation: '安全检查器没有报告任何问题',
    violation: (property, tick, nodes, detail) => `安全检查器在 tick ${tick} 报告了 ${property}（${nodeList(nodes)}）：${detail}`,
    noViolationOf: (property) => (property === null ? '安全检查器没有报告任何问题' : `安全检查器没有报告违反${property}`),
    stall: (kind, tick, detail) => `活性监视在 tick ${tick} 报告了${kind}：${detail}`,
    noStallOf: (kind) => (kind === null ? '活性监视没有报告任何问题' : `活性监视没有报告${kind}`),
    oneLeaderPerTerm: '没有哪个任期出现两个领导者',
    twoLeaders: (leaders, term) => `${nodeList(leaders)} 都成为了任期 ${term} 的领导者`,
    unresolved,
  },
};

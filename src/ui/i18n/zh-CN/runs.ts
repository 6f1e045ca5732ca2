/** runs 区域的文字：把运行记录存为文件、从文件载入（简体中文）。 */
import type { Messages } from '../messages.ts';

export const runs: Messages['runs'] = {
  exportRun: '导出运行记录',
  importRun: '导入运行记录',
  fileInput: '要导入的运行记录文件',
  unnamedFile: '该文件',
  confirmImport: '确认导入',
  replaceQuestion: (fileName) => `用“${fileName}”中的运行记录替换当前运行记录吗？当前运行记录及其历史将被丢弃。`,
  importAndReplace: '导入并替换',
  cancel: '取消',
  importing: (fileName) => `正在导入“${fileName}”…`,
  importingPercent: (fileName, percent) => `正在导入“${fileName}”：${percent}%`,
  progress: '导入进度',
  cancelImport: '取消导入',
  imported: (fileName, actions, tick) => `✓ 已从“${fileName}”导入运行记录：${actions} 个操作，tick ${tick}`,
  dismissNotice: '关闭导入提示',
  dismiss: '关闭',
  notJson: {
    sentence: (fileName, why) => `“${fileName}”不是 JSON 文件：${why}。`,
    empty: '文件是空的',
    binary: (failure) => `看起来是二进制数据；${failure}`,
    failed: (where) => `解析失败，${where}`,
    atLine: (line, column, reason) => `出错位置在第 ${line} 行第 ${column} 列（${reason}）`,
    atEnd: (line, column, reason) => `在末尾（第 ${line} 行第 ${column} 列）中断，文件可能不完整（${reason}）`,
    somewhere: (reason) => `原因：${reason}`,
  },
  problem: {
    array: (length) => `长度为 ${length} 的数组`,
    object: '一个对象',
    notARun: (got) => `这不是 Raftlab 运行记录：run 应为 JSON 对象（实际为 ${got}）`,
    format: (expected, got) => `format 应为 "${expected}"（实际为 ${got}）`,
    options: (got) => `options 应为模拟选项对象（实际为 ${got}）`,
    nodeCount: (field, max, got) => `${field} 应为 1 到 ${max} 之间的整数，即本应用最多显示的节点数（实际为 ${got}）`,
    actions: (got) => `actions 应为 { tick, action } 组成的数组（实际为 ${got}）`,
    tooManyActions: (max, got) => `actions 最多只能有 ${max} 个操作（实际为 ${got}）`,
    actionItem: (index, got) => `actions[${index}] 应为对象 { tick, action }（实际为 ${got}）`,
    actionTick: (index, min, max, got) =>
      min === 0 ? `actions[${index}].tick 应为 0 到 ${max} 之间的整数（实际为 ${got}）` : `actions[${index}].tick 应为 ${min} 到 ${max} 之间的整数，操作须按 tick 顺序排列（实际为 ${got}）`,
    actionObject: (index, got) => `actions[${index}].action 应为操作对象（实际为 ${got}）`,
    tick: (max, got) => `tick 应为 0 到 ${max} 之间的整数（实际为 ${got}）`,
  },
};

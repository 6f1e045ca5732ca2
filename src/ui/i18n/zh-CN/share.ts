/** share 区域的文字：永久链接（复制链接、无法打开的链接）、自动保存的恢复提示，以及版本与标注的问题（简体中文）。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

/** "a"、"b"：取值按文件中的写法加引号列出。 */
const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join('、');

export const share: Messages['share'] = {
  copyLink: '复制链接',
  copied: (tick) => `✓ 链接已复制：打开后停在 tick ${tick}，处于暂停状态`,
  copyByHand: '请手动复制这个链接（Ctrl+C，Mac 上为 ⌘C）：',
  linkField: '这次运行记录的链接',
  tooLong: (chars, max) => `这次运行记录太长，放不进链接（${f.size(chars)}；链接最多容纳 ${f.size(max)}），请改为导出成文件。地址栏现在只保留它的选项。`,
  exportInstead: '导出为文件',
  dismissLinkNotice: '关闭链接提示',
  openingLink: '正在打开链接中的运行记录…',
  openingLinkPercent: (percent) => `正在打开链接中的运行记录：${percent}%`,
  restoring: '正在恢复你的运行记录…',
  restoringPercent: (percent) => `正在恢复你的运行记录：${percent}%`,
  restored: (savedAt) => `已从 ${f.dateTime(savedAt)} 恢复你的运行记录`,
  startFresh: '重新开始',
  dismissRestoreNotice: '关闭恢复提示',
  linkRefused: (detail) => `无法打开链接中的运行记录：${detail}`,
  restoreRefused: (detail) => `无法恢复你保存的运行记录：${detail}`,
  badLink: {
    sentence: (why) => `无法打开地址中的运行记录：${why}。已改为开始新的运行。`,
    notBase64: (character, position) => `其中有 Raftlab 链接不会出现的字符（第 ${position} 位的“${character}”），链接被手动或被某个程序改动过`,
    truncated: (bytes, expected) => `链接不完整（只有 ${f.count(expected)} 字节中的 ${f.count(bytes)} 字节），请复制完整的链接`,
    edited: '链接在生成之后被改动过（校验和不匹配）',
    newerVersion: (version, newest) => `链接由更新版本的 Raftlab 生成（链接版本 ${version}；本应用最多读取版本 ${newest}）`,
    notARun: '其中的内容不是 Raftlab 运行记录',
  },
  fileTooLarge: (fileName, bytes, max) => `“${fileName}”太大，不可能是运行记录文件（${f.size(bytes)}；上限为 ${f.size(max)}），未读取该文件。`,
  runProblem: {
    version: (oldest, newest, got) => `version 应为 ${oldest} 到 ${newest} 之间的整数，即本应用读取的版本（实际为 ${got}）`,
    newerVersion: (newest, got) => `version 最大为 ${newest}，即本应用读取的最新版本；这份运行记录由更新版本的 Raftlab 保存（实际为 ${got}）`,
    annotations: (got) => `annotations 应为对象 { captions, marks, expectations, end, breakpoints }（实际为 ${got}）`,
    annotationList: (field, max, got) => `${field} 应为最多 ${max} 项的数组（实际为 ${got}）`,
    captionItem: (field, got) => `${field} 应为对象 { tick, text }（实际为 ${got}）`,
    markItem: (field, got) => `${field} 应为对象 { tick, name }（实际为 ${got}）`,
    annotationTick: (field, max, got) => `${field} 应为 0 到 ${max} 之间的整数（实际为 ${got}）`,
    annotationText: (field, max, got) => `${field} 应为长度 1 到 ${max} 个字符的字符串（实际为 ${got}）`,
    breakpointItem: (field, got) => `${field} 应为对象 { breakpoint, enabled }（实际为 ${got}）`,
    breakpoint: {
      object: (field, got) => `${field} 应为带有 kind 的对象 { kind, ... }（实际为 ${got}）`,
      kind: (field, kinds, got) => `${field} 应为 ${oneOf(kinds)} 之一（实际为 ${got}）`,
      on: (field, got) => `${field} 应为 "sent" 或 "delivered"（实际为 ${got}）`,
      messageType: (field, types, got) => `${field} 应为 null 或 ${oneOf(types)} 之一（实际为 ${got}）`,
      node: (field, max, got) => `${field} 应为 null 或 1 到 ${max} 之间的节点编号（实际为 ${got}）`,
      reason: (field, reasons, got) => `${field} 应为 null 或 ${oneOf(reasons)} 之一（实际为 ${got}）`,
      tick: (field, got) => `${field} 应为不小于 1 的整数（实际为 ${got}）`,
      enabled: (field, got) => `${field} 应为 true 或 false（实际为 ${got}）`,
    },
    breakpointDuplicate: (field, first, got) => `${field} 与 ${first} 是同一个断点，断点不能重复（实际为 ${got}）`,
    branch: {
      branches: (got) => `branches 应为对象 { active, list }（实际为 ${got}）`,
      list: (field, max, got) => `${field} 应为含 1 到 ${max} 个分支的数组（实际为 ${got}）`,
      item: (field, got) => `${field} 应为对象 { id, name, parent, forkTick, end, actions }（实际为 ${got}）`,
      id: (field, got) => `${field} 应为不小于 1 的整数，且不与其他分支重复（实际为 ${got}）`,
      name: (field, max, got) => `${field} 应为 null 或长度 1 到 ${max} 个字符的字符串（实际为 ${got}）`,
      parent: (field, got) => `${field} 应为 null 或列表中更早一个分支的 id（实际为 ${got}）`,
      tick: (field, max, got) => `${field} 应为 0 到 ${max} 之间的整数（实际为 ${got}）`,
      actions: (field, max, got) => `${field} 应为最多 ${max} 项、按 tick 排序的 { tick, action } 数组（实际为 ${got}）`,
      active: (field, got) => `${field} 应为列表中某个分支的 id（实际为 ${got}）`,
    },
  },
};

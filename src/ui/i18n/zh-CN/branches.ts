/** branches 区域的文字（简体中文）：运行记录的分支。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

export const branches: Messages['branches'] = {
  heading: '分支',
  intro: '在过去的时刻操作不会丢掉后面的记录：这个操作会从该 tick 开出一个新分支。切换分支时停在屏幕上的 tick。',
  picker: '分支',
  defaultName: (id) => `分支 ${id}`,
  option: (name, parent, forkTick, end) => (parent === null ? `${name}（tick 0–${f.count(end)}）` : `${name}：在 tick ${f.count(forkTick)} 从 ${parent} 分出（到 tick ${f.count(end)}）`),
  rename: '重命名分支',
  nameLabel: '分支名称',
  save: '保存名称',
  cancel: '取消',
  delete: '删除分支',
  deleteQuestion: (name) => `删除 ${name}？它离开父分支之后的记录将会丢失。`,
  confirmDelete: '删除',
  onlyOne: '这次运行只有一个分支：在过去的时刻操作即可开出新分支。',
  forked: (to, tick, from) => `${to} 从 tick ${f.count(tick)} 开始；${from} 保留之后的记录。`,
  count: (count, limit) => `已保留 ${f.count(count)} 个分支，最多 ${f.count(limit)} 个。`,
  markLeaves: (name, tick) => `${name} 在此处（tick ${f.count(tick)}）分出：切换到它`,
  markStarts: (name, parent, tick) => `${name} 在此处（tick ${f.count(tick)}）离开 ${parent}`,
};

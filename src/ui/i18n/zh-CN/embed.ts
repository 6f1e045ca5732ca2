/** 嵌入视图（?embed=1）的文字（简体中文）。 */
import type { Messages } from '../messages.ts';

export const embed: Messages['embed'] = {
  openFull: '在 Raftlab 中打开 ↗',
  openFullHint: '在新标签页中打开完整的 Raftlab，沿用这个集群的设置',
};

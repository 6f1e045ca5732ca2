/** 应用框架：标题栏、状态栏、播放控件、帮助与提示条（简体中文）。 */
import type { Messages } from '../messages.ts';

export const app: Messages['app'] = {
  header: {
    tagline: '一个真实的 Raft 集群，逐个 tick 模拟。把它弄坏，看它如何恢复。',
    largeType: '大字体',
    largeTypeHint: '放大所有文字，便于投影（G）',
    darkTheme: '深色主题',
    lightTheme: '浅色主题',
    shortcuts: '键盘快捷键',
  },
};

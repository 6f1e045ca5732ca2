/** lessons 区域的文字（简体中文）：课程列表、字幕栏与提问、演示模式。课程标题见 lesson-titles.ts。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';
import { lessonTitles } from './lesson-titles.ts';

const f = makeFormat('zh-CN');

export const lessons: Messages['lessons'] = {
  items: lessonTitles,
  open: '课程',
  listIntro: '在真实的 Raft 上进行的引导式演示，配有字幕和提问。课程在每一步暂停；点“下一步”继续播放到下一步。结束后，运行保持可操作，供大家自由探索。',
  minutes: (minutes) => `约 ${f.count(minutes)} 分钟`,
  steps: (steps) => `${f.count(steps)} 步`,
  close: '关闭',
  unknown: (id) => `没有名为“${id}”的课程，改为显示课程列表。`,
  caption: '字幕',
  fromText: '课程',
  stepOf: (step, total) => `第 ${f.count(step)} 步，共 ${f.count(total)} 步`,
  notStarted: '点“下一步”开始。',
  playing: '正在播放到下一步…',
  next: '下一步',
  previous: '上一步',
  end: '结束课程',
  finished: '课程结束，运行仍可操作。',
  question: {
    label: '提问',
    choices: '选项',
    node: (id) => `节点 ${id}`,
    freeGuess: '你的猜测',
    submit: '猜',
    guessed: (guess) => `你的猜测：${guess}。点“下一步”继续播放，看看结果。`,
    noGuess: '先猜一猜，再点“下一步”继续播放，看看结果。',
    right: (answer) => `猜对了：${answer}。`,
    wrong: (guess, answer) => `你猜的是 ${guess}；答案是 ${answer}。`,
    answer: (answer) => `答案：${answer}。`,
  },
  presenter: '演示模式',
  leavePresenter: '退出演示模式',
  keysTitle: '课程与演示模式',
  lessonKeys: '打开课程时：PageDown 下一步 · PageUp 上一步。',
  presenterKeys: '演示模式：PageDown、→ 或空格：下一步 · PageUp 或 ←：上一步 · B 或 .：黑屏 · F：全屏 · Esc：退出',
  blanked: '屏幕已黑屏。按 B、. 或 Esc 恢复显示。',
};

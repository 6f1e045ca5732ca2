/**
 * The keyboard map, one place for both the handler and the help overlay. Keys are matched on
 * KeyboardEvent.key; shortcuts never fire while typing in a form field.
 */
export type ShortcutCommand =
  | 'toggle-play'
  | 'step'
  | 'step-back'
  | 'next-event'
  | 'crash-or-restart'
  | 'isolate'
  | 'heal'
  | 'faster'
  | 'slower'
  | 'seek-start'
  | 'seek-end'
  | 'help'
  | 'escape'
  | 'theme'
  | 'select-node';

export interface Shortcut {
  readonly keys: string;
  readonly description: string;
  readonly command: ShortcutCommand;
  readonly match: (key: string) => boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: 'Space', description: 'Play or pause', command: 'toggle-play', match: (key) => key === ' ' },
  { keys: '→', description: 'Step one tick', command: 'step', match: (key) => key === 'ArrowRight' },
  { keys: '←', description: 'Step back one tick', command: 'step-back', match: (key) => key === 'ArrowLeft' },
  { keys: 'N', description: 'Run to the next event', command: 'next-event', match: (key) => key === 'n' || key === 'N' },
  { keys: '1 – 9', description: 'Select node 1 to 9', command: 'select-node', match: (key) => /^[1-9]$/.test(key) },
  { keys: 'C', description: 'Crash the selected node, or restart it if crashed', command: 'crash-or-restart', match: (key) => key === 'c' || key === 'C' },
  { keys: 'I', description: 'Isolate the selected node', command: 'isolate', match: (key) => key === 'i' || key === 'I' },
  { keys: 'H', description: 'Heal the network', command: 'heal', match: (key) => key === 'h' || key === 'H' },
  { keys: '+', description: 'Faster', command: 'faster', match: (key) => key === '+' || key === '=' },
  { keys: '−', description: 'Slower', command: 'slower', match: (key) => key === '-' || key === '_' },
  { keys: 'Home', description: 'Go to the start of the run', command: 'seek-start', match: (key) => key === 'Home' },
  { keys: 'End', description: 'Go to the end of the run', command: 'seek-end', match: (key) => key === 'End' },
  { keys: 'T', description: 'Switch light and dark theme', command: 'theme', match: (key) => key === 't' || key === 'T' },
  { keys: '?', description: 'Show this help', command: 'help', match: (key) => key === '?' },
  { keys: 'Esc', description: 'Close help, clear the selection', command: 'escape', match: (key) => key === 'Escape' },
];

/** Whether a key press comes from somewhere shortcuts must not steal it (typing, a slider, a select). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}

export function commandForKey(key: string): ShortcutCommand | null {
  return shortcuts.find((shortcut) => shortcut.match(key))?.command ?? null;
}

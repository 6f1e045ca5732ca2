/**
 * The keyboard map, one place for both the handler and the help overlay. Keys are matched on
 * KeyboardEvent.key; shortcuts never fire while typing in a form field, nor take a slider's keys.
 * The keys are the same in every language; what each command does is worded in the catalogue
 * (m.app.shortcuts, by command).
 */
export type ShortcutCommand =
  | 'toggle-play'
  | 'step'
  | 'step-back'
  | 'next-event'
  | 'crash-or-restart'
  | 'isolate'
  | 'transfer-leadership'
  | 'heal'
  | 'faster'
  | 'slower'
  | 'seek-start'
  | 'seek-end'
  | 'help'
  | 'escape'
  | 'theme'
  | 'legend'
  | 'large-type'
  | 'select-node';

export interface Shortcut {
  /** The key as the help shows it ("Space", "→", "1 – 9"). */
  readonly keys: string;
  readonly command: ShortcutCommand;
  readonly match: (key: string) => boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: 'Space', command: 'toggle-play', match: (key) => key === ' ' },
  { keys: '→', command: 'step', match: (key) => key === 'ArrowRight' },
  { keys: '←', command: 'step-back', match: (key) => key === 'ArrowLeft' },
  { keys: 'N', command: 'next-event', match: (key) => key === 'n' || key === 'N' },
  { keys: '1 – 9', command: 'select-node', match: (key) => /^[1-9]$/.test(key) },
  { keys: 'C', command: 'crash-or-restart', match: (key) => key === 'c' || key === 'C' },
  { keys: 'I', command: 'isolate', match: (key) => key === 'i' || key === 'I' },
  { keys: 'O', command: 'transfer-leadership', match: (key) => key === 'o' || key === 'O' },
  { keys: 'H', command: 'heal', match: (key) => key === 'h' || key === 'H' },
  { keys: '+', command: 'faster', match: (key) => key === '+' || key === '=' },
  { keys: '−', command: 'slower', match: (key) => key === '-' || key === '_' },
  { keys: 'Home', command: 'seek-start', match: (key) => key === 'Home' },
  { keys: 'End', command: 'seek-end', match: (key) => key === 'End' },
  { keys: 'T', command: 'theme', match: (key) => key === 't' || key === 'T' },
  { keys: 'L', command: 'legend', match: (key) => key === 'l' || key === 'L' },
  { keys: 'G', command: 'large-type', match: (key) => key === 'g' || key === 'G' },
  { keys: '?', command: 'help', match: (key) => key === '?' },
  { keys: 'Esc', command: 'escape', match: (key) => key === 'Escape' },
];

/** The keys a slider moves with; every other key stays a shortcut while a slider has focus. */
const sliderKeys: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
/** Inputs that take no typing: shortcuts keep working while they have focus. */
const untypedInputs: readonly string[] = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'];

/**
 * Whether the focused element needs this key itself, so no shortcut may take it: any key while
 * typing (text fields, selects, editable text), only its own keys on a slider.
 */
export function targetOwnsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  const isSlider = target instanceof HTMLInputElement ? target.type === 'range' : target.getAttribute('role') === 'slider';
  if (isSlider) return sliderKeys.includes(key);
  return target instanceof HTMLInputElement && !untypedInputs.includes(target.type);
}

export function commandForKey(key: string): ShortcutCommand | null {
  return shortcuts.find((shortcut) => shortcut.match(key))?.command ?? null;
}

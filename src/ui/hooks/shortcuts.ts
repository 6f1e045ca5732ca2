/**
 * The keyboard map, one place for both the handler and the help overlay. Keys are matched on
 * KeyboardEvent.key; shortcuts never fire while typing in a form field, nor take a slider's keys.
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
  | 'legend'
  | 'large-type'
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
  { keys: 'L', description: 'Show or hide the legend of the cluster view', command: 'legend', match: (key) => key === 'l' || key === 'L' },
  { keys: 'G', description: 'Large type on or off (for a projector)', command: 'large-type', match: (key) => key === 'g' || key === 'G' },
  { keys: '?', description: 'Show this help', command: 'help', match: (key) => key === '?' },
  { keys: 'Esc', description: 'Close help, clear the selection', command: 'escape', match: (key) => key === 'Escape' },
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

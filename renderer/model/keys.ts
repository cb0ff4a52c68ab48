/**
 * Keyboard shortcuts as a table: `/` search, `j`/`k` move, `Enter` open, `c` checkpoint, `Esc` back,
 * `?` help. Kept apart from the DOM so the mapping is tested and the help overlay lists the same table.
 */
export type KeyAction = 'search' | 'next' | 'previous' | 'open' | 'checkpoint' | 'back' | 'help' | 'settings';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The key went to a text field: typing there must not trigger shortcuts. */
  inTextField: boolean;
}

export const SHORTCUTS: readonly { keys: string[]; action: KeyAction; label: string }[] = [
  { keys: ['/'], action: 'search', label: 'Search sessions' },
  { keys: ['j', 'ArrowDown'], action: 'next', label: 'Next session' },
  { keys: ['k', 'ArrowUp'], action: 'previous', label: 'Previous session' },
  { keys: ['Enter'], action: 'open', label: 'Open the selected session' },
  { keys: ['c'], action: 'checkpoint', label: 'Checkpoint the selected session now' },
  { keys: [','], action: 'settings', label: 'Settings' },
  { keys: ['Escape'], action: 'back', label: 'Back / close' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts' },
];

export function keyAction(press: KeyPress): KeyAction | null {
  // Leave the browser's and the OS's own shortcuts alone.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.inTextField) return press.key === 'Escape' ? 'back' : null;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(press.key))?.action ?? null;
}

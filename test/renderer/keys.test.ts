import { describe, expect, it } from 'vitest';
import { keyAction, SHORTCUTS, type KeyPress } from '../../renderer/model/keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...extra });

describe('keyAction', () => {
  it.each([
    ['/', 'search'],
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['Enter', 'open'],
    ['c', 'checkpoint'],
    ['Escape', 'back'],
    ['?', 'help'],
    [',', 'settings'],
    ['x', null],
  ])('%s → %s', (key, action) => expect(keyAction(press(key))).toBe(action));

  it('leaves typing in a text field alone, except Esc', () => {
    expect(keyAction(press('j', { inTextField: true }))).toBeNull();
    expect(keyAction(press('/', { inTextField: true }))).toBeNull();
    expect(keyAction(press('Escape', { inTextField: true }))).toBe('back');
  });

  it('leaves the browser’s own shortcuts alone', () => {
    expect(keyAction(press('c', { ctrlKey: true }))).toBeNull();
    expect(keyAction(press('k', { metaKey: true }))).toBeNull();
    expect(keyAction(press('j', { altKey: true }))).toBeNull();
  });

  it('lists each key once in the help table', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

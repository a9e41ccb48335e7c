import { describe, expect, it } from 'vitest';
import { keepsNativeKey } from '../../../src/input/index.js';
import { CONTROLS, MODULE_CONTROLS } from '../../../src/presenters/index.js';

describe('which keys the browser keeps for what has the focus', () => {
  it('a focused text panel keeps the keys that scroll it, and only those', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', ' ']) expect(keepsNativeKey(key, 'scroll-region'), key).toBe(true);
    for (const key of ['Enter', 'Escape', 'ArrowLeft', 'ArrowRight', 'c', 'a']) expect(keepsNativeKey(key, 'scroll-region'), key).toBe(false);
  });

  it("a list's row gives Enter to the key map (it acts on the selected row) and keeps Space (it presses the row)", () => {
    expect(keepsNativeKey('Enter', 'list-row')).toBe(false);
    expect(keepsNativeKey(' ', 'list-row')).toBe(true);
    for (const key of ['ArrowUp', 'ArrowDown', 'PageDown']) expect(keepsNativeKey(key, 'list-row'), key).toBe(false);
  });

  it('a button keeps Enter and Space, a field every key but Escape (it closes the dialog), anything else none', () => {
    expect([keepsNativeKey('Enter', 'control'), keepsNativeKey(' ', 'control'), keepsNativeKey('ArrowDown', 'control')]).toEqual([true, true, false]);
    for (const key of ['Enter', ' ', 'a', 'ArrowDown']) expect(keepsNativeKey(key, 'field'), key).toBe(true);
    expect(keepsNativeKey('Escape', 'field')).toBe(false);
    for (const key of ['Enter', ' ', 'PageDown']) expect(keepsNativeKey(key, 'other'), key).toBe(false);
  });

  it('the help lists the keys a focused text panel keeps for scrolling, in the game and in a module', () => {
    for (const rows of [CONTROLS, MODULE_CONTROLS]) {
      const scroll = rows.filter(([, what]) => /scroll/i.test(what) && /focus/i.test(what));
      const keys = scroll.map(([k]) => k).join(', ');
      for (const k of ['Up / Down', 'Page Up / Page Down', 'Home / End']) expect(keys, k).toContain(k);
    }
  });
});

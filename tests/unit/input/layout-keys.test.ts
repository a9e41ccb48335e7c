import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../src/domain/index.js';
import { pressToIntent, type KeyPress } from '../../../src/input/index.js';
import { CONTROLS } from '../../../src/presenters/index.js';

/**
 * The window/level keys on other keyboard layouts (WCAG 2.1.1): [ and ] need AltGr on German, French, Spanish and
 * Nordic keyboards (Option on a Mac), which Windows reports as Ctrl+Alt; the key map must still get them.
 */
const game = (phase: Phase | 'title' = 'reading', screen: 'game' | 'atlas' | 'menu' = 'game') => ({ phase, screen });
const press = (key: string, code: string, mods: Partial<Omit<KeyPress, 'key' | 'code'>> = {}): KeyPress => ({
  key, code, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, altGraph: false, ...mods,
});
/** AltGr as Chrome and Firefox on Windows report it: Ctrl and Alt down, and the AltGraph state. */
const altGr = { ctrlKey: true, altKey: true, altGraph: true } as const;
const win = (step: string, big = false) => ({ type: 'window', step, big });

describe('the window/level keys on non-US keyboard layouts', () => {
  it('a US keyboard keeps its keys and what Shift does', () => {
    expect(pressToIntent(press('[', 'BracketLeft'), game())).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'BracketRight'), game())).toEqual(win('wider'));
    expect(pressToIntent(press(',', 'Comma'), game())).toEqual(win('lower'));
    expect(pressToIntent(press('.', 'Period'), game())).toEqual(win('higher'));
    expect(pressToIntent(press('{', 'BracketLeft', { shiftKey: true }), game())).toEqual(win('narrower', true));
    expect(pressToIntent(press('>', 'Period', { shiftKey: true }), game())).toEqual(win('higher', true));
    expect(pressToIntent(press('ArrowLeft', 'ArrowLeft', { shiftKey: true }), game())).toEqual({ type: 'crosshair', dx: -1, dy: 0, big: true });
    expect(pressToIntent(press('x', 'KeyX'), game())).toEqual({ type: 'markAtCrosshair' });
  });

  it('German (QWERTZ): AltGr+8 / 9 narrow and widen, AltGr+7 / 0 in big steps, as the characters they type', () => {
    expect(pressToIntent(press('[', 'Digit8', altGr), game())).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'Digit9', altGr), game())).toEqual(win('wider'));
    expect(pressToIntent(press('{', 'Digit7', altGr), game())).toEqual(win('narrower', true));
    expect(pressToIntent(press('}', 'Digit0', altGr), game())).toEqual(win('wider', true));
    // In a case's review and in the atlas's example too.
    expect(pressToIntent(press('[', 'Digit8', altGr), game('caseReview'))).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'Digit9', altGr), game('title', 'atlas'))).toEqual(win('wider'));
  });

  it('AltGr as Ctrl+Alt alone (no AltGraph state), as AltGraph alone (Linux) and as Option (a Mac) types the same', () => {
    expect(pressToIntent(press('[', 'Digit8', { ctrlKey: true, altKey: true }), game())).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'Digit9', { altGraph: true }), game())).toEqual(win('wider'));
    // German Mac: Option+5 / 6 type [ ].
    expect(pressToIntent(press('[', 'Digit5', { altKey: true }), game())).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'Digit6', { altKey: true }), game())).toEqual(win('wider'));
  });

  it('German: Shift+, and Shift+. type ; and : there, so the keys where a US keyboard has , . still take big steps', () => {
    expect(pressToIntent(press(',', 'Comma'), game())).toEqual(win('lower'));
    expect(pressToIntent(press('.', 'Period'), game())).toEqual(win('higher'));
    expect(pressToIntent(press(';', 'Comma', { shiftKey: true }), game())).toEqual(win('lower', true));
    expect(pressToIntent(press(':', 'Period', { shiftKey: true }), game())).toEqual(win('higher', true));
    // < has its own key there (no Shift): the big step it names; Shift+< types >.
    expect(pressToIntent(press('<', 'IntlBackslash'), game())).toEqual(win('lower', true));
    expect(pressToIntent(press('>', 'IntlBackslash', { shiftKey: true }), game())).toEqual(win('higher', true));
  });

  it('the keys where a US keyboard has [ ] work when what they type means nothing (ü, å, a dead key, Cyrillic)', () => {
    expect(pressToIntent(press('ü', 'BracketLeft'), game())).toEqual(win('narrower'));
    expect(pressToIntent(press('Ü', 'BracketLeft', { shiftKey: true }), game())).toEqual(win('narrower', true));
    expect(pressToIntent(press('å', 'BracketLeft'), game())).toEqual(win('narrower'));
    expect(pressToIntent(press('Dead', 'BracketRight'), game())).toEqual(win('wider'));
    expect(pressToIntent(press('х', 'BracketLeft'), game())).toEqual(win('narrower'));
    expect(pressToIntent(press('б', 'Comma'), game())).toEqual(win('lower'));
    expect(pressToIntent(press('ю', 'Period'), game())).toEqual(win('higher'));
    // What the key types wins when it means something: German + (where US has ]) zooms.
    expect(pressToIntent(press('+', 'BracketRight'), game())).toEqual({ type: 'zoom', direction: 1 });
    // Where the window keys mean nothing, neither does their place.
    expect(pressToIntent(press('ü', 'BracketLeft'), game('title'))).toBeNull();
    expect(pressToIntent(press('ü', 'BracketLeft'), game('reading', 'menu'))).toBeNull();
  });

  it('French (AZERTY): AltGr+5 and AltGr+) type [ ]; . needs Shift there, which does not make its step big', () => {
    expect(pressToIntent(press('[', 'Digit5', altGr), game())).toEqual(win('narrower'));
    expect(pressToIntent(press(']', 'Minus', altGr), game())).toEqual(win('wider'));
    expect(pressToIntent(press('{', 'Digit4', altGr), game())).toEqual(win('narrower', true));
    expect(pressToIntent(press('}', 'Equal', altGr), game())).toEqual(win('wider', true));
    // , has its own key (where US has M); . is Shift+; (where US has ,): a small step each, < and > the big ones.
    expect(pressToIntent(press(',', 'KeyM'), game())).toEqual(win('lower'));
    expect(pressToIntent(press('.', 'Comma', { shiftKey: true }), game())).toEqual(win('higher'));
    expect(pressToIntent(press('<', 'IntlBackslash'), game())).toEqual(win('lower', true));
    expect(pressToIntent(press('>', 'IntlBackslash', { shiftKey: true }), game())).toEqual(win('higher', true));
    // French Mac: Option+Shift+5 types [ (small), Option+5 types { (big).
    expect(pressToIntent(press('[', 'Digit5', { altKey: true, shiftKey: true }), game())).toEqual(win('narrower'));
    expect(pressToIntent(press('{', 'Digit5', { altKey: true }), game())).toEqual(win('narrower', true));
  });

  it('leaves the browser its shortcuts: Ctrl without Alt, Meta, and Alt or AltGr with a letter, digit, Space or arrow', () => {
    for (const p of [
      press('[', 'BracketLeft', { ctrlKey: true }),
      press(']', 'BracketRight', { ctrlKey: true, shiftKey: true }),
      press('.', 'Period', { ctrlKey: true }),
      press('[', 'BracketLeft', { metaKey: true }),
      press('[', 'Digit8', { ...altGr, metaKey: true }),
      press('ArrowLeft', 'ArrowLeft', { altKey: true }),
      press('d', 'KeyD', { altKey: true }),
      press('x', 'KeyX', { ctrlKey: true, altKey: true }),
      press('4', 'Digit4', { ctrlKey: true, altKey: true }),
      press(' ', 'Space', { altKey: true }),
      press('Enter', 'Enter', { ctrlKey: true }),
      // A character Ctrl+Alt types that means nothing does not fall back to its place (Option+[ on a US Mac types “).
      press('“', 'BracketLeft', { altKey: true }),
      press('ü', 'BracketLeft', altGr),
    ]) expect(pressToIntent(p, game()), JSON.stringify(p)).toBeNull();
  });

  it('the help and its row say AltGr (Option) and the US places', () => {
    const row = CONTROLS.find(([k]) => k === '[ / ] and , / .')?.[1];
    expect(row).toMatch(/AltGr/);
    expect(row).toMatch(/Option/);
    expect(row).toMatch(/US keyboard/);
  });
});

import { keyToIntent, type Intent, type KeyContext } from './keymap.js';

/**
 * A keydown as the key map reads it, on any keyboard layout (WCAG 2.1.1). The key map speaks in characters (`[` narrows
 * the window); on German, French, Spanish and Nordic keyboards [ and ] need AltGr (Option on a Mac), which browsers on
 * Windows report as Ctrl+Alt (with the AltGraph state), so a character is taken as typed when AltGr or Option typed
 * it. A key whose character means nothing (ü, å, a dead key, a Cyrillic letter) where a US keyboard has [ ] , . acts as
 * that US key. The browser keeps Ctrl and Meta shortcuts, and Alt with letters, digits, Space and the named keys.
 */
export interface KeyPress {
  readonly key: string;
  /** The physical key (KeyboardEvent.code), named after a US keyboard; '' when the browser does not say. */
  readonly code: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** getModifierState('AltGraph'). */
  readonly altGraph: boolean;
}

/** The window/level keys' places on a US keyboard, which KeyboardEvent.code names whatever the layout types there. */
const US_CHARACTER: Readonly<Record<string, string>> = { BracketLeft: '[', BracketRight: ']', Comma: ',', Period: '.' };
const US_PLACE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(US_CHARACTER).map(([code, ch]) => [ch, code]));

/** One printable character that is no letter, digit or space: what AltGr or Option types, not a shortcut's key. */
const THIRD_LEVEL = /^[^\p{L}\p{N}\p{Z}\p{C}]$/u;
/** One printable character, or a dead key (an accent waiting for its letter). */
const TYPES_SOMETHING = (key: string): boolean => key === 'Dead' || [...key].length === 1;

/**
 * Whether Shift asks for the bigger step. A layout that needs Shift to type [ ] , . (. on a French keyboard is Shift+;)
 * has used it up on the character, so Shift counts only on the key's US place (or when the browser names no place).
 */
function bigShift(key: string, code: string, shift: boolean): boolean {
  const place = US_PLACE[key];
  return shift && (place === undefined || code === '' || code === place);
}

/** The characters to ask the key map about, in turn, with Shift's meaning; none for a key the browser keeps. */
export function pressedKeys(p: KeyPress): readonly { readonly key: string; readonly shift: boolean }[] {
  if (p.metaKey) return [];
  if (p.altKey || p.altGraph) return THIRD_LEVEL.test(p.key) ? [{ key: p.key, shift: bigShift(p.key, p.code, p.shiftKey) }] : [];
  if (p.ctrlKey) return [];
  const typed = { key: p.key, shift: bigShift(p.key, p.code, p.shiftKey) };
  const us = US_CHARACTER[p.code];
  return us !== undefined && us !== p.key && TYPES_SOMETHING(p.key) ? [typed, { key: us, shift: p.shiftKey }] : [typed];
}

/** The intent of a keydown: what its character means here, else what the US key in its place means. */
export function pressToIntent(p: KeyPress, ctx: KeyContext): Intent | null {
  for (const { key, shift } of pressedKeys(p)) {
    const intent = keyToIntent(key, ctx, { shift });
    if (intent) return intent;
  }
  return null;
}

import { draftCallsFake, hidesPurpose } from '../domain/index.js';
import { atlasOpenNow, type GameStore } from '../store/index.js';
import { pressToIntent } from './key-press.js';
import type { Intent } from './keymap.js';
import { repeats } from './viewer-keys.js';

/**
 * Routes keys to intents from one window listener, so every screen shares one key map. A key pressed while a
 * control has the keyboard focus keeps its native meaning where it has one (Enter and Space press a button, a
 * field takes its typing, the scrolling keys scroll a focused text panel), so a reader who tabs to something gets
 * what it says; everywhere else the key map decides.
 */
export type FocusKind = 'field' | 'control' | 'list-row' | 'scroll-region' | 'other';

/** The keys that scroll a focused panel and have a shortcut somewhere (Home and End have none, so they pass anyway). */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', ' ']);

/** Whether `key` is left to the browser for what has the focus, rather than given to the key map. */
export function keepsNativeKey(key: string, focus: FocusKind): boolean {
  switch (focus) {
    // Escape is no field's own key: it closes the dialog the field is in, as a native <dialog> does.
    case 'field':
      return key !== 'Escape';
    case 'control':
      return key === 'Enter' || key === ' ';
    // The focused row is the selected one (panels/widgets.ts selectionList): Enter is the screen's Enter, which acts on
    // the selected row (in the atlas it drills the tell; pressing the row would only select it again).
    case 'list-row':
      return key === ' ';
    case 'scroll-region':
      return SCROLL_KEYS.has(key);
    case 'other':
      return false;
  }
}

export function focusKind(el: EventTarget | null): FocusKind {
  if (!(el instanceof HTMLElement)) return 'other';
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable) return 'field';
  if (el.tagName === 'BUTTON' || el.tagName === 'A') return el.closest('[data-selection-list]') ? 'list-row' : 'control';
  // The panels make a text that scrolls on its own focusable (tabindex 0) for this alone: to scroll it by keys.
  return el.getAttribute('tabindex') === '0' ? 'scroll-region' : 'other';
}

export function attachKeyboard(store: GameStore, dispatch: (i: Intent) => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (keepsNativeKey(e.key, focusKind(e.target))) return;
    const st = store.getState();
    // key-press.ts decides which modified keys are the browser's and what AltGr and other layouts type.
    const press = {
      key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
      altGraph: e.getModifierState('AltGraph'),
    };
    const intent = pressToIntent(press, {
      phase: st.session?.phase ?? 'title', screen: st.screen.name, error: st.screen.error !== null, module: st.cme.module !== null,
      purposeHidden: st.session !== null && hidesPurpose(st.session),
      atlasBarred: !atlasOpenNow(st),
      signsOpen: st.session?.phase === 'reading' && st.session.config.mode.drill !== undefined && draftCallsFake(st.session),
    });
    if (!intent) return;
    // A held arrow keeps the crosshair moving and a held window key the window; a held toggle would flicker, so other
    // keys act once per press.
    if (e.repeat && !repeats(intent)) return;
    e.preventDefault();
    dispatch(intent);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

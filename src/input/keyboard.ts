import { hidesPurpose } from '../domain/index.js';
import type { GameStore } from '../store/index.js';
import { keyToIntent, type Intent } from './keymap.js';
import { repeats } from './viewer-keys.js';

/**
 * Routes keys to intents from one window listener, so every screen shares one key map. A key pressed while a
 * control has the keyboard focus keeps its native meaning where it has one (Enter and Space press a button, arrows
 * scroll a focused text that scrolls), so a reader who tabs to a button or a long explanation gets what it says.
 */
const NATIVE_ON_BUTTON = new Set(['Enter', ' ']);
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

function scrollsItself(el: HTMLElement, key: string): boolean {
  if (el === document.body || el === document.documentElement) return false;
  const vertical = key === 'ArrowUp' || key === 'ArrowDown';
  return vertical ? el.scrollHeight > el.clientHeight + 1 : el.scrollWidth > el.clientWidth + 1;
}

export function attachKeyboard(store: GameStore, dispatch: (i: Intent) => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    if (target && (target.tagName === 'BUTTON' || target.tagName === 'A') && NATIVE_ON_BUTTON.has(e.key)) return;
    const st = store.getState();
    const intent = keyToIntent(e.key, {
      phase: st.session?.phase ?? 'title', screen: st.screen.name, error: st.screen.error !== null, module: st.cme.module !== null,
      purposeHidden: st.session !== null && hidesPurpose(st.session),
    }, { shift: e.shiftKey });
    if (!intent) return;
    // A held arrow keeps the crosshair moving; a held toggle would flicker, so other keys act once per press.
    if (e.repeat && !repeats(intent)) return;
    // The explanation and the header list scroll with the arrows while they have the focus.
    if (intent.type === 'crosshair' && target && SCROLL_KEYS.has(e.key) && scrollsItself(target, e.key)) return;
    e.preventDefault();
    dispatch(intent);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

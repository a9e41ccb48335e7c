import { hidesPurpose } from '../domain/index.js';
import type { GameStore } from '../store/index.js';
import { keyToIntent, type Intent } from './keymap.js';

/**
 * Routes keys to intents from one window listener, so every screen shares one key map. A key pressed while a
 * control has the keyboard focus keeps its native meaning where it has one (Enter and Space press a button, arrows
 * move in a list), so a reader who tabs to a button gets what the button says.
 */
const NATIVE_ON_BUTTON = new Set(['Enter', ' ']);

export function attachKeyboard(store: GameStore, dispatch: (i: Intent) => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    if (target && (target.tagName === 'BUTTON' || target.tagName === 'A') && NATIVE_ON_BUTTON.has(e.key)) return;
    const st = store.getState();
    const intent = keyToIntent(e.key, {
      phase: st.session?.phase ?? 'title', screen: st.screen.name, error: st.screen.error !== null, module: st.cme.module !== null,
      purposeHidden: st.session !== null && hidesPurpose(st.session),
    });
    if (!intent) return;
    e.preventDefault();
    dispatch(intent);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

import type { GameStore } from '../store/index.js';
import { keyToIntent, type Intent } from './keymap.js';

/** Routes keys to intents from one window listener, so every screen shares one key map. */
export function attachKeyboard(store: GameStore, dispatch: (i: Intent) => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    const st = store.getState();
    const intent = keyToIntent(e.key, { phase: st.session?.phase ?? 'title', menuOpen: st.ui.menuOpen, historyOpen: st.ui.historyOpen, atlasOpen: st.ui.atlasOpen, packsOpen: st.packs.open });
    if (!intent) return;
    e.preventDefault();
    dispatch(intent);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

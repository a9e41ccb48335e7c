import { drillTitle } from '../presenters/index.js';
import type { GameStore } from '../store/index.js';

/**
 * The browser tab's title. An unprompted readiness drill presents a reading exercise (issue 16), so while one is open
 * (its join page or its worklist) the tab must not say "Real or Fake? ... deepfake trainer"; it shows the exercise's
 * name until the debrief, which discloses the purpose.
 */
export function startPageTitle(store: GameStore, doc: Document = document): () => void {
  const plain = doc.title;
  const titleOf = (): string => {
    const st = store.getState();
    const s = st.session;
    if (s?.config.mode.drill && s.config.mode.answer === 'read-and-flag' && s.phase !== 'summary') return drillTitle(s.config.mode);
    if (!s && st.drill.join && !st.drill.join.prompted) return st.drill.join.title;
    return plain;
  };
  const apply = (): void => {
    const t = titleOf();
    if (doc.title !== t) doc.title = t;
  };
  apply();
  return store.subscribe(apply);
}

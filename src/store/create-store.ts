import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { FRESH_HISTORY, FRESH_SCREEN, FRESH_VIEW } from './fresh.js';
import { historySlice, type HistoryActions } from './history-slice.js';
import { cmeSlice, FRESH_CME, type CmeActions } from './module-slice.js';
import { drillActions, FRESH_DRILL, type DrillActions } from './drill-slice.js';
import { FRESH_PACKS, packsActions, type PacksActions } from './packs-slice.js';
import { screenSlice, type ScreenActions } from './screen-slice.js';
import { wantsPause } from './selectors.js';
import { sessionSlice, type SessionActions } from './session-slice.js';
import { loadSettings, settingsSlice, type SettingsActions } from './settings-slice.js';
import { FRESH_TRAINING, trainingActions, type TrainingActions } from './training-slice.js';
import type { GameState, Store, StoreDeps } from './types.js';
import { viewSlice, type ViewActions } from './view-slice.js';

export type GameActions = SessionActions & ViewActions & ScreenActions & HistoryActions & SettingsActions & PacksActions & CmeActions & DrillActions &
  TrainingActions;
export type GameStore = Store<GameState & GameActions>;

/**
 * One vanilla store built from typed slices, a factory per game and per test (zustand's slices and testing guides).
 * Actions turn intents into domain events; the domain computes the next state; the store sets it once.
 */
export function createGameStore(deps: StoreDeps): GameStore {
  const store = createStore<GameState & GameActions>()(
    subscribeWithSelector((set, get) => {
      const session = sessionSlice(get, set, deps);
      return {
        session: null,
        meta: null,
        resumeProgress: null,
        reviewOnly: false,
        view: FRESH_VIEW,
        screen: FRESH_SCREEN,
        history: FRESH_HISTORY,
        settings: loadSettings(deps.settingsStorage),
        packs: FRESH_PACKS,
        cme: FRESH_CME,
        drill: FRESH_DRILL,
        training: FRESH_TRAINING,
        ...session,
        ...viewSlice(get, set, session.noteTool),
        ...screenSlice(get, set),
        ...historySlice(get, set),
        ...settingsSlice(get, set, deps.settingsStorage),
        ...packsActions(get, set),
        ...cmeSlice(get, set),
        ...drillActions(get, set),
        ...trainingActions(get, set),
      };
    }),
  ) as GameStore;
  // The one pause rule: whatever covers a case being read stops its clock (if the mode allows a pause), and the
  // clock runs again when it is uncovered.
  store.subscribe(
    (st) => [wantsPause(st), st.session?.pausedAt ?? null] as const,
    ([want, pausedAt]) => {
      const st = store.getState();
      if (want && pausedAt === null) st.send({ type: 'PAUSE', now: deps.now() });
      else if (!want && pausedAt !== null) st.send({ type: 'RESUME', now: deps.now() });
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  return store;
}

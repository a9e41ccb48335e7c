import { DIFFICULTY_LEVELS, LENS_IDS, VIEW_TOOLS } from '../domain/index.js';
import type {
  ActiveTraining, DashboardState, JoinView, SetupDraft, SetupState, TrainingState,
} from './training-types.js';

/**
 * The training-session slice: plain setters over TrainingState. The use cases (signing, joining, collecting
 * results) live in app/ and set what they computed here once.
 */
export interface TrainingActions {
  patchSetup(p: Partial<SetupState>): void;
  patchDraft(p: Partial<SetupDraft>): void;
  setJoin(j: JoinView | null): void;
  patchJoin(p: Partial<JoinView>): void;
  setActiveTraining(a: ActiveTraining | null): void;
  patchActiveTraining(p: Partial<ActiveTraining>): void;
  patchDashboard(p: Partial<DashboardState>): void;
}

/** The defaults of the setup form: the CLI's (npm run session) and the training mode's (delivery trainingSettings). */
export const FRESH_DRAFT: SetupDraft = {
  address: '', title: '', instructor: '', deck: 'demo', seed: '', rounds: '1', casesPerRound: '20', secondsPerCase: '45', fakePercent: '50',
  feedback: 'after-round', allowPause: false, showScore: true, tools: [...VIEW_TOOLS], lenses: [...LENS_IDS], levels: [...DIFFICULTY_LEVELS],
  order: 'same', pairingId: '', pairingRole: '', expires: '', lrsEndpoint: '', lrsToken: '', lrsTokenExpires: '', lrsActivityBase: '',
};

export const FRESH_DASHBOARD: DashboardState = {
  busy: null, files: 0, session: null, readers: [], group: null, cases: [], missRates: null, prePost: null, refused: [], superseded: [],
  notes: [], localisation: 'none', anonymise: false, projector: false, shown: null, lrsBusy: false, lrsMessage: null,
};

export const FRESH_TRAINING: TrainingState = {
  setup: { draft: FRESH_DRAFT, key: null, busy: false, problem: null, output: null, confirmNewKey: false, bigCode: false },
  join: null,
  active: null,
  dashboard: FRESH_DASHBOARD,
};

export function trainingActions(get: () => { training: TrainingState }, set: (p: { training: TrainingState }) => void): TrainingActions {
  const patch = (p: Partial<TrainingState>): void => set({ training: { ...get().training, ...p } });
  return {
    patchSetup: (p) => patch({ setup: { ...get().training.setup, ...p } }),
    patchDraft: (p) => {
      const setup = get().training.setup;
      // A changed form no longer matches the link shown: the old link stays valid, but it is not this form's.
      patch({ setup: { ...setup, draft: { ...setup.draft, ...p }, problem: null } });
    },
    setJoin: (join) => patch({ join }),
    patchJoin: (p) => {
      const j = get().training.join;
      if (j) patch({ join: { ...j, ...p } });
    },
    setActiveTraining: (active) => patch({ active }),
    patchActiveTraining: (p) => {
      const a = get().training.active;
      if (a) patch({ active: { ...a, ...p } });
    },
    patchDashboard: (p) => patch({ dashboard: { ...get().training.dashboard, ...p } }),
  };
}

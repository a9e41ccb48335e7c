import { createStore, type StoreApi } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import {
  createSession, transition, type CaseHeader, type CaseId, type CaseTruth, type Point, type Rating, type SessionConfig, type SessionEvent,
  type SessionMeta, type SessionState, type StoredSession, type ToolName, WINDOW_PRESETS, type WindowPreset,
} from '../domain/index.js';
import { FRESH_PACKS, packsActions, type PacksActions, type PacksState } from './packs-slice.js';

/**
 * One vanilla store, typed slices, a factory per test (zustand's slices and testing guides). Actions turn intents
 * into domain events; the domain computes the next state; the store sets it once. Pixels never enter the store.
 */
export interface Settings {
  readonly volume: number;
  readonly muted: boolean;
}

export interface SettingsStorage {
  load(): Partial<Settings> | null;
  save(s: Settings): void;
}


export interface ViewState {
  readonly inverted: boolean;
  readonly magnifier: boolean;
  readonly preset: WindowPreset;
  /** Bumped by every preset choice, so choosing the same preset again re-applies it after a manual drag. */
  readonly presetNonce: number;
  /** Bumped by "reset view"; the viewer resets zoom, pan and window when it changes. */
  readonly resetCount: number;
  /** The forensic lens shown instead of the plain image, or null. */
  readonly lens: string | null;
}

export interface UiState {
  readonly menuOpen: boolean;
  readonly helpOpen: boolean;
  readonly tellsVisible: boolean;
  readonly reviewIndex: number;
  readonly compare: 'fake' | 'original';
  /** Flicker compare: the review alternates fake and original on its own. */
  readonly flicker: boolean;
  /** The results and history screen, and whether "delete my data" awaits confirmation. */
  readonly historyOpen: boolean;
  readonly confirmDelete: boolean;
  /** The reader-study figures of the round under review. */
  readonly figuresOpen: boolean;
  /** A past session opened from the history: review only, nothing is answered or saved. */
  readonly reviewOnly: boolean;
  /** The highlighted row of the history list. */
  readonly historyIndex: number;
  /** The artifact atlas, and which entry it shows. */
  readonly atlasOpen: boolean;
  readonly atlasIndex: number;
  /** The header panel, and the header of the case on screen (set by the case flow; small text, not pixels). */
  readonly headerOpen: boolean;
  readonly header: CaseHeader | null;
  readonly error: string | null;
}

/** Where the current session stands in local storage, and the past sessions for the history screen. */
export interface HistoryState {
  readonly meta: SessionMeta | null;
  /** When each answer of the current session was given (epoch ms), aligned with session.records. */
  readonly answeredAt: readonly number[];
  /** After a reload: the case that was on screen; it is shown again and recorded as interrupted. */
  readonly interruptedCaseId: CaseId | null;
  readonly past: readonly StoredSession[];
}

export interface GameState {
  readonly session: SessionState | null;
  readonly history: HistoryState;
  readonly settings: Settings;
  readonly view: ViewState;
  readonly ui: UiState;
  readonly packs: PacksState;
}

export interface GameActions extends PacksActions {
  startSession(config: SessionConfig, meta?: SessionMeta): void;
  resumeSession(state: SessionState, meta: SessionMeta, answeredAt: readonly number[], interruptedCaseId: CaseId | null): void;
  noteTool(tool: ToolName): void;
  setPastSessions(past: readonly StoredSession[]): void;
  quitSession(): void;
  send(event: SessionEvent): void;
  startRound(): void;
  caseShown(truth: CaseTruth): void;
  tick(): void;
  answer(rating: Rating): void;
  toggleMark(point: Point, tolerancePx: number): void;
  next(): void;
  continueSession(): void;
  setVolume(v: number): void;
  toggleMute(): void;
  toggleInvert(): void;
  toggleMagnifier(): void;
  toggleLens(lens: string): void;
  setPreset(p: WindowPreset): void;
  cyclePreset(): void;
  resetView(): void;
  setMenuOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  toggleTells(): void;
  setReviewIndex(i: number): void;
  toggleCompare(): void;
  toggleFlicker(): void;
  setHistoryOpen(open: boolean): void;
  setConfirmDelete(on: boolean): void;
  setFiguresOpen(open: boolean): void;
  setHistoryIndex(i: number): void;
  setAtlasOpen(open: boolean): void;
  setAtlasIndex(i: number): void;
  toggleHeader(): void;
  setHeader(h: CaseHeader | null): void;
  reviewPastSession(state: SessionState): void;
  setError(message: string | null): void;
}

export type GameStore = StoreApi<GameState & GameActions> & {
  subscribe: StoreApi<GameState & GameActions>['subscribe'] & {
    <U>(selector: (s: GameState & GameActions) => U, listener: (u: U, prev: U) => void, opts?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean }): () => void;
  };
};

export interface StoreDeps {
  readonly now: () => number;
  readonly settingsStorage?: SettingsStorage;
}

const FRESH_HISTORY: HistoryState = { meta: null, answeredAt: [], interruptedCaseId: null, past: [] };
const DEFAULT_SETTINGS: Settings = { volume: 0.6, muted: false };
const FRESH_VIEW: ViewState = { inverted: false, magnifier: false, preset: 'default', presetNonce: 0, resetCount: 0, lens: null };
const FRESH_UI: UiState = { menuOpen: false, helpOpen: false, tellsVisible: true, reviewIndex: 0, compare: 'fake', flicker: false, historyOpen: false, confirmDelete: false, figuresOpen: false, reviewOnly: false, historyIndex: 0, atlasOpen: false, atlasIndex: 0, headerOpen: false, header: null, error: null };

function loadSettings(storage: SettingsStorage | undefined): Settings {
  const raw = storage?.load() ?? null;
  const volume = typeof raw?.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : DEFAULT_SETTINGS.volume;
  const muted = typeof raw?.muted === 'boolean' ? raw.muted : DEFAULT_SETTINGS.muted;
  return { volume, muted };
}

export function createGameStore(deps: StoreDeps): GameStore {
  return createStore<GameState & GameActions>()(
    subscribeWithSelector((set, get) => {
      const send = (event: SessionEvent): void => {
        const s = get().session;
        if (!s) return;
        const next = transition(s, event);
        if (next !== s) set({ session: next });
      };
      const saveSettings = (settings: Settings): void => {
        set({ settings });
        deps.settingsStorage?.save(settings);
      };
      const setView = (patch: Partial<ViewState>): void => set({ view: { ...get().view, ...patch } });
      const setUi = (patch: Partial<UiState>): void => set({ ui: { ...get().ui, ...patch } });
      return {
        session: null,
        history: FRESH_HISTORY,
        settings: loadSettings(deps.settingsStorage),
        view: FRESH_VIEW,
        ui: FRESH_UI,
        packs: FRESH_PACKS,
        ...packsActions(get, set),
        startSession: (config, meta) =>
          set({
            session: createSession(config),
            view: FRESH_VIEW,
            ui: FRESH_UI,
            history: { ...get().history, meta: meta ?? { id: `${config.deckId}-${config.seed}-${deps.now()}`, startedAt: deps.now() }, answeredAt: [], interruptedCaseId: null },
          }),
        resumeSession: (state, meta, answeredAt, interruptedCaseId) =>
          set({ session: state, view: FRESH_VIEW, ui: FRESH_UI, history: { ...get().history, meta, answeredAt, interruptedCaseId } }),
        noteTool: (tool) => send({ type: 'TOOL_USED', tool }),
        setPastSessions: (past) => set({ history: { ...get().history, past } }),
        quitSession: () => set({ session: null, ui: FRESH_UI, history: { ...get().history, meta: null, answeredAt: [], interruptedCaseId: null } }),
        send,
        startRound: () => {
          send({ type: 'START_ROUND' });
          setUi({ reviewIndex: 0, compare: 'fake', tellsVisible: true });
        },
        caseShown: (truth) => {
          const s = get().session;
          const h = get().history;
          const interrupted = s !== null && h.interruptedCaseId !== null && s.config.rounds[s.round]?.[s.caseIndex] === h.interruptedCaseId;
          send({ type: 'CASE_SHOWN', now: deps.now(), truth, interrupted });
          if (interrupted) set({ history: { ...get().history, interruptedCaseId: null } });
        },
        tick: () => {
          const before = get().session?.records.length ?? 0;
          send({ type: 'TICK', now: deps.now() });
          if ((get().session?.records.length ?? 0) > before) set({ history: { ...get().history, answeredAt: [...get().history.answeredAt, deps.now()] } });
        },
        answer: (rating) => {
          const before = get().session?.records.length ?? 0;
          send({ type: 'ANSWER', rating, now: deps.now() });
          if ((get().session?.records.length ?? 0) > before) set({ history: { ...get().history, answeredAt: [...get().history.answeredAt, deps.now()] } });
        },
        toggleMark: (point, tolerancePx) => send({ type: 'TOGGLE_MARK', point, tolerancePx }),
        next: () => {
          send({ type: 'NEXT' });
          setView({ ...FRESH_VIEW, resetCount: get().view.resetCount + 1, magnifier: get().view.magnifier });
        },
        continueSession: () => {
          const s = get().session;
          if (get().ui.reviewOnly && s?.phase === 'roundReview') {
            // Reviewing a past session: on to the next round that has answers, then its summary.
            let r = s.round + 1;
            while (r < s.config.rounds.length && !s.records.some((rec) => rec.round === r)) r++;
            set({ session: r < s.config.rounds.length ? { ...s, round: r } : { ...s, phase: 'summary' } });
            setUi({ reviewIndex: 0, compare: 'fake', flicker: false, figuresOpen: false });
            return;
          }
          send({ type: 'CONTINUE' });
          setUi({ reviewIndex: 0, compare: 'fake', flicker: false, figuresOpen: false });
        },
        setVolume: (v) => saveSettings({ ...get().settings, volume: Math.min(1, Math.max(0, v)) }),
        toggleMute: () => saveSettings({ ...get().settings, muted: !get().settings.muted }),
        toggleInvert: () => {
          setView({ inverted: !get().view.inverted });
          send({ type: 'TOOL_USED', tool: 'invert' });
        },
        toggleMagnifier: () => {
          setView({ magnifier: !get().view.magnifier });
          send({ type: 'TOOL_USED', tool: 'magnifier' });
        },
        toggleLens: (lens) => {
          setView({ lens: get().view.lens === lens ? null : lens });
          send({ type: 'TOOL_USED', tool: 'lens' });
        },
        setPreset: (preset) => {
          setView({ preset, presetNonce: get().view.presetNonce + 1 });
          send({ type: 'TOOL_USED', tool: 'preset' });
        },
        cyclePreset: () => {
          const i = WINDOW_PRESETS.indexOf(get().view.preset);
          setView({ preset: WINDOW_PRESETS[(i + 1) % WINDOW_PRESETS.length] as WindowPreset, presetNonce: get().view.presetNonce + 1 });
          send({ type: 'TOOL_USED', tool: 'preset' });
        },
        resetView: () => {
          setView({ inverted: false, preset: 'default', resetCount: get().view.resetCount + 1 });
          send({ type: 'TOOL_USED', tool: 'reset' });
        },
        setMenuOpen: (open) => {
          const s = get().session;
          if (s?.phase === 'reading') send(open ? { type: 'PAUSE', now: deps.now() } : { type: 'RESUME', now: deps.now() });
          setUi({ menuOpen: open, helpOpen: open ? get().ui.helpOpen : false });
        },
        setHelpOpen: (open) => setUi({ helpOpen: open }),
        toggleTells: () => setUi({ tellsVisible: !get().ui.tellsVisible }),
        setReviewIndex: (i) => setUi({ reviewIndex: i, compare: 'fake', flicker: false }),
        setHistoryOpen: (open) => {
          const s = get().session;
          if (s?.phase === 'reading' && open !== get().ui.historyOpen) send(open ? { type: 'PAUSE', now: deps.now() } : { type: 'RESUME', now: deps.now() });
          setUi({ historyOpen: open, confirmDelete: false });
        },
        setConfirmDelete: (on) => setUi({ confirmDelete: on }),
        setFiguresOpen: (open) => setUi({ figuresOpen: open }),
        setHistoryIndex: (i) => setUi({ historyIndex: i }),
        setAtlasOpen: (open) => {
          const s = get().session;
          if (s?.phase === 'reading' && open !== get().ui.atlasOpen) send(open ? { type: 'PAUSE', now: deps.now() } : { type: 'RESUME', now: deps.now() });
          setUi({ atlasOpen: open, compare: 'fake', flicker: false, menuOpen: false, historyOpen: false });
        },
        toggleHeader: () => setUi({ headerOpen: !get().ui.headerOpen }),
        setHeader: (header) => setUi({ header }),
        setAtlasIndex: (i) => setUi({ atlasIndex: i, compare: 'fake', flicker: false }),
        reviewPastSession: (state) =>
          set({
            session: state,
            view: FRESH_VIEW,
            ui: { ...FRESH_UI, reviewOnly: true },
            history: { ...get().history, meta: null, answeredAt: [], interruptedCaseId: null },
          }),
        toggleFlicker: () => setUi({ flicker: !get().ui.flicker, compare: 'fake' }),
        toggleCompare: () => setUi({ compare: get().ui.compare === 'fake' ? 'original' : 'fake' }),
        setError: (error) => {
          // An error covers the image, so it stops the clock while it is shown.
          if (get().session?.phase === 'reading' && (error === null) !== (get().ui.error === null)) {
            send(error ? { type: 'PAUSE', now: deps.now() } : { type: 'RESUME', now: deps.now() });
          }
          setUi({ error });
        },
      };
    }),
  ) as GameStore;
}

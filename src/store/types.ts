import type { StoreApi } from 'zustand/vanilla';
import type { CaseHeader, OpenCaseProgress, SessionMeta, SessionState, StoredSession, WindowPreset } from '../domain/index.js';
import type { CmeState } from './module-slice.js';
import type { DrillSliceState } from './drill-slice.js';
import type { PacksState } from './packs-slice.js';
import type { TrainingState } from './training-types.js';

/**
 * The game's state, one slice per concern (zustand's slices pattern): the session, the viewer and its tools, the
 * screen, the history, the settings and the case packs. Holds ids and small metadata, never pixels.
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

/** The training-session screens (issue 14): the instructor's setup, a resident's join page, the debrief dashboard. */
export const TRAINING_SCREENS = ['session-setup', 'session-join', 'dashboard'] as const;
export type TrainingScreen = (typeof TRAINING_SCREENS)[number];

/**
 * The screen on top. One value, so impossible combinations (help and history open at once) cannot be stored.
 * 'game' is the title screen or the session's own screen; the others cover it. `back` is where closing returns.
 */
export const SCREENS = ['game', 'menu', 'help', 'history', 'figures', 'atlas', 'packs', 'module-builder', 'drill-report', ...TRAINING_SCREENS] as const;
export type ScreenName = (typeof SCREENS)[number];

export interface ReviewView {
  /** The case shown in a review, as an index into the reviewed round's records. */
  readonly index: number;
  readonly tellsVisible: boolean;
  readonly compare: 'fake' | 'original';
  /** Flicker compare: the review alternates fake and original on its own. */
  readonly flicker: boolean;
}

export interface ScreenState {
  readonly name: ScreenName;
  readonly back: ScreenName | null;
  /** A message covering everything until dismissed. */
  readonly error: string | null;
  /** The DICOM header panel beside the image, and the header of the case on screen (small text, not pixels). */
  readonly headerOpen: boolean;
  readonly header: CaseHeader | null;
  readonly review: ReviewView;
  readonly atlasIndex: number;
}

export interface HistoryState {
  readonly past: readonly StoredSession[];
  /** The highlighted row of the history list. */
  readonly index: number;
  /** "Delete my data" awaits its confirmation. */
  readonly confirmDelete: boolean;
}

export interface SessionSliceState {
  readonly session: SessionState | null;
  /** Where the current session stands in local storage; null when nothing is saved (review of a past session). */
  readonly meta: SessionMeta | null;
  /** After a reload: what the case that was on screen had (time spent, marks, rating); used once when it is shown. */
  readonly resumeProgress: { readonly caseId: string; readonly progress: OpenCaseProgress } | null;
  /** A past session opened from the history: review only, nothing is answered or saved. */
  readonly reviewOnly: boolean;
}

export interface GameState extends SessionSliceState {
  readonly view: ViewState;
  readonly screen: ScreenState;
  readonly history: HistoryState;
  readonly settings: Settings;
  readonly packs: PacksState;
  /** The CME module's pages and the coordinator's module builder (module-slice.ts). */
  readonly cme: CmeState;
  /** Readiness drills: the signed drill's join page and the lead's drill report. */
  readonly drill: DrillSliceState;
  readonly training: TrainingState;
}

export interface StoreDeps {
  readonly now: () => number;
  readonly settingsStorage?: SettingsStorage;
}

export type SetState<T> = (partial: Partial<T>) => void;
export type GetState<T> = () => T;

export type Store<T> = StoreApi<T> & {
  subscribe: StoreApi<T>['subscribe'] & (<U>(selector: (s: T) => U, listener: (u: U, prev: U) => void, opts?: { equalityFn?: (a: U, b: U) => boolean; fireImmediately?: boolean }) => () => void);
};

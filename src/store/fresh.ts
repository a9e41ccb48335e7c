import type { HistoryState, ReviewView, ScreenState, Settings, ViewState } from './types.js';

/** The starting value of each slice. */
export const FRESH_VIEW: ViewState = { inverted: false, magnifier: false, preset: 'default', presetNonce: 0, resetCount: 0, lens: null };
export const FRESH_REVIEW: ReviewView = { index: 0, tellsVisible: true, compare: 'fake', flicker: false };
export const FRESH_SCREEN: ScreenState = { name: 'game', back: null, error: null, headerOpen: false, header: null, review: FRESH_REVIEW, atlasIndex: 0 };
export const FRESH_HISTORY: HistoryState = { past: [], index: 0, confirmDelete: false };
export const DEFAULT_SETTINGS: Settings = { volume: 0.6, muted: false };

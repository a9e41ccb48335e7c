import type { CaseHeader } from '../domain/index.js';
import { FRESH_REVIEW } from './fresh.js';
import type { GameState, GetState, ScreenName, SetState } from './types.js';

/** Which screen is on top, the error message, the header panel and the review's and atlas's selection. */
export interface ScreenActions {
  /** Opens a screen over the current one; closing it returns to `back` (the menu, for help opened from the menu). */
  openScreen(name: ScreenName): void;
  /** Closes the screen on top. */
  closeScreen(): void;
  setError(message: string | null): void;
  toggleHeader(): void;
  setHeader(h: CaseHeader | null): void;
  setReviewIndex(i: number): void;
  toggleTells(): void;
  toggleCompare(): void;
  toggleFlicker(): void;
  setAtlasIndex(i: number): void;
}

export function screenSlice(get: GetState<GameState>, set: SetState<GameState>): ScreenActions {
  const patch = (p: Partial<GameState['screen']>): void => set({ screen: { ...get().screen, ...p } });
  const review = (p: Partial<GameState['screen']['review']>): void => patch({ review: { ...get().screen.review, ...p } });
  return {
    openScreen: (name) => {
      const cur = get().screen.name;
      if (cur === name) return;
      // Only the menu is returned to: a screen opened from another screen (not the menu) replaces it.
      const back = name === 'game' ? null : cur === 'menu' ? 'menu' : null;
      patch({ name, back, ...(name === 'atlas' || cur === 'atlas' ? { review: { ...get().screen.review, compare: 'fake', flicker: false } } : {}) });
    },
    closeScreen: () => {
      const { name, back } = get().screen;
      if (name === 'game') return;
      patch({ name: back ?? 'game', back: null, ...(name === 'atlas' ? { review: { ...get().screen.review, compare: 'fake', flicker: false } } : {}) });
    },
    setError: (error) => patch({ error }),
    toggleHeader: () => patch({ headerOpen: !get().screen.headerOpen }),
    setHeader: (header) => patch({ header }),
    setReviewIndex: (index) => review({ index, compare: 'fake', flicker: false }),
    toggleTells: () => review({ tellsVisible: !get().screen.review.tellsVisible }),
    toggleCompare: () => review({ compare: get().screen.review.compare === 'fake' ? 'original' : 'fake' }),
    toggleFlicker: () => review({ flicker: !get().screen.review.flicker, compare: 'fake' }),
    setAtlasIndex: (atlasIndex) => patch({ atlasIndex, review: { ...FRESH_REVIEW, tellsVisible: get().screen.review.tellsVisible } }),
  };
}

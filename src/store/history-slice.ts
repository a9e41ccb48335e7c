import type { StoredSession } from '../domain/index.js';
import type { GameState, GetState, SetState } from './types.js';

/** The past sessions shown in results and history, the highlighted row, and the delete confirmation. */
export interface HistoryActions {
  setPastSessions(past: readonly StoredSession[]): void;
  setHistoryIndex(i: number): void;
  setConfirmDelete(on: boolean): void;
}

export function historySlice(get: GetState<GameState>, set: SetState<GameState>): HistoryActions {
  const patch = (p: Partial<GameState['history']>): void => set({ history: { ...get().history, ...p } });
  return {
    setPastSessions: (past) => patch({ past, index: Math.min(get().history.index, Math.max(0, past.length - 1)) }),
    setHistoryIndex: (i) => patch({ index: Math.max(0, Math.min(i, get().history.past.length - 1)) }),
    setConfirmDelete: (confirmDelete) => patch({ confirmDelete }),
  };
}

import { lensAllowed, toolAllowed, WINDOW_PRESETS, type GameMode, type ToolName, type WindowPreset } from '../domain/index.js';
import type { GameState, GetState, SetState, ViewState } from './types.js';

/**
 * The viewer's tools. A mode may withhold tools and lenses: an action for one it does not allow changes nothing.
 * Outside a session (title screen, atlas) every tool is allowed.
 */
export interface ViewActions {
  toggleInvert(): void;
  toggleMagnifier(): void;
  toggleLens(lens: string): void;
  setPreset(p: WindowPreset): void;
  cyclePreset(): void;
  resetView(): void;
}

export function viewSlice(get: GetState<GameState>, set: SetState<GameState>, noteTool: (t: ToolName) => void): ViewActions {
  const mode = (): GameMode | null => get().session?.config.mode ?? null;
  const may = (tool: string): boolean => {
    const m = mode();
    return m === null || get().screen.name === 'atlas' || toolAllowed(m, tool);
  };
  const setView = (patch: Partial<ViewState>, tool: ToolName): void => {
    set({ view: { ...get().view, ...patch } });
    noteTool(tool);
  };
  return {
    toggleInvert: () => may('invert') && setView({ inverted: !get().view.inverted }, 'invert'),
    toggleMagnifier: () => may('magnifier') && setView({ magnifier: !get().view.magnifier }, 'magnifier'),
    toggleLens: (lens) => {
      const m = mode();
      if (m && get().screen.name !== 'atlas' && !lensAllowed(m, lens)) return;
      setView({ lens: get().view.lens === lens ? null : lens }, 'lens');
    },
    setPreset: (preset) => may('preset') && setView({ preset, presetNonce: get().view.presetNonce + 1 }, 'preset'),
    cyclePreset: () => {
      if (!may('preset')) return;
      const i = WINDOW_PRESETS.indexOf(get().view.preset);
      setView({ preset: WINDOW_PRESETS[(i + 1) % WINDOW_PRESETS.length] as WindowPreset, presetNonce: get().view.presetNonce + 1 }, 'preset');
    },
    resetView: () => setView({ inverted: false, preset: 'default', resetCount: get().view.resetCount + 1 }, 'reset'),
  };
}

import { DEFAULT_SETTINGS } from './fresh.js';
import type { GameState, GetState, SetState, Settings, SettingsStorage } from './types.js';

/** Volume and mute, saved through the storage port the composition root gives (localStorage in the browser). */
export interface SettingsActions {
  setVolume(v: number): void;
  toggleMute(): void;
}

export function loadSettings(storage: SettingsStorage | undefined): Settings {
  const raw = storage?.load() ?? null;
  const volume = typeof raw?.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : DEFAULT_SETTINGS.volume;
  const muted = typeof raw?.muted === 'boolean' ? raw.muted : DEFAULT_SETTINGS.muted;
  return { volume, muted };
}

export function settingsSlice(get: GetState<GameState>, set: SetState<GameState>, storage: SettingsStorage | undefined): SettingsActions {
  const save = (settings: Settings): void => {
    set({ settings });
    storage?.save(settings);
  };
  return {
    setVolume: (v) => save({ ...get().settings, volume: Math.min(1, Math.max(0, Math.round(v * 100) / 100)) }),
    toggleMute: () => save({ ...get().settings, muted: !get().settings.muted }),
  };
}

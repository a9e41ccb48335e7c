import type { Settings, SettingsStorage } from '../store/index.js';

/** Volume and mute persist in localStorage. Storage that refuses (private mode, quota) degrades to this session only. */
export function localSettingsStorage(key: string): SettingsStorage {
  return {
    load: () => {
      try {
        const raw = window.localStorage.getItem(key);
        return raw ? (JSON.parse(raw) as Partial<Settings>) : null;
      } catch {
        return null;
      }
    },
    save: (s) => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ volume: s.volume, muted: s.muted }));
      } catch {
        // Settings then last for this visit only; nothing else depends on them.
      }
    },
  };
}

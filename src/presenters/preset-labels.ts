import type { WindowPreset } from '../domain/index.js';

/** Button labels of the window presets. */
export const PRESET_LABELS: Readonly<Record<WindowPreset, string>> = {
  default: 'Default',
  wide: 'Wide',
  narrow: 'Narrow',
  bone: 'Bone',
  grain: 'Grain',
};

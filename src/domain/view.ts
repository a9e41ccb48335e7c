/** The viewer's window presets, in the order P cycles through them (names only; the values live in viewer/presets.ts). */
export const WINDOW_PRESETS = ['default', 'wide', 'narrow', 'bone', 'grain'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

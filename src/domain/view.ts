/** The viewer's window presets, in the order P cycles through them (names only; the values live in viewer/presets.ts). */
export const WINDOW_PRESETS = ['default', 'wide', 'narrow', 'bone', 'grain'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

/** Viewer tools a mode may allow or withhold (reset is always allowed). */
export const VIEW_TOOLS = ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset'] as const;
export type ViewTool = (typeof VIEW_TOOLS)[number];

/** The forensic lenses by id; their computation and words live in lenses/registry.ts, which is checked against this. */
export const LENS_IDS = ['noise', 'variance', 'spectrum', 'flip', 'ela'] as const;
export type LensId = (typeof LENS_IDS)[number];

/** The window/level keys: a narrower or wider window, a lower or higher centre (the values: viewer/presets.ts stepVoi). */
export const WINDOW_STEPS = ['narrower', 'wider', 'lower', 'higher'] as const;
export type WindowStep = (typeof WINDOW_STEPS)[number];

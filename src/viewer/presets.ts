import type { WindowPreset } from '../domain/index.js';

/**
 * Window presets relative to the image's own default VOI (DICOM PS3.3 C.11.2), so they suit any processed
 * radiograph, simulated or a department's: wide for the overview, narrow and grain to hunt texture and noise,
 * bone to bring out cortex and trabeculae (bright in MONOCHROME2).
 */
export interface Voi {
  readonly windowCenter: number;
  readonly windowWidth: number;
}


export function presetVoi(preset: WindowPreset, base: Voi, maxValue: number): Voi {
  const { windowCenter: c, windowWidth: w } = base;
  const clampW = (x: number): number => Math.max(2, Math.min(x, maxValue + 1));
  switch (preset) {
    case 'default':
      return base;
    case 'wide':
      return { windowCenter: c, windowWidth: clampW(w * 2) };
    case 'narrow':
      return { windowCenter: c, windowWidth: clampW(w * 0.45) };
    case 'bone':
      return { windowCenter: c + w * 0.2, windowWidth: clampW(w * 0.55) };
    case 'grain':
      return { windowCenter: c, windowWidth: clampW(w * 0.12) };
  }
}

/** Window/level drag: horizontal widens the window, vertical moves the level (cornerstone-tools' WWWC convention). */
export function dragVoi(voi: Voi, dx: number, dy: number, maxValue: number): Voi {
  const perPixel = (maxValue + 1) / 800;
  return {
    windowWidth: Math.max(2, Math.min(voi.windowWidth + dx * perPixel * 2, (maxValue + 1) * 2)),
    windowCenter: Math.max(-maxValue, Math.min(voi.windowCenter + dy * perPixel, maxValue * 2)),
  };
}

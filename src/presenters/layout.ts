import type { Rect } from '../viewer/index.js';

/** Screen layout from the window size: a top bar, the viewer, and a side panel (or a bottom panel when narrow). */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly topBar: Rect;
  readonly viewer: Rect;
  readonly panel: Rect;
  readonly narrow: boolean;
}

export const TOP_BAR_HEIGHT = 64;
export const PANEL_WIDTH = 360;
const GAP = 10;

export function computeLayout(width: number, height: number): Layout {
  const w = Math.max(320, Math.floor(width));
  const h = Math.max(320, Math.floor(height));
  const topBar = { x: 0, y: 0, width: w, height: TOP_BAR_HEIGHT };
  const narrow = w < 900;
  if (!narrow) {
    const panel = { x: w - PANEL_WIDTH, y: TOP_BAR_HEIGHT, width: PANEL_WIDTH, height: h - TOP_BAR_HEIGHT };
    const viewer = { x: GAP, y: TOP_BAR_HEIGHT + GAP, width: w - PANEL_WIDTH - 2 * GAP, height: h - TOP_BAR_HEIGHT - 2 * GAP };
    return { width: w, height: h, topBar, viewer, panel, narrow };
  }
  const panelH = Math.min(300, Math.floor(h * 0.42));
  const panel = { x: 0, y: h - panelH, width: w, height: panelH };
  const viewer = { x: GAP, y: TOP_BAR_HEIGHT + GAP, width: w - 2 * GAP, height: h - TOP_BAR_HEIGHT - panelH - 2 * GAP };
  return { width: w, height: h, topBar, viewer, panel, narrow };
}

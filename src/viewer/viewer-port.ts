import type { Point } from '../domain/index.js';
import type { WindowPreset, WindowStep } from '../domain/index.js';
import type { Voi } from './presets.js';
import type { Edge, Size } from './viewport-math.js';

/** What the rest of the game needs from the image viewer; cornerstone stays behind this port. */
export interface OverlayPolygon {
  readonly points: readonly Point[];
  readonly label: string;
}
export interface OverlayMark {
  readonly point: Point;
  /** undefined while reading; true/false in review (inside a tell region or not). */
  readonly hit?: boolean;
}
export interface Overlay {
  readonly polygons: readonly OverlayPolygon[];
  readonly marks: readonly OverlayMark[];
}

export interface ViewerSnapshot {
  readonly imageId: string | null;
  readonly voi: Voi | null;
  readonly scale: number;
  readonly inverted: boolean;
}

/** What the viewer's keys did, for the status line (directors/viewer-words.ts). */
export type ViewerKeyEvent =
  | {
    readonly kind: 'crosshair';
    readonly change: 'shown' | 'moved' | 'hidden';
    /** In image pixels. */
    readonly point: Point;
    readonly image: Size;
    /** Set when a move went nowhere. */
    readonly edge: Edge | null;
    readonly loupe: boolean;
  }
  | { readonly kind: 'zoom'; readonly direction: 1 | -1; readonly scale: number; readonly fitScale: number; readonly atLimit: boolean }
  /** A window/level key: the window after it, and whether the step was refused at a limit. */
  | { readonly kind: 'window'; readonly step: WindowStep; readonly voi: Voi; readonly atLimit: boolean };

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ViewerPort {
  /**
   * Displays an image; resolves once it has been drawn. keepViewport keeps zoom, pan and window when the image on
   * screen is of the same case (compare, flicker, a lens); an image of another case is always fitted to the window.
   */
  show(imageId: string, opts?: { keepViewport?: boolean }): Promise<void>;
  clear(): void;
  setInvert(inverted: boolean): void;
  setPreset(preset: WindowPreset): void;
  resetView(): void;
  setMagnifier(on: boolean): void;
  setOverlay(overlay: Overlay | null): void;
  /** A click without drag on the image: the point in image pixels. Returns an unsubscribe function. */
  onMark(cb: (p: Point) => void): () => void;
  /** Window/level, zoom or pan by hand. Returns an unsubscribe function. */
  onToolUsed(cb: (tool: 'windowLevel' | 'zoom' | 'pan') => void): () => void;
  /** Called after every render with the viewer's state (for the status line and tests of tools). */
  onRender(cb: (s: ViewerSnapshot) => void): () => void;
  setBounds(r: Rect): void;
  setVisible(visible: boolean): void;
  /** The hand tools the mode allows, by mouse or by key; a withheld one does nothing (a click or X still marks). */
  setMouseTools(tools: readonly ('windowLevel' | 'zoom' | 'pan')[]): void;
  /**
   * The keyboard crosshair: the first call shows it (at the view's centre the first time), later ones move it by
   * steps (big: larger ones) and pan a zoomed view to keep it in sight. A new image or the mouse hides it.
   */
  moveCrosshair(dx: -1 | 0 | 1, dy: -1 | 0 | 1, big: boolean): void;
  /** A mark at the crosshair, through onMark as a click (only shows the crosshair when it was hidden). */
  markAtCrosshair(): void;
  /** Zoom in (1) or out (-1) about the crosshair, or the view's centre when it is hidden. */
  zoom(direction: 1 | -1): void;
  hideCrosshair(): void;
  /** One window/level step by key (big: larger), within the image's values, through the mode's window/level rule. */
  stepWindow(step: WindowStep, big: boolean): void;
  /** What the viewer's keys did. Returns an unsubscribe function. */
  onKeyView(cb: (e: ViewerKeyEvent) => void): () => void;
  snapshot(): ViewerSnapshot;
  /** Image pixels per screen pixel at the current zoom, to size click tolerances. */
  imagePixelsPerScreenPixel(): number;
  destroy(): void;
}

import type { Point } from '../domain/index.js';
import type { WindowPreset } from '../domain/index.js';
import type { Voi } from './presets.js';

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

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ViewerPort {
  /** Displays an image; resolves once it has been drawn. keepViewport keeps zoom, pan and window (flicker compare). */
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
  /** The mouse tools the mode allows; a withheld one does nothing (a click still marks). */
  setMouseTools(tools: readonly ('windowLevel' | 'zoom' | 'pan')[]): void;
  snapshot(): ViewerSnapshot;
  /** Image pixels per screen pixel at the current zoom, to size click tolerances. */
  imagePixelsPerScreenPixel(): number;
  destroy(): void;
}

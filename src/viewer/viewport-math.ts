import type { Point } from '../domain/index.js';

/**
 * The viewer's coordinate maths, pure (no cornerstone, no DOM; typechecked by src/tsconfig.pure.json): zoom about a
 * point, the keyboard crosshair's steps, and the pan that keeps it in view. cornerstone-core 2.x maps an image pixel
 * p to its canvas as canvas = canvasSize / 2 + scale * (p + translation - imageSize / 2) (internal/calculateTransform.js;
 * the game uses no rotation or flip and square pixels), and fits by the smaller of the two axis ratios
 * (internal/getImageFitScale.js).
 */
export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface ViewGeometry {
  /** Canvas pixels per image pixel. */
  readonly scale: number;
  /** cornerstone's pan, in image pixels. */
  readonly translation: Point;
  readonly image: Size;
  readonly canvas: Size;
}

/** The zoom range of the wheel and the keys: from a thumbnail to 16 screen pixels per image pixel. */
export const ZOOM_MIN = 0.05;
export const ZOOM_MAX = 16;
/** One press of + or -: five presses from the fitted view reach about three times its size. */
export const KEY_ZOOM_FACTOR = 1.25;
/** Crosshair steps in screen pixels, so a step looks the same at any zoom (finer in image pixels when zoomed in). */
export const CROSSHAIR_STEP_PX = 10;
export const CROSSHAIR_BIG_STEP_PX = 60;
/** How far inside the view's edge the crosshair stays when the view pans to follow it. */
export const CROSSHAIR_MARGIN_PX = 40;

export type Side = 'left' | 'right' | 'top' | 'bottom';
/** A crosshair move that went nowhere: the side it was pushed against, and whether the image or the view ended. */
export interface Edge {
  readonly side: Side;
  readonly of: 'image' | 'view';
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function imageToCanvas(p: Point, g: ViewGeometry): Point {
  return {
    x: g.canvas.width / 2 + g.scale * (p.x + g.translation.x - g.image.width / 2),
    y: g.canvas.height / 2 + g.scale * (p.y + g.translation.y - g.image.height / 2),
  };
}

export function canvasToImage(c: Point, g: ViewGeometry): Point {
  return {
    x: (c.x - g.canvas.width / 2) / g.scale - g.translation.x + g.image.width / 2,
    y: (c.y - g.canvas.height / 2) / g.scale - g.translation.y + g.image.height / 2,
  };
}

/** The scale at which the whole image fits the canvas (cornerstone's fitToWindow). */
export function fitScale(image: Size, canvas: Size): number {
  return Math.min(canvas.width / image.width, canvas.height / image.height);
}

/** The image point shown at the centre of the canvas. */
export function viewCentre(g: ViewGeometry): Point {
  return canvasToImage({ x: g.canvas.width / 2, y: g.canvas.height / 2 }, g);
}

/** Inside the image: [0, width - 1] x [0, height - 1], the range a click on the image gives. */
export function clampToImage(p: Point, image: Size): Point {
  return { x: clamp(p.x, 0, image.width - 1), y: clamp(p.y, 0, image.height - 1) };
}

/** Zoom by `factor` (within ZOOM_MIN..ZOOM_MAX) keeping image point `p` where it is on screen (as the wheel does). */
export function zoomAbout(g: ViewGeometry, p: Point, factor: number): { readonly scale: number; readonly translation: Point } {
  const scale = clamp(g.scale * factor, ZOOM_MIN, ZOOM_MAX);
  const r = g.scale / scale;
  // Solve scale * (p + t' - size/2) = g.scale * (p + t - size/2) for t'.
  return {
    scale,
    translation: {
      x: r * (p.x + g.translation.x - g.image.width / 2) - p.x + g.image.width / 2,
      y: r * (p.y + g.translation.y - g.image.height / 2) - p.y + g.image.height / 2,
    },
  };
}

/** One axis of the view: the image range [lo, hi] on the canvas, and how to pan it so `p` shows `margin` inside. */
function axis(p: number, t: number, imageSize: number, canvasSize: number, scale: number, marginPx: number, canPan: boolean): { p: number; t: number } {
  const half = canvasSize / 2 / scale;
  const lo = imageSize / 2 - t - half;
  const hi = imageSize / 2 - t + half;
  // Never more than a quarter of the view, so a small viewer still has room to move in.
  const m = Math.min(marginPx, canvasSize / 4) / scale;
  if (!canPan) {
    // The mode withholds pan: the crosshair stays on what is shown.
    const a = Math.max(lo, 0);
    const b = Math.min(hi, imageSize - 1);
    return { p: a <= b ? clamp(p, a, b) : p, t };
  }
  // Pan only towards image that is hidden, and no further than the image's own edge: at the fitted view nothing moves.
  if (p < lo + m && lo > 0) return { p, t: imageSize / 2 - half - Math.max(p - m, 0) };
  if (p > hi - m && hi < imageSize) return { p, t: imageSize / 2 + half - Math.min(p + m, imageSize) };
  return { p, t };
}

export interface CrosshairMove {
  readonly point: Point;
  /** The pan after the move (the same as before when nothing had to pan). */
  readonly translation: Point;
  /** Set when the move went nowhere along the axis it was asked to go. */
  readonly edge: Edge | null;
}

/**
 * Moves the crosshair by (dx, dy) steps of CROSSHAIR_STEP_PX screen pixels (CROSSHAIR_BIG_STEP_PX when `big`), inside
 * the image. The view pans to keep it CROSSHAIR_MARGIN_PX inside its edge, so the arrow keys also pan a zoomed image;
 * when the mode withholds pan (`canPan` false) the crosshair stops at the view's edge instead.
 */
export function moveCrosshair(from: Point, dx: number, dy: number, big: boolean, g: ViewGeometry, canPan: boolean): CrosshairMove {
  const step = (big ? CROSSHAIR_BIG_STEP_PX : CROSSHAIR_STEP_PX) / g.scale;
  const inImage = clampToImage({ x: from.x + dx * step, y: from.y + dy * step }, g.image);
  const x = axis(inImage.x, g.translation.x, g.image.width, g.canvas.width, g.scale, CROSSHAIR_MARGIN_PX, canPan);
  const y = axis(inImage.y, g.translation.y, g.image.height, g.canvas.height, g.scale, CROSSHAIR_MARGIN_PX, canPan);
  const point = { x: x.p, y: y.p };
  return { point, translation: { x: x.t, y: y.t }, edge: edgeOf(from, point, dx, dy, g.image) };
}

/** The side a move was pushed against when it went nowhere; the image's edge, or else the view's. */
function edgeOf(from: Point, to: Point, dx: number, dy: number, image: Size): Edge | null {
  const still = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
  if (dx !== 0 && still(from.x, to.x)) {
    const side = dx < 0 ? 'left' : 'right';
    return { side, of: (side === 'left' ? to.x <= 0 : to.x >= image.width - 1) ? 'image' : 'view' };
  }
  if (dy !== 0 && still(from.y, to.y)) {
    const side = dy < 0 ? 'top' : 'bottom';
    return { side, of: (side === 'top' ? to.y <= 0 : to.y >= image.height - 1) ? 'image' : 'view' };
  }
  return null;
}

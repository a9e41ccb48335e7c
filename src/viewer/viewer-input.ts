import * as cornerstone from 'cornerstone-core';
import type { Point } from '../domain/index.js';
import { dragVoi } from './presets.js';
import { applyView, readGeometry } from './view-geometry.js';
import { zoomAbout } from './viewport-math.js';

/**
 * Mouse tools, as in a PACS viewer: left-drag window/level, wheel zoom about the cursor, right- or middle-drag
 * (or Shift+left-drag) pan, a left click without drag places or removes a mark. Works with a trackpad too
 * (two-finger scroll zooms; Shift+drag pans).
 */
export interface InputCallbacks {
  readonly maxValue: () => number;
  readonly onMark: (p: Point) => void;
  readonly onPointer: (pageX: number, pageY: number, inside: boolean) => void;
  /** A button went down on the image: the mouse is in use (the keyboard crosshair gives way). */
  readonly onPress: () => void;
  /** A tool was used by hand: window/level drag, wheel zoom, pan. */
  readonly onTool: (tool: 'windowLevel' | 'zoom' | 'pan') => void;
  /** Which of the mouse tools the mode allows now (a withheld one does nothing). */
  readonly allowed: (tool: 'windowLevel' | 'zoom' | 'pan') => boolean;
}

const CLICK_SLOP_PX = 4;

export function attachViewerInput(el: HTMLElement, cb: InputCallbacks): () => void {
  let drag: { button: number; shift: boolean; x: number; y: number; moved: boolean } | null = null;

  const onDown = (e: PointerEvent): void => {
    if (!hasImage(el)) return;
    drag = { button: e.button, shift: e.shiftKey, x: e.clientX, y: e.clientY, moved: false };
    cb.onPress();
    el.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onMove = (e: PointerEvent): void => {
    cb.onPointer(e.pageX, e.pageY, true);
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    drag.moved = true;
    drag.x = e.clientX;
    drag.y = e.clientY;
    const vp = cornerstone.getViewport(el);
    if (!vp) return;
    if (drag.button === 0 && !drag.shift) {
      if (!cb.allowed('windowLevel')) return;
      const voi = dragVoi(vp.voi, dx, dy, cb.maxValue());
      vp.voi = { windowWidth: voi.windowWidth, windowCenter: voi.windowCenter };
      cornerstone.setViewport(el, vp);
      cb.onTool('windowLevel');
    } else {
      if (!cb.allowed('pan')) return;
      vp.translation = { x: vp.translation.x + dx / vp.scale, y: vp.translation.y + dy / vp.scale };
      cornerstone.setViewport(el, vp);
      cb.onTool('pan');
    }
  };
  const onUp = (e: PointerEvent): void => {
    if (drag && !drag.moved && drag.button === 0 && !drag.shift) {
      const p = cornerstone.pageToPixel(el, e.pageX, e.pageY);
      const img = cornerstone.getImage(el);
      if (img && p.x >= 0 && p.y >= 0 && p.x < img.width && p.y < img.height) cb.onMark({ x: p.x, y: p.y });
    }
    drag = null;
  };
  const onWheel = (e: WheelEvent): void => {
    if (!hasImage(el)) return;
    e.preventDefault();
    if (!cb.allowed('zoom')) return;
    const g = readGeometry(el);
    if (!g) return;
    // Keep the image point under the cursor where it was (the same maths as the + and - keys).
    applyView(el, zoomAbout(g, cornerstone.pageToPixel(el, e.pageX, e.pageY), 1.0015 ** -e.deltaY));
    cb.onTool('zoom');
  };
  const onLeave = (e: PointerEvent): void => cb.onPointer(e.pageX, e.pageY, false);
  const noMenu = (e: Event): void => e.preventDefault();

  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onUp);
  el.addEventListener('pointerleave', onLeave);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('contextmenu', noMenu);
  return () => {
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerup', onUp);
    el.removeEventListener('pointercancel', onUp);
    el.removeEventListener('pointerleave', onLeave);
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('contextmenu', noMenu);
  };
}

function hasImage(el: HTMLElement): boolean {
  try {
    return Boolean(cornerstone.getEnabledElement(el).image);
  } catch {
    return false;
  }
}

import * as cornerstone from 'cornerstone-core';
import type { Point } from '../domain/index.js';
import type { ViewGeometry } from './viewport-math.js';

/** cornerstone's viewport as the pure maths (viewport-math.ts) sees it, or null without an image. */
export function readGeometry(el: HTMLElement): ViewGeometry | null {
  let ee: cornerstone.EnabledElement;
  try {
    ee = cornerstone.getEnabledElement(el);
  } catch {
    return null;
  }
  const vp = ee.image ? cornerstone.getViewport(el) : undefined;
  if (!ee.image || !ee.canvas || !vp) return null;
  return {
    scale: vp.scale,
    translation: { x: vp.translation.x, y: vp.translation.y },
    image: { width: ee.image.width, height: ee.image.height },
    canvas: { width: ee.canvas.width, height: ee.canvas.height },
  };
}

/** Writes a zoom or pan the maths computed back to cornerstone (which redraws). */
export function applyView(el: HTMLElement, v: { readonly scale?: number; readonly translation?: Point }): void {
  const vp = cornerstone.getViewport(el);
  if (!vp) return;
  if (v.scale !== undefined) vp.scale = v.scale;
  if (v.translation) vp.translation = { x: v.translation.x, y: v.translation.y };
  cornerstone.setViewport(el, vp);
}

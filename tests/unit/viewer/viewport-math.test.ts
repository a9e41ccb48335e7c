import { describe, expect, it } from 'vitest';
import {
  canvasToImage, CROSSHAIR_BIG_STEP_PX, CROSSHAIR_MARGIN_PX, CROSSHAIR_STEP_PX, fitScale, imageToCanvas, moveCrosshair, viewCentre, zoomAbout,
  ZOOM_MAX, type ViewGeometry,
} from '../../../src/viewer/viewport-math.js';

/** A 2000 x 2400 film in an 800 x 600 viewer, fitted (scale 0.25, the height limits), not panned. */
const image = { width: 2000, height: 2400 };
const canvas = { width: 800, height: 600 };
const fitted: ViewGeometry = { scale: fitScale(image, canvas), translation: { x: 0, y: 0 }, image, canvas };

describe('viewer coordinate maths (cornerstone-core 2.x transform)', () => {
  it('fits by the smaller ratio and puts the image centre at the canvas centre', () => {
    expect(fitted.scale).toBe(0.25);
    expect(imageToCanvas({ x: 1000, y: 1200 }, fitted)).toEqual({ x: 400, y: 300 });
    // The top left corner: the image is 500 px wide on an 800 px canvas, so it starts 150 px in.
    expect(imageToCanvas({ x: 0, y: 0 }, fitted)).toEqual({ x: 150, y: 0 });
  });

  it('canvasToImage undoes imageToCanvas, panned and zoomed', () => {
    const g: ViewGeometry = { ...fitted, scale: 1.7, translation: { x: -130, y: 55 } };
    for (const p of [{ x: 0, y: 0 }, { x: 1234.5, y: 77 }, { x: 1999, y: 2399 }]) {
      const back = canvasToImage(imageToCanvas(p, g), g);
      expect(back.x).toBeCloseTo(p.x, 9);
      expect(back.y).toBeCloseTo(p.y, 9);
    }
    expect(viewCentre(g)).toEqual({ x: 1130, y: 1145 });
  });

  it('zoom about a point keeps that point where it is on screen, and stops at the limits', () => {
    const p = { x: 400, y: 700 };
    const before = imageToCanvas(p, fitted);
    const z = zoomAbout(fitted, p, 1.25);
    expect(z.scale).toBeCloseTo(0.3125, 12);
    const after = imageToCanvas(p, { ...fitted, ...z });
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    // Zooming about the view's centre leaves the pan alone.
    expect(zoomAbout(fitted, viewCentre(fitted), 2).translation).toEqual({ x: 0, y: 0 });
    expect(zoomAbout({ ...fitted, scale: 15 }, p, 1.25).scale).toBe(ZOOM_MAX);
  });
});

describe('the keyboard crosshair', () => {
  const centre = { x: 1000, y: 1200 };

  it('steps a fixed number of screen pixels, so finer in image pixels when zoomed in', () => {
    const m = moveCrosshair(centre, 1, 0, false, fitted, true);
    expect(m.point).toEqual({ x: 1000 + CROSSHAIR_STEP_PX / 0.25, y: 1200 });
    expect(moveCrosshair(centre, 0, -1, true, fitted, true).point).toEqual({ x: 1000, y: 1200 - CROSSHAIR_BIG_STEP_PX / 0.25 });
    const zoomed = { ...fitted, scale: 2 };
    expect(moveCrosshair(centre, -1, 0, false, zoomed, true).point.x).toBe(1000 - CROSSHAIR_STEP_PX / 2);
    expect(m.edge).toBeNull();
  });

  it('stays on the image and says which edge stopped it', () => {
    const corner = { x: 0, y: 5 };
    const left = moveCrosshair(corner, -1, 0, false, fitted, true);
    expect(left.point).toEqual(corner);
    expect(left.edge).toEqual({ side: 'left', of: 'image' });
    const bottom = moveCrosshair({ x: 10, y: 2390 }, 0, 1, true, fitted, true);
    expect(bottom.point.y).toBe(2399);
    expect(bottom.edge).toBeNull();
    expect(moveCrosshair(bottom.point, 0, 1, false, fitted, true).edge).toEqual({ side: 'bottom', of: 'image' });
  });

  it('does not pan the fitted view, where the whole image is shown', () => {
    let p = centre;
    for (let i = 0; i < 40; i++) {
      const m = moveCrosshair(p, 1, 0, true, fitted, true);
      expect(m.translation).toEqual({ x: 0, y: 0 });
      p = m.point;
    }
    expect(p.x).toBe(1999);
  });

  it('pans a zoomed view to keep the crosshair a margin inside its edge, and no further than the image', () => {
    // At scale 2 the 800 px canvas shows 400 image px: x from 800 to 1200.
    const zoomed: ViewGeometry = { ...fitted, scale: 2 };
    const m = moveCrosshair({ x: 1170, y: 1200 }, 1, 0, true, zoomed, true);
    expect(m.point.x).toBe(1200);
    const onCanvas = imageToCanvas(m.point, { ...zoomed, translation: m.translation });
    expect(onCanvas.x).toBeCloseTo(canvas.width - CROSSHAIR_MARGIN_PX, 9);
    expect(m.translation.y).toBe(0);
    // Near the image's own right edge the view stops at that edge, with the crosshair still inside it.
    const end = moveCrosshair({ x: 1990, y: 1200 }, 1, 0, false, { ...zoomed, translation: { x: -790, y: 0 } }, true);
    const shown = { ...zoomed, translation: end.translation };
    expect(imageToCanvas({ x: image.width, y: 0 }, shown).x).toBeCloseTo(canvas.width, 9);
    expect(imageToCanvas(end.point, shown).x).toBeLessThanOrEqual(canvas.width);
  });

  it('stops at the edge of the view when the mode withholds pan', () => {
    const zoomed: ViewGeometry = { ...fitted, scale: 2 };
    const m = moveCrosshair({ x: 1195, y: 1200 }, 1, 0, true, zoomed, false);
    expect(m.point.x).toBe(1200);
    expect(m.translation).toEqual(zoomed.translation);
    expect(moveCrosshair(m.point, 1, 0, false, zoomed, false).edge).toEqual({ side: 'right', of: 'view' });
  });
});

import type { Point } from '../domain/index.js';
import type { Overlay } from './viewer-port.js';

/**
 * Draws tells and marks in image pixel coordinates on cornerstone's canvas after each render.
 * Colour-safe: tells are amber dashed outlines with a dark under-stroke and a text label; marks are cyan rings
 * with a number, and in review a filled centre (hit) or a cross (miss), so shape carries the meaning, not hue alone.
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, overlay: Overlay, scale: number): void {
  const px = (n: number): number => n / Math.max(scale, 1e-6);
  ctx.save();
  ctx.lineJoin = 'round';
  // Labels already drawn, so a label that would land on another moves up a line instead of stacking on it.
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const poly of overlay.polygons) {
    if (poly.points.length < 2) continue;
    const path = new Path2D();
    poly.points.forEach((p, i) => (i === 0 ? path.moveTo(p.x, p.y) : path.lineTo(p.x, p.y)));
    path.closePath();
    ctx.setLineDash([]);
    ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.lineWidth = px(5);
    ctx.stroke(path);
    ctx.setLineDash([px(10), px(6)]);
    ctx.strokeStyle = '#ffb000';
    ctx.lineWidth = px(2.5);
    ctx.stroke(path);
    const top = poly.points.reduce((a, b) => (b.y < a.y ? b : a));
    ctx.setLineDash([]);
    ctx.font = `bold ${px(15)}px sans-serif`;
    ctx.lineWidth = px(4);
    ctx.strokeStyle = 'rgba(0,0,0,0.9)';
    const w = ctx.measureText(poly.label).width;
    let y = top.y - px(8);
    const hits = (b: { x0: number; y0: number; x1: number; y1: number }): boolean =>
      top.x < b.x1 && top.x + w > b.x0 && y - px(15) < b.y1 && y + px(3) > b.y0;
    for (let guard = 0; guard < 12 && placed.some(hits); guard++) y -= px(19);
    placed.push({ x0: top.x, y0: y - px(15), x1: top.x + w, y1: y + px(3) });
    ctx.strokeText(poly.label, top.x, y);
    ctx.fillStyle = '#ffb000';
    ctx.fillText(poly.label, top.x, y);
  }
  overlay.marks.forEach((m, i) => {
    const r = px(14);
    ctx.setLineDash([]);
    ctx.lineWidth = px(4);
    ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.beginPath();
    ctx.arc(m.point.x, m.point.y, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = px(2);
    ctx.strokeStyle = '#00e5ff';
    ctx.stroke();
    if (m.hit === true) {
      ctx.fillStyle = '#00e5ff';
      ctx.beginPath();
      ctx.arc(m.point.x, m.point.y, px(5), 0, Math.PI * 2);
      ctx.fill();
    } else if (m.hit === false) {
      ctx.beginPath();
      ctx.moveTo(m.point.x - px(6), m.point.y - px(6));
      ctx.lineTo(m.point.x + px(6), m.point.y + px(6));
      ctx.moveTo(m.point.x + px(6), m.point.y - px(6));
      ctx.lineTo(m.point.x - px(6), m.point.y + px(6));
      ctx.stroke();
    }
    ctx.font = `bold ${px(13)}px sans-serif`;
    ctx.fillStyle = '#00e5ff';
    ctx.fillText(String(i + 1), m.point.x + r + px(3), m.point.y - r);
  });
  ctx.restore();
}

/**
 * The keyboard crosshair, in image pixel coordinates: four white arms on a black under-stroke around an open centre,
 * so the pixel it points at stays visible and it shows on any grey by lightness alone (marks are rings, tells dashed
 * outlines: shape tells them apart).
 */
export function drawCrosshair(ctx: CanvasRenderingContext2D, p: Point, scale: number): void {
  const px = (n: number): number => n / Math.max(scale, 1e-6);
  const path = new Path2D();
  for (const [ux, uy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
    path.moveTo(p.x + ux * px(7), p.y + uy * px(7));
    path.lineTo(p.x + ux * px(26), p.y + uy * px(26));
  }
  ctx.save();
  ctx.setLineDash([]);
  ctx.lineCap = 'square';
  ctx.strokeStyle = 'rgba(0,0,0,0.9)';
  ctx.lineWidth = px(6);
  ctx.stroke(path);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = px(2.5);
  ctx.stroke(path);
  ctx.restore();
}

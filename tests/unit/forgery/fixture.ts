/**
 * A 12-bit radiograph-like test image: dark lung ellipses (deliberately asymmetric), a bright mediastinum and heart,
 * bright abdomen below the diaphragm, ribs with a different spacing and tilt on each side, random vessel blobs, a
 * laterality marker in the top-left corner, and signal-dependent noise that is coarser in dense (bright) areas, as
 * quantum mottle is after the log transform. Depends on no forgery code, so it can judge it.
 */
import type { Point } from '../../../src/domain/types.js';
import type { Polygon } from '../../../src/domain/geometry.js';
import { createRng } from '../../../src/domain/rng.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import type { ForgeryHints } from '../../../src/forgery/types.js';

export interface Fixture {
  readonly image: GrayImage;
  readonly hints: ForgeryHints;
  /** The laterality marker's pixel box (inclusive x0,y0; exclusive x1,y1). */
  readonly marker: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** The noise-free signal, so tests can measure noise where the anatomy is flat. */
  readonly clean: Float32Array;
}

interface Oval {
  cx: number;
  cy: number;
  ax: number;
  ay: number;
}

const ovalPolygon = (o: Oval, n = 40): Polygon =>
  Array.from({ length: n }, (_, i): Point => {
    const t = (i / n) * Math.PI * 2;
    return { x: o.cx + o.ax * Math.cos(t), y: o.cy + o.ay * Math.sin(t) };
  });

/** 1 well inside the oval, 0 outside, a soft edge `soft` (in normalised radius) wide. */
const inside = (o: Oval, x: number, y: number, soft: number): number => {
  const r = Math.hypot((x - o.cx) / o.ax, (y - o.cy) / o.ay);
  const t = Math.min(1, Math.max(0, (1 - r) / soft));
  return t * t * (3 - 2 * t);
};

/** Noise standard deviation in stored values at a signal level: coarser where fewer photons get through. */
export const fixtureNoiseSigma = (v: number): number => 4 + 22 * (Math.max(0, v) / 4095) ** 1.5;

export function makeFixture(seed: number, size = 512): Fixture {
  const rng = createRng(seed);
  const w = size;
  const h = size;
  const s = size / 512;
  const mid = w / 2 + rng.range(-6, 6) * s;
  const lungR: Oval = { cx: mid - 120 * s, cy: 225 * s, ax: 88 * s, ay: 150 * s }; // patient right = image left
  const lungL: Oval = { cx: mid + 115 * s, cy: 235 * s, ax: 80 * s, ay: 140 * s };
  const body: Oval = { cx: mid, cy: 300 * s, ax: 240 * s, ay: 330 * s };
  const heart: Oval = { cx: mid + 40 * s, cy: 330 * s, ax: 75 * s, ay: 60 * s };
  const vessels = Array.from({ length: 70 }, () => {
    const lung = rng.chance(0.5) ? lungR : lungL;
    const a = rng.range(0, Math.PI * 2);
    const r = Math.sqrt(rng.next()) * 0.85;
    return { x: lung.cx + Math.cos(a) * r * lung.ax, y: lung.cy + Math.sin(a) * r * lung.ay, r: rng.range(2, 5) * s, amp: rng.range(60, 160) };
  });
  const ribPhase = { right: rng.range(0, 1), left: rng.range(0, 1) };
  const clean = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 250 + 1900 * inside(body, x, y, 0.06);
      const lr = inside(lungR, x, y, 0.12);
      const ll = inside(lungL, x, y, 0.12);
      const lung = Math.max(lr, ll);
      v -= lung * (1150 - 250 * ((y / h) * 1.2));
      // Ribs: curved bright bands, spacing and tilt differ by side so the two hemithoraces are not mirror images.
      const isRight = x < mid;
      const dx = Math.abs(x - mid) / (140 * s);
      const spacing = (isRight ? 44 : 49) * s;
      const phase = isRight ? ribPhase.right : ribPhase.left;
      const yr = y - (isRight ? 18 : 30) * s * dx * dx - (isRight ? 0.1 : 0.16) * Math.abs(x - mid);
      const ribT = (((yr / spacing + phase) % 1) + 1) % 1;
      const rib = Math.exp(-(((ribT - 0.5) / 0.12) ** 2));
      v += lung * rib * 260;
      const medi = Math.exp(-(((x - mid) / (40 * s)) ** 4)) * inside(body, x, y, 0.1);
      v += medi * 1300;
      v += inside(heart, x, y, 0.25) * 900;
      v += (y > 380 * s ? Math.min(1, (y - 380 * s) / (15 * s)) : 0) * inside(body, x, y, 0.1) * 600 * (1 - lung);
      clean[y * w + x] = v;
    }
  }
  for (const b of vessels) {
    const r3 = Math.ceil(b.r * 3);
    for (let y = Math.floor(b.y - r3); y <= b.y + r3; y++) {
      for (let x = Math.floor(b.x - r3); x <= b.x + r3; x++) {
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r);
        clean[y * w + x] = (clean[y * w + x] as number) + b.amp * Math.exp(-d2);
      }
    }
  }
  const marker = { x0: Math.round(20 * s), y0: Math.round(20 * s), x1: Math.round(52 * s), y1: Math.round(60 * s) };
  for (let y = marker.y0; y < marker.y1; y++) {
    for (let x = marker.x0; x < marker.x1; x++) {
      const u = (x - marker.x0) / (marker.x1 - marker.x0);
      const t = (y - marker.y0) / (marker.y1 - marker.y0);
      // A blocky "R": stem, bowl and leg.
      const isInk = u < 0.25 || (t < 0.15 && u < 0.8) || (t > 0.42 && t < 0.55 && u < 0.8) || (u > 0.7 && t < 0.55) || (t > 0.55 && Math.abs(u - 0.25 - (t - 0.55) * 1.3) < 0.15);
      if (isInk) clean[y * w + x] = 4000;
    }
  }
  const noise = createRng(seed + 1000);
  const data = new Uint16Array(w * h);
  for (let i = 0; i < data.length; i++) {
    const v = clean[i] as number;
    data[i] = Math.min(4095, Math.max(0, Math.round(v + fixtureNoiseSigma(v) * noise.normal())));
  }
  const image: GrayImage = { width: w, height: h, data, bitsStored: 12, windowCenter: 2000, windowWidth: 3600 };
  const hints: ForgeryHints = {
    lungs: { right: ovalPolygon(lungR), left: ovalPolygon(lungL) },
    midlineX: mid,
    // The mediastinal band above the heart, then the heart's own outline (the oval's bounding octagon).
    mediastinum: [
      { x: mid - 40 * s, y: 60 * s },
      { x: mid + 40 * s, y: 60 * s },
      { x: mid + 40 * s, y: heart.cy - heart.ay },
      { x: heart.cx + heart.ax * 0.7, y: heart.cy - heart.ay },
      { x: heart.cx + heart.ax, y: heart.cy - heart.ay * 0.4 },
      { x: heart.cx + heart.ax, y: heart.cy + heart.ay * 0.4 },
      { x: heart.cx + heart.ax * 0.7, y: heart.cy + heart.ay },
      { x: mid - 40 * s, y: heart.cy + heart.ay },
    ],
  };
  return { image, hints, marker, clean };
}

/**
 * Finding the laterality marker: the hint when the simulator gives one, else the most compact bright blob in the top
 * corners (lead is the most radio-opaque thing on a chest film and sits in an upper corner by convention), with
 * burnt-in lettering and edge-touching blobs scored down. Also the letter as a layer over its background (glyphLayer),
 * which garbled-marker warps. The look-alikes measured on the shared films and why the lower corners are not
 * searched: forgery/README.md, Decisions.
 */
import type { Box } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryHints } from './types.js';
import { gaussianBlur } from './filters.js';
import { mapPlane } from './kernels.js';

const RING = 16;
/** Blobs compared for the marker. */
const CANDIDATES = 8;
/** What a look-alike's score is multiplied by. */
const LOOK_ALIKE = 0.4;

interface Spot {
  readonly x: number;
  readonly y: number;
  readonly score: number;
  readonly ring: number;
}

/** Integer pixel box (x1, y1 exclusive) of the marker. */
export function locateMarker(image: GrayImage, hints?: ForgeryHints): Box {
  const { width: w, height: h, data } = image;
  if (hints?.marker) {
    const m = hints.marker;
    return { x0: Math.max(0, Math.floor(m.x0)), y0: Math.max(0, Math.floor(m.y0)), x1: Math.min(w, Math.ceil(m.x1)), y1: Math.min(h, Math.ceil(m.y1)) };
  }
  const at = (x: number, y: number): number => data[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))] as number;
  const mean3 = (x: number, y: number): number => {
    let s = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += at(x + dx, y + dy);
    return s / 9;
  };
  const R = Math.max(6, Math.round(0.035 * w));
  const ring = (x: number, y: number): number => {
    let s = 0;
    for (let k = 0; k < RING; k++) {
      const t = (k / RING) * 2 * Math.PI;
      s += at(Math.round(x + R * Math.cos(t)), Math.round(y + R * Math.sin(t)));
    }
    return s / RING;
  };
  const wx = Math.max(8, Math.floor(0.3 * w));
  const wy = Math.max(8, Math.floor(0.25 * h));
  const step = Math.max(1, Math.round(w / 400));
  // Candidates: the best point of each R x R cell, strongest first, one per blob (none within R of a stronger one).
  const cells = new Map<number, Spot>();
  for (const [xa, xb] of [[3, wx], [w - wx, w - 3]] as const) {
    for (let y = 3; y < wy; y += step) {
      for (let x = xa; x < xb; x += step) {
        const key = Math.floor(y / R) * (w + 1) + Math.floor(x / R);
        const cell = cells.get(key);
        const c = mean3(x, y);
        if (cell && c <= cell.score) continue; // the score can never exceed the centre value
        const rg = ring(x, y);
        if (!cell || c - rg > cell.score) cells.set(key, { x, y, score: c - rg, ring: rg });
      }
    }
  }
  const ranked = [...cells.values()].sort((p, q) => q.score - p.score || p.y - q.y || p.x - q.x);
  const spots: Spot[] = [];
  for (const c of ranked) {
    if (spots.length >= CANDIDATES) break;
    if (!spots.some((d) => Math.hypot(d.x - c.x, d.y - c.y) < R)) spots.push(c);
  }
  const white = topValue(image);
  // Two look-alikes lose most of their score. Burnt-in lettering (PORTABLE, AP): small blobs at the very top of the
  // range, where overlays are drawn. The border of an unexposed strip or a bone at the image's side edge: blobs that
  // reach that edge without being as bright as lead. (Measured on the 47 NIH films: see the README.)
  let best = { box: { x0: 8, y0: 8, x1: 9, y1: 9 }, score: -Infinity };
  for (const c of spots) {
    if (c.score <= best.score) break; // a look-alike's factor is at most 1: no weaker spot can win
    const { box, peak } = blobBox(data, w, h, c, R);
    const [bw, bh] = [box.x1 - box.x0, box.y1 - box.y0];
    const lettering = peak >= 0.99 * white && bw <= 0.016 * w && bh <= 0.022 * h;
    const sideEdge = peak < 0.95 * white && (box.x0 <= 0.015 * w || box.x1 >= 0.985 * w);
    const score = c.score * (lettering || sideEdge ? LOOK_ALIKE : 1);
    if (score > best.score) best = { box, score };
  }
  const box = best.box;
  const min = Math.max(6, Math.round(0.015 * w));
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const hw = Math.max(min, box.x1 - box.x0) / 2;
  const hh = Math.max(min, box.y1 - box.y0) / 2;
  return { x0: Math.max(0, Math.floor(cx - hw)), y0: Math.max(0, Math.floor(cy - hh)), x1: Math.min(w, Math.ceil(cx + hw)), y1: Math.min(h, Math.ceil(cy + hh)) };
}

/**
 * The top of the film's range: its 99.999th percentile, and at least its third-brightest pixel (a histogram of the
 * stored values), so a hot pixel or two do not set it. Overlays (burnt-in lettering) and lead reach it.
 */
function topValue(image: GrayImage): number {
  const hist = new Uint32Array((1 << image.bitsStored) + 1);
  for (let i = 0; i < image.data.length; i++) {
    const b = Math.min(hist.length - 1, image.data[i] as number);
    hist[b] = (hist[b] as number) + 1;
  }
  let above = 0;
  const target = Math.max(2, 0.00001 * image.data.length);
  for (let v = hist.length - 1; v > 0; v--) {
    above += hist[v] as number;
    if (above > target) return v;
  }
  return 0;
}

/** The blob at `best`: pixels above halfway between its ring and its peak, connected to it, within 2R of it. */
function blobBox(data: ArrayLike<number>, w: number, h: number, best: Spot, R: number): { box: Box; peak: number } {
  const t = best.ring + best.score / 2;
  // The flood stays within 2R of the seed: a bitmap of that window marks what it has seen.
  const [wx0, wy0] = [Math.max(0, best.x - 2 * R), Math.max(0, best.y - 2 * R)];
  const [wx1, wy1] = [Math.min(w - 1, best.x + 2 * R), Math.min(h - 1, best.y + 2 * R)];
  const ww = wx1 - wx0 + 1;
  const seen = new Uint8Array(ww * (wy1 - wy0 + 1));
  const stack = [best.y * w + best.x];
  seen[(best.y - wy0) * ww + best.x - wx0] = 1;
  const box = { x0: best.x, y0: best.y, x1: best.x + 1, y1: best.y + 1 };
  let peak = 0;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const x = i % w;
    const y = (i - x) / w;
    peak = Math.max(peak, data[i] as number);
    [box.x0, box.y0, box.x1, box.y1] = [Math.min(box.x0, x), Math.min(box.y0, y), Math.max(box.x1, x + 1), Math.max(box.y1, y + 1)];
    for (let ny = Math.max(wy0, y - 1); ny <= Math.min(wy1, y + 1); ny++) {
      for (let nx = Math.max(wx0, x - 1); nx <= Math.min(wx1, x + 1); nx++) {
        const k = (ny - wy0) * ww + nx - wx0;
        if (seen[k] || (data[ny * w + nx] as number) <= t) continue;
        seen[k] = 1;
        stack.push(ny * w + nx);
      }
    }
  }
  return { box, peak };
}

/**
 * The letter as a layer over its background within `box` (the marker box `m` padded): the pixels of `m` (and 1 px
 * around it) that stand above their local background (the crop's opening by a square of 0.4 `size`, wider than a
 * stroke) by half as much as the letter does (98th percentile over `m`), plus their 1-2 px rim, minus a background filled in from around them (normalised convolution).
 * Only what lies in `m` counts as letter, so bright anatomy in the padding (a shoulder) is not lifted with it.
 */
export function glyphLayer(src: Float32Array, w: number, box: Box, m: Box, size: number): Float32Array {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const crop = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) crop.set(src.subarray((box.y0 + y) * w + box.x0, (box.y0 + y) * w + box.x1), y * bw);
  const inM = (x: number, y: number, grow: number): boolean =>
    x >= m.x0 - box.x0 - grow && x < m.x1 - box.x0 + grow && y >= m.y0 - box.y0 - grow && y < m.y1 - box.y0 + grow;
  // The letter is what stands out of its local background (a white top-hat, Serra 1982: the crop less its opening by
  // a square wider than a stroke), not of one background level: on demo film 4 the marker lies where the background
  // brightens downwards, and one level (the padding's median) cut off the letter's upper half, so 'obvious' warped
  // only its lower half (2.3 grey levels at fit; the whole letter: 7.3).
  const top = whiteTopHat(crop, bw, bh, Math.max(2, Math.ceil(0.2 * size)));
  const inner: number[] = [];
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) if (inM(x, y, 0)) inner.push(top[y * bw + x] as number);
  inner.sort((a, b) => a - b);
  const t = 0.5 * (inner[Math.floor(0.98 * inner.length)] ?? 0);
  const mask = mapPlane(crop.length, (i) => ((top[i] as number) > t && inM(i % bw, Math.floor(i / bw), 1) ? 1 : 0));
  const known = mapPlane(crop.length, (i) => 1 - (mask[i] as number));
  const sigma = Math.max(2, 0.15 * size);
  const num = gaussianBlur(mapPlane(crop.length, (i) => (known[i] as number) * (crop[i] as number)), bw, bh, sigma);
  const den = gaussianBlur(known, bw, bh, sigma);
  const rim = gaussianBlur(mask, bw, bh, 1.5);
  return mapPlane(crop.length, (i) => {
    const back = (den[i] as number) > 1e-3 ? (num[i] as number) / (den[i] as number) : (crop[i] as number) - (top[i] as number);
    return Math.max(0, (crop[i] as number) - back) * Math.min(1, 3 * (rim[i] as number));
  });
}

/** Grey-level white top-hat: the plane minus its opening by a (2r+1) square (bright detail narrower than the square). */
function whiteTopHat(p: Float32Array, w: number, h: number, r: number): Float32Array {
  const pass = (src: Float32Array, take: (a: number, b: number) => number, horizontal: boolean): Float32Array => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let v = src[y * w + x] as number;
        for (let k = -r; k <= r; k++) {
          const xx = horizontal ? Math.min(w - 1, Math.max(0, x + k)) : x;
          const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + k));
          v = take(v, src[yy * w + xx] as number);
        }
        out[y * w + x] = v;
      }
    }
    return out;
  };
  const eroded = pass(pass(p, Math.min, true), Math.min, false);
  const opened = pass(pass(eroded, Math.max, true), Math.max, false);
  return mapPlane(p.length, (i) => (p[i] as number) - (opened[i] as number));
}

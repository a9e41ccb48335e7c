/**
 * Finds text-like regions near the image edges: burned-in annotations ("Bettaufnahme", "PORTABLE", "AP", dates)
 * that DICOM PS3.15 E.1 says de-identification does not remove, so a person must look at them before a pack is used.
 * A hint for review, not OCR. Burned-in text is written by the modality or viewer at (near) full white or full black,
 * with sharp edges, in character-sized strokes laid out on a line; anatomy is none of these at once. So:
 *   1. candidates: pixels within 3% of the image's own maximum (or minimum), in the outer band (15% of each side);
 *   2. their 8-connected components of character size (0.8% to 5% of the shorter side tall, not much wider than
 *      tall, not too sparse), that contrast with a ring around them (a bony edge inside bright bone does not);
 *   3. a line of text: at least 3 such glyphs of similar height, overlapping vertically, with gaps under a glyph
 *      height. A lone lead marker ('L', 'R') is one glyph and is not reported.
 * Rectangles are in image pixels, half-open: x0 <= x < x1, y0 <= y < y1.
 */
import type { GrayImage } from '../types.js';

export interface TextRegion {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Share of each side that counts as the edge band. */
const BAND = 0.15;
/** Candidate pixels are this close (share of the data range) to the data's maximum or minimum. */
const NEAR_EXTREME = 0.03;
/** Glyph height limits, as shares of the shorter image side. */
const MIN_GLYPH = 0.008;
const MAX_GLYPH = 0.05;
/** The ring around a glyph must differ from the candidate threshold by this share of the data range. */
const MIN_CONTRAST = 0.2;
const MIN_GLYPHS_IN_LINE = 3;

interface Glyph {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  n: number;
}

/** Pixel classes in `scratch.cls`: a bright or a dark candidate, and whether the flood fill has reached it. */
const BRIGHT = 1;
const DARK = 2;
const SEEN = 4;

/** Buffers kept between calls (a build measures one image at a time per thread), so no image allocates megabytes. */
const scratch = { cls: new Uint8Array(0), stack: new Int32Array(0) };

/**
 * 8-connected components of the pixels of class `want` reached from band pixels, in row-major order of their first
 * band pixel; components over `cap` pixels are dropped. Only band pixels start a fill, so the scan skips the middle.
 */
function components(cls: Uint8Array, want: number, width: number, height: number, bx: number, by: number, cap: number): Glyph[] {
  const stack = scratch.stack;
  const found: Glyph[] = [];
  for (let y = 0; y < height; y++) {
    const middle = y >= by && y < height - by;
    for (let x = 0; x < width; x++) {
      if (middle && x === bx) x = Math.max(bx, width - bx); // x < bx || x >= width - bx only
      if (x >= width) break;
      const p = y * width + x;
      if (cls[p] !== want) continue; // not this class, or already reached (SEEN set)
      const g: Glyph = { x0: x, y0: y, x1: x + 1, y1: y + 1, n: 0 };
      let top = 0;
      stack[top++] = p;
      cls[p] = want | SEEN;
      while (top > 0) {
        const q = stack[--top] as number;
        const qx = q % width;
        const qy = (q - qx) / width;
        g.n++;
        if (qx < g.x0) g.x0 = qx;
        if (qx >= g.x1) g.x1 = qx + 1;
        if (qy < g.y0) g.y0 = qy;
        if (qy >= g.y1) g.y1 = qy + 1;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = qy + dy;
          if (ny < 0 || ny >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = qx + dx;
            if (nx < 0 || nx >= width) continue;
            const r = ny * width + nx;
            if (cls[r] === want) {
              cls[r] = want | SEEN;
              stack[top++] = r;
            }
          }
        }
      }
      if (g.n <= cap) found.push(g);
    }
  }
  return found;
}

/** Mean of the pixels in a ring around the glyph's box (box grown by `pad`), skipping candidate pixels of its class. */
function ringMean(image: GrayImage, cls: Uint8Array, want: number, g: Glyph, pad: number): number {
  const { width, height, data } = image;
  const x0 = Math.max(0, g.x0 - pad);
  const y0 = Math.max(0, g.y0 - pad);
  const x1 = Math.min(width, g.x1 + pad);
  const y1 = Math.min(height, g.y1 + pad);
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const inRows = y >= g.y0 && y < g.y1;
    for (let x = x0; x < x1; x++) {
      if (inRows && x >= g.x0 && x < g.x1) continue;
      const p = y * width + x;
      if (((cls[p] as number) & ~SEEN) === want) continue;
      sum += data[p] as number;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/** Union-find over glyphs: neighbours on one text line are joined; groups of >= 3 become regions. */
function textLines(glyphs: readonly Glyph[]): TextRegion[] {
  const parent = glyphs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let a = 0; a < glyphs.length; a++) {
    const A = glyphs[a] as Glyph;
    const ha = A.y1 - A.y0;
    for (let b = a + 1; b < glyphs.length; b++) {
      const B = glyphs[b] as Glyph;
      const hb = B.y1 - B.y0;
      const hMax = Math.max(ha, hb);
      if (hMax > 2 * Math.min(ha, hb)) continue;
      const overlap = Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0);
      if (overlap < 0.5 * Math.min(ha, hb)) continue;
      const gap = Math.max(B.x0 - A.x1, A.x0 - B.x1);
      if (gap > hMax) continue;
      parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, Glyph[]>();
  glyphs.forEach((g, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(g);
    groups.set(root, list);
  });
  const regions: TextRegion[] = [];
  for (const list of groups.values()) {
    if (list.length < MIN_GLYPHS_IN_LINE) continue;
    regions.push({
      x0: Math.min(...list.map((g) => g.x0)),
      y0: Math.min(...list.map((g) => g.y0)),
      x1: Math.max(...list.map((g) => g.x1)),
      y1: Math.max(...list.map((g) => g.y1)),
    });
  }
  return regions.sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0);
}

export function findEdgeTextRegions(image: GrayImage): TextRegion[] {
  const { width, height, data } = image;
  const n = width * height;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = data[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  if (!(range > 0)) return [];
  const side = Math.min(width, height);
  const minH = Math.max(4, Math.round(MIN_GLYPH * side));
  const maxH = Math.max(minH + 1, Math.round(MAX_GLYPH * side));
  const bx = Math.round(BAND * width);
  const by = Math.round(BAND * height);
  const inBand = (x: number, y: number): boolean => x < bx || x >= width - bx || y < by || y >= height - by;

  const bright = hi - NEAR_EXTREME * range;
  const dark = lo + NEAR_EXTREME * range;
  if (scratch.cls.length < n) scratch.cls = new Uint8Array(n);
  if (scratch.stack.length < n) scratch.stack = new Int32Array(n);
  const cls = scratch.cls;
  // A pixel cannot be both: bright >= hi - 3% of the range > lo + 3% >= dark.
  for (let i = 0; i < n; i++) {
    const v = data[i] as number;
    cls[i] = v >= bright ? BRIGHT : v <= dark ? DARK : 0;
  }
  const glyphs: Glyph[] = [];
  for (const polarity of [1, -1] as const) {
    const threshold = polarity > 0 ? bright : dark;
    const want = polarity > 0 ? BRIGHT : DARK;
    for (const g of components(cls, want, width, height, bx, by, maxH * maxH * 2)) {
      const h = g.y1 - g.y0;
      const w = g.x1 - g.x0;
      if (h < minH || h > maxH || w > 2.5 * h || g.n < 0.1 * w * h) continue;
      if (!inBand((g.x0 + g.x1) >> 1, (g.y0 + g.y1) >> 1)) continue;
      const ring = ringMean(image, cls, want, g, Math.max(2, Math.round(h / 3)));
      if (!(polarity * (threshold - ring) >= MIN_CONTRAST * range)) continue;
      glyphs.push(g);
    }
  }
  return textLines(glyphs);
}

/**
 * Moving the laterality marker for perfect-positioning (T4): where the re-framing would cut the lead marker off, it is
 * lifted off the film and laid down inside the new field by a whole-pixel shift, so its edges and grain stay its own
 * (a real exam always shows its marker, and half a letter would give the fake away for the wrong reason). How the
 * letters are found, lifted and laid down: forgery/README.md, Decisions.
 */
import type { Box } from '../domain/index.js';
import { gaussianBlur, robustSigma } from './filters.js';

/**
 * The lifted marker over `box` of the source: each pixel's value, the film's own value under it (the fill) and its
 * alpha (the share of the pixel the letter covers; 0 where there is no letter).
 */
export interface LiftedMarker {
  readonly box: Box;
  readonly value: Float32Array;
  readonly under: Float32Array;
  readonly alpha: Float32Array;
}

/** The marker's letters within a search box around the found letter. */
interface Letters {
  /** The search box (source pixels) and its crop. */
  readonly s: Box;
  readonly crop: Float32Array;
  /** 1 on the letters' pixels. */
  readonly mask: Uint8Array;
  /** The letters' extent (source pixels). */
  readonly extent: Box;
  /** The letters' own level: the lower quartile of their pixels (a lead letter is flat but for its grain and soft edge). */
  readonly level: number;
}

const FILL_SCALES = [1.5, 3, 6, 12] as const;
/** The copied texture is clipped at this many sigmas of the grain around the hole. */
const CLIP = 2.5;

function cropPlane(src: ArrayLike<number>, w: number, b: Box): Float32Array {
  const bw = b.x1 - b.x0;
  const out = new Float32Array(bw * (b.y1 - b.y0));
  for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x++) out[(y - b.y0) * bw + x - b.x0] = src[y * w + x] as number;
  return out;
}

/** Connected (8-neighbour) components of `on` in a bw x bh plane, as lists of indices. */
function components(on: Uint8Array, bw: number, bh: number): number[][] {
  const seen = new Uint8Array(on.length);
  const out: number[][] = [];
  for (let start = 0; start < on.length; start++) {
    if (!on[start] || seen[start]) continue;
    const comp: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      comp.push(i);
      const [x, y] = [i % bw, Math.floor(i / bw)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
          const j = ny * bw + nx;
          if (on[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(comp);
  }
  return out;
}

/**
 * The marker's letters: pixels above halfway between the background (median of the search box outside `m`) and the
 * letter (98th percentile of `m`). Blobs that reach into `m` (and 1 px around it) are the letter (only their part
 * there when they run out of the search box, as a wire does). Other blobs join (a technologist's initials, a ring
 * round the letter) when they:
 * - reach 60% of the way to the letter's level (the thin strokes of initials image dimmer);
 * - are not filled discs (ECG electrodes) and do not lie wholly above the letter (clips on the shoulder);
 * - are no bigger than the letter box, or enclose it (a ring round the letter);
 * - touch no edge of the search box (the letter box and twice its size around it);
 * - lie within half the letter's size of the letters found so far.
 */
function findLetters(src: ArrayLike<number>, w: number, h: number, m: Box): Letters {
  const size = Math.max(m.x1 - m.x0, m.y1 - m.y0);
  const s = { x0: Math.max(0, m.x0 - 2 * size), y0: Math.max(0, m.y0 - 2 * size), x1: Math.min(w, m.x1 + 2 * size), y1: Math.min(h, m.y1 + 2 * size) };
  const [bw, bh] = [s.x1 - s.x0, s.y1 - s.y0];
  const crop = cropPlane(src, w, s);
  const inM = (x: number, y: number, grow: number): boolean => x >= m.x0 - grow && x < m.x1 + grow && y >= m.y0 - grow && y < m.y1 + grow;
  const inner: number[] = [];
  const around: number[] = [];
  for (let y = s.y0; y < s.y1; y++) for (let x = s.x0; x < s.x1; x++) (inM(x, y, 0) ? inner : around).push(crop[(y - s.y0) * bw + x - s.x0] as number);
  inner.sort((a, b) => a - b);
  around.sort((a, b) => a - b);
  const peak = inner[Math.floor(0.98 * inner.length)] ?? 0;
  const bg = around[around.length >> 1] ?? inner[Math.floor(0.3 * inner.length)] ?? peak;
  const t = (bg + peak) / 2;
  const strong = bg + 0.6 * (peak - bg);
  const mask = new Uint8Array(crop.length);
  const extent = { x0: m.x1, y0: m.y1, x1: m.x0, y1: m.y0 };
  const add = (i: number): void => {
    const [x, y] = [s.x0 + (i % bw), s.y0 + Math.floor(i / bw)];
    mask[i] = 1;
    [extent.x0, extent.y0, extent.x1, extent.y1] = [Math.min(extent.x0, x), Math.min(extent.y0, y), Math.max(extent.x1, x + 1), Math.max(extent.y1, y + 1)];
  };
  const above = new Uint8Array(crop.length);
  for (let i = 0; i < crop.length; i++) above[i] = (crop[i] as number) > t ? 1 : 0;
  const others: { idx: number[]; box: Box }[] = [];
  for (const comp of components(above, bw, bh)) {
    let [x0, y0, x1, y1, top] = [Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    let touchesM = false;
    for (const i of comp) {
      const [x, y] = [s.x0 + (i % bw), s.y0 + Math.floor(i / bw)];
      [x0, y0, x1, y1, top] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1), Math.max(top, crop[i] as number)];
      touchesM ||= inM(x, y, 1);
    }
    // A blob that runs out of the search box (a wire, an edge) is not a letter: only its part at the letter counts.
    const edge = (x0 === s.x0 && s.x0 > 0) || (y0 === s.y0 && s.y0 > 0) || (x1 === s.x1 && s.x1 < w) || (y1 === s.y1 && s.y1 < h);
    if (touchesM) for (const i of comp) if (!edge || inM(s.x0 + (i % bw), s.y0 + Math.floor(i / bw), 1)) add(i);
    // A ring drawn round the letter (a circled "L") encloses it, whatever its size.
    const encloses = x0 <= m.x0 && y0 <= m.y0 && x1 >= m.x1 && y1 >= m.y1;
    // A filled disc (an ECG electrode or clip, most of its box) is not a letter; a letter's strokes fill half or less.
    const disc = comp.length > 0.6 * (x1 - x0) * (y1 - y0);
    // Initials go beside or under the letter, so a blob wholly above it (a clip or electrode on the shoulder) is not one.
    const above = y1 <= m.y0;
    if (!touchesM && top >= strong && !edge && !disc && !above && ((x1 - x0 <= size && y1 - y0 <= size) || encloses)) others.push({ idx: comp, box: { x0, y0, x1, y1 } });
  }
  if (extent.x1 <= extent.x0) Object.assign(extent, m);
  // Blobs join in turn while one lies near enough to the letters found so far.
  const near = 0.5 * size;
  for (let joined = true; joined; ) {
    joined = false;
    for (let k = others.length - 1; k >= 0; k--) {
      const b = (others[k] as { box: Box }).box;
      const gap = Math.max(b.x0 - extent.x1, extent.x0 - b.x1, b.y0 - extent.y1, extent.y0 - b.y1);
      if (gap > near) continue;
      for (const i of (others[k] as { idx: number[] }).idx) add(i);
      others.splice(k, 1);
      joined = true;
    }
  }
  const on: number[] = [];
  for (let i = 0; i < crop.length; i++) if (mask[i]) on.push(crop[i] as number);
  on.sort((a, b) => a - b);
  return { s, crop, mask, extent, level: on[on.length >> 2] ?? peak };
}

/** The marker's extent on the film: the letter `m` found by locateMarker and the lead letters beside it. */
export function markerExtent(src: ArrayLike<number>, w: number, h: number, m: Box): Box {
  return findLetters(src, w, h, m).extent;
}

/**
 * The hole (known = 0) filled in from the film around it: at each pixel, the normalised convolution of the known
 * pixels at the finest scale (FILL_SCALES) that has at least 30% known weight there. Known pixels keep their value.
 */
function fillHole(crop: Float32Array, known: Float32Array, bw: number, bh: number): Float32Array {
  const back = crop.slice();
  const todo = known.map((k) => (k > 0 ? 0 : 1));
  for (const sigma of FILL_SCALES) {
    const num = gaussianBlur(known.map((k, i) => k * (crop[i] as number)), bw, bh, sigma);
    const den = gaussianBlur(known, bw, bh, sigma);
    const last = sigma === FILL_SCALES[FILL_SCALES.length - 1];
    for (let i = 0; i < crop.length; i++) {
      if (!todo[i] || ((den[i] as number) < 0.3 && !last)) continue;
      back[i] = (den[i] as number) > 1e-6 ? (num[i] as number) / (den[i] as number) : (crop[i] as number);
      todo[i] = 0;
    }
  }
  return back;
}

/**
 * Where to take the hole's texture from: of the shifts by one and by one and a half times the hole's size in eight
 * directions whose copy of the hole lies on film (inside the crop, clear of the hole), the one whose 3 px ring around
 * the hole best matches the hole's own ring (sum of squared differences, each ring less its mean). As an index offset.
 */
function donorShift(crop: Float32Array, hole: Float32Array, bw: number, bh: number): { shift: number; ring: number[] } {
  const cells: number[] = [];
  let [x0, y0, x1, y1] = [bw, bh, 0, 0];
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    cells.push(i);
    const [x, y] = [i % bw, Math.floor(i / bw)];
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
  }
  const ring: number[] = [];
  for (let y = Math.max(0, y0 - 3); y < Math.min(bh, y1 + 3); y++) {
    for (let x = Math.max(0, x0 - 3); x < Math.min(bw, x1 + 3); x++) {
      if (hole[y * bw + x]) continue;
      let near = false;
      for (let dy = -3; dy <= 3 && !near; dy++) for (let dx = -3; dx <= 3 && !near; dx++) near = x + dx >= 0 && y + dy >= 0 && x + dx < bw && y + dy < bh && hole[(y + dy) * bw + x + dx] === 1;
      if (near) ring.push(y * bw + x);
    }
  }
  const mean = (idx: readonly number[], off: number): number => idx.reduce((s, i) => s + (crop[i + off] as number), 0) / Math.max(1, idx.length);
  const own = mean(ring, 0);
  let best = { shift: 0, cost: Infinity };
  for (const k of [1, 1.5]) {
    for (const [ux, uy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
      const [sx, sy] = [Math.round(ux * k * (x1 - x0)), Math.round(uy * k * (y1 - y0))];
      if (x0 + sx - 3 < 0 || y0 + sy - 3 < 0 || x1 + sx + 3 > bw || y1 + sy + 3 > bh) continue;
      const off = sy * bw + sx;
      if (cells.some((i) => hole[i + off] === 1)) continue;
      const theirs = mean(ring, off);
      let cost = 0;
      for (const i of ring) cost += ((crop[i] as number) - own - ((crop[i + off] as number) - theirs)) ** 2;
      if (cost < best.cost) best = { shift: off, cost };
    }
  }
  return { shift: best.shift, ring };
}

/** The film `src` (w x h) with the marker at `m` erased, and the lifted marker. `src` is left alone. */
export function liftMarker(src: Float32Array, w: number, h: number, m: Box): { clean: Float32Array; lifted: LiftedMarker } {
  const { s, crop, mask, level } = findLetters(src, w, h, m);
  const [bw, bh] = [s.x1 - s.x0, s.y1 - s.y0];
  // The hole: the letters and 2 px around them (their soft fringe).
  const hole = new Float32Array(crop.length);
  for (let i = 0; i < crop.length; i++) {
    if (!mask[i]) continue;
    const [x, y] = [i % bw, Math.floor(i / bw)];
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) if (x + dx >= 0 && y + dy >= 0 && x + dx < bw && y + dy < bh) hole[(y + dy) * bw + x + dx] = 1;
  }
  const known = hole.map((v) => 1 - v);
  const back = fillHole(crop, known, bw, bh);
  // The film's texture: a patch beside the letters (healing-brush style, the patch minus its own fill from around
  // the same hole shape, so only its texture comes along), from the nearby place whose surroundings best match the
  // hole's, clipped at 2.5 sigmas of the film's grain so no edge comes along.
  const { shift, ring } = donorShift(crop, hole, bw, bh);
  const moved = new Float32Array(crop.length);
  for (let i = 0; i < crop.length; i++) if (hole[i]) moved[i + shift] = 1;
  const donorBack = fillHole(crop, moved.map((v) => 1 - v), bw, bh);
  // Grain levels (robust sigma of the fine high-pass) on the ring around the hole and on the donor's ring: the copied
  // texture is toned down to the hole's surroundings (a patch from brighter, grainier film would stand out).
  const low = gaussianBlur(crop, bw, bh, 1.5);
  const grainOn = (off: number): number => robustSigma(ring.map((i) => (crop[i + off] as number) - (low[i + off] as number)));
  const [here, there] = [grainOn(0), grainOn(shift)];
  const gain = there > here ? here / there : 1;
  const clip = CLIP * here;
  const clean = src.slice();
  const value = new Float32Array(crop.length);
  const under = new Float32Array(crop.length);
  const alpha = new Float32Array(crop.length);
  for (let i = 0; i < crop.length; i++) {
    if (!hole[i]) continue;
    const [x, y] = [i % bw, Math.floor(i / bw)];
    const j = i + shift;
    const texture = known[j] ? Math.max(-clip, Math.min(clip, gain * ((crop[j] as number) - (donorBack[j] as number)))) : 0;
    clean[(s.y0 + y) * w + s.x0 + x] = (back[i] as number) + texture;
    const v = crop[i] as number;
    const b = back[i] as number;
    value[i] = v;
    under[i] = b;
    alpha[i] = level > b ? Math.max(0, Math.min(1, (v - b) / (level - b))) : 0;
  }
  return { clean, lifted: { box: s, value, under, alpha } };
}

/** Lays the lifted marker onto `out` (w wide), shifted by whole pixels (dx, dy), only inside `within`. */
export function layMarker(out: Float32Array, w: number, lifted: LiftedMarker, dx: number, dy: number, within: Box): void {
  const { box, value, under, alpha } = lifted;
  const bw = box.x1 - box.x0;
  for (let y = box.y0; y < box.y1; y++) {
    const oy = y + dy;
    if (oy < within.y0 || oy >= within.y1) continue;
    for (let x = box.x0; x < box.x1; x++) {
      const ox = x + dx;
      const k = (y - box.y0) * bw + x - box.x0;
      const a = alpha[k] as number;
      if (ox < within.x0 || ox >= within.x1 || a <= 0) continue;
      // The pixel is a share a of letter over 1 - a of film: swap the film under it for the film at its new place.
      out[oy * w + ox] = (value[k] as number) + (1 - a) * ((out[oy * w + ox] as number) - (under[k] as number));
    }
  }
}

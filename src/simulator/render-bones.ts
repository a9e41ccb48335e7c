import { createRng, type Rng } from '../domain/index.js';
import type { BoneSet, VertebralBody } from './bones.js';
import { wrapBlurTile } from './film-blur.js';
import { rasterKernels, type RasterKernels } from './film-kernels.js';
import { K_CORTEX, K_MARROW } from './bones.js';
import { mag, project, type Frame } from './geometry.js';
import { normalTable } from './noise.js';
import { addHollowSuperEllipsoid, addPrism, fillPolygon, type Canvas } from './raster.js';
import { tubeNodes } from './tube3d.js';
import { assertInFilm, ScratchArena, type FilmPlanes } from './tube-memory.js';
import { addTube, type Scratch } from './tubes.js';

/**
 * Draws a BoneSet on the fine (full-resolution, tilted) plane, and makes the trabecular texture that fills marrow:
 * band-passed noise folded into a network of plates and rods about a millimetre apart (cancellous bone seen in
 * projection), tiled periodically so it has no seams.
 */
export interface Texture {
  readonly data: Float32Array;
  readonly size: number;
  readonly amp: number;
  /** Where this film's window into the periodic tile starts. */
  readonly ox: number;
  readonly oy: number;
}

/** The trabecular tile's side (pixels). */
const TILE = 256;

const tiles = new Map<number, Float32Array>();

/** The tile for a pixel scale (built once from a fixed seed); each film reads it from its own random offset. */
export function trabecularTexture(pxPerMm: number, rng: Rng): Texture {
  const key = Math.round(pxPerMm * 4);
  let data = tiles.get(key);
  if (!data) {
    data = buildTile(key / 4);
    tiles.set(key, data);
  }
  return { data, size: TILE, amp: 1, ox: rng.int(TILE), oy: rng.int(TILE) };
}

let tileNoise: Float32Array | null = null;

/** The white noise every tile starts from (one fixed seed, so it is drawn once for all scales). */
function whiteTile(n: number): Float32Array {
  if (tileNoise) return tileNoise;
  const { table, seed } = normalTable(createRng(0x7ab3c));
  const out = new Float32Array(n * n);
  let st = seed | 0;
  for (let o = 0; o < out.length; o += n) st = whiteRow(out, table, o, n, st);
  tileNoise = out;
  return out;
}

/**
 * Row functions of the tile (see "Row functions" in README.md): a tile is built once per pixel scale, in a fresh
 * worker's first film, where loops inside a function called once run unoptimised. Each carries its running sum or
 * state from row to row, so the sums are taken in the same order as over the whole tile.
 */
function whiteRow(out: Float32Array, table: Float32Array, o: number, n: number, st0: number): number {
  const mask = table.length - 1;
  let st = st0;
  for (let i = o; i < o + n; i++) {
    st ^= st << 13;
    st ^= st >>> 17;
    st ^= st << 5;
    out[i] = table[st & mask] as number;
  }
  return st;
}

function absDiffRow(a: Float32Array, b: Float32Array, o: number, n: number, sum: number): number {
  let m = sum;
  for (let i = o; i < o + n; i++) m += Math.abs((a[i] as number) - (b[i] as number));
  return m;
}

/** Plates and rods where the two bands cross: a := r^2, r = max(0, 1 - |a - b| / k); returns the running sum of a. */
function ridgeRow(a: Float32Array, b: Float32Array, o: number, n: number, k: number, sum: number): number {
  let mean = sum;
  for (let i = o; i < o + n; i++) {
    const r = Math.max(0, 1 - Math.abs((a[i] as number) - (b[i] as number)) / k);
    a[i] = r * r;
    mean += r * r;
  }
  return mean;
}

function sqDevRow(a: Float32Array, o: number, n: number, mean: number, sum: number): number {
  let v = sum;
  for (let i = o; i < o + n; i++) v += ((a[i] as number) - mean) ** 2;
  return v;
}

function standardRow(a: Float32Array, o: number, n: number, mean: number, sd: number): void {
  for (let i = o; i < o + n; i++) a[i] = ((a[i] as number) - mean) / sd;
}

function buildTile(pxPerMm: number): Float32Array {
  const n = TILE;
  const a = new Float32Array(n * n);
  const b = new Float32Array(n * n);
  a.set(whiteTile(n));
  b.set(a);
  // Periodic box blurs (film-blur.ts, in WebAssembly), three passes each way approximating a Gaussian.
  wrapBlurTile(a, n, Math.max(1, Math.round(0.25 * pxPerMm)));
  wrapBlurTile(b, n, Math.max(2, Math.round(0.7 * pxPerMm)));
  // Ridges of the band-passed field (|x| small near its zero crossings) make a connected network.
  let m = 0;
  for (let o = 0; o < a.length; o += n) m = absDiffRow(a, b, o, n, m);
  m /= a.length;
  let mean = 0;
  for (let o = 0; o < a.length; o += n) mean = ridgeRow(a, b, o, n, 0.9 * m, mean);
  mean /= a.length;
  let v = 0;
  for (let o = 0; o < a.length; o += n) v = sqDevRow(a, o, n, mean, v);
  const sd = Math.sqrt(v / a.length) || 1;
  for (let o = 0; o < a.length; o += n) standardRow(a, o, n, mean, sd);
  return a;
}

/** Upright elliptic cylinder with a waist and a cortical shell; endplates are the shell's top and bottom. */
function drawBody(cv: Canvas, f: Frame, vb: VertebralBody, tex: Texture, kern: RasterKernels, texAt: number): void {
  const c0 = project(f, vb.X, vb.Y, vb.Z);
  const k = f.s * mag(f, vb.Z);
  const a = vb.a * k;
  const b = vb.b * k;
  const t = vb.cortexMm * k;
  const obl = vb.oblique * k;
  const ang = vb.tilt + Math.atan2(f.sinT, f.cosT);
  const cs = Math.cos(ang);
  const sn = Math.sin(ang);
  // The rotated body's bounding box (half-height b plus the bowed endplates and their spread).
  const hb = b + obl + 2 * k + 2;
  const ex = Math.abs(a * cs) + Math.abs(hb * sn) + 2;
  const ey = Math.abs(a * sn) + Math.abs(hb * cs) + 2;
  const x0 = Math.max(0, Math.floor(c0.x - ex));
  const x1 = Math.min(cv.width - 1, Math.ceil(c0.x + ex));
  const y0 = Math.max(0, Math.floor(c0.y - ey));
  const y1 = Math.min(cv.height - 1, Math.ceil(c0.y + ey));
  const mask = tex.size - 1;
  const d = cv.data.byteOffset;
  for (let y = y0; y <= y1; y++) {
    kern.bodyRow(d, y * cv.width, x0, x1, y + 0.5 - c0.y, c0.x, cs, sn, a, b, obl, k, t, vb.c, vb.cortexMm, texAt, ((y + tex.oy) & mask) * tex.size, tex.ox, mask, K_CORTEX, K_MARROW);
  }
}

/** Bytes of the film's scratch the bones take (the trabecular tile the vertebral bodies read). */
export const BONES_SCRATCH_BYTES = ScratchArena.bytes(TILE * TILE, 4);

export function renderBones(f: Frame, bones: BoneSet, sc: Scratch, B: Float32Array, tex: Texture, clumps: Texture, planes: FilmPlanes): void {
  assertInFilm(planes, 'renderBones', B);
  const cv: Canvas = { data: B, width: f.width, height: f.height };
  // The vertebral bodies' rows (film-kernels.ts bodyRow) read the tile from the film's scratch.
  const tile = new ScratchArena(planes).f32(tex.data.length);
  tile.set(tex.data);
  const kern = rasterKernels(planes.memory);
  const tilt = Math.atan2(f.sinT, f.cosT);
  for (const vb of bones.bodies) drawBody(cv, f, vb, tex, kern, tile.byteOffset);
  for (const r of bones.rings) {
    const c = project(f, r.X, r.Y, r.Z);
    const k = f.s * mag(f, r.Z);
    addPrism(cv, c.x, c.y, r.a * k, r.b * k, tilt, K_CORTEX * r.depth);
    addPrism(cv, c.x, c.y, Math.max(0.5, (r.a - r.wall) * k), Math.max(0.5, (r.b - r.wall) * k), tilt, (K_MARROW - K_CORTEX) * r.depth);
  }
  for (const p of bones.plates) fillPolygon(cv, p.pts.map((q) => project(f, q.X, q.Y, p.Z)), p.k * p.thicknessMm);
  for (const s of bones.shells) {
    const c = project(f, s.X, s.Y, s.Z);
    const k = f.s * mag(f, s.Z);
    addHollowSuperEllipsoid(cv, { cx: c.x, cy: c.y, a: s.a * k, b: s.b * k, c: s.c * k, k: K_CORTEX / k }, s.cortexMm * k, K_MARROW / k);
  }
  for (const t of bones.tubes) {
    const tx = t.clumpy ? clumps : tex;
    addTube(sc, tubeNodes(f, t.pts, t.cortexMm), B, t.kCortex, t.kMarrow, t.trabecular > 0 ? { ...tx, amp: t.trabecular } : undefined);
  }
}

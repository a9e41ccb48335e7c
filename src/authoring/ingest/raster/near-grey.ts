/**
 * The near-grey rule shared by the PNG and JPEG readers: a radiograph that went through a colour pipeline (a
 * generator's faint cast, a JPEG's chroma noise) is grey in content, its colour explained by its brightness, while
 * real colour (photographs, coloured labels, heat maps) depends on where it is. Accepted images become grey by Rec. 601
 * luma (ITU-R BT.601, JFIF's luma). The rule, its three tests and their thresholds: authoring/README.md, Decisions.
 */
import { IngestError } from '../types.js';
import { describeCast, type ColourCast } from './colour-cast.js';

export const MAX_CAST_LEVELS = 64;
export const RESIDUAL_FLOOR_LEVELS = 8;
export const RESIDUAL_CONTRAST_SHARE = 0.1;
export const RESIDUAL_OUTLIER_SHARE = 0.001;
export const RESIDUAL_HARD_LEVELS = 48;
/** A cast weaker than this is channel noise, not a tint worth teaching or reporting. */
export const REPORTED_CAST_LEVELS = 2;

const WR = 0.299;
const WG = 0.587;
const WB = 0.114;

export interface InterleavedSamples {
  readonly path: string;
  /** What the file is, for messages, e.g. 'PNG' or 'JPEG'. */
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly samples: ArrayLike<number>;
  /** 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  /** Largest sample value (255 or 65535); alpha equal to it is opaque. */
  readonly max: number;
}

export interface GreyResult {
  /** One luma sample per pixel, on the input's own scale (0..max). */
  readonly gray: Uint16Array;
  /** The cast found, or null for a grey or single-channel image (or one whose cast is under 2 levels). */
  readonly cast: ColourCast | null;
}

/** What the rule measured; `toGrey` decides from it. Exported for the tests that tune and explain the thresholds. */
export interface ColourMeasure {
  readonly castLevels: number;
  readonly tolerance: number;
  readonly outliers: number;
  readonly worstResidual: number;
  readonly worstAt: number;
  /** Cast at mid luma as R-G, B-G (levels), for its direction. */
  readonly castRG: number;
  readonly castBG: number;
}

const spread = (rg: number, bg: number): number => Math.max(0, rg, bg) - Math.min(0, rg, bg);

function checkOpaque(input: InterleavedSamples, n: number): void {
  const { channels, samples, max } = input;
  if (channels !== 2 && channels !== 4) return;
  for (let i = 0, o = channels - 1; i < n; i++, o += channels) {
    if (samples[o] !== max) {
      throw new IngestError(
        'unsupported',
        `${input.path}: the ${input.format} has transparent or partly transparent pixels (first at x=${i % input.width}, y=${Math.floor(i / input.width)}). ` +
          'A radiograph must be fully opaque: flatten the image (remove the alpha channel) and retry.',
      );
    }
  }
}

const inc = (a: Float64Array | Uint32Array, i: number): void => {
  a[i] = (a[i] as number) + 1;
};

const BINS = 32;
const BIN_WIDTH = 256 / BINS;
/** A brightness level's cast is measured only where this share of the pixels has it; rarer levels borrow it. */
const TRUSTED_BIN_SHARE = 0.001;
const D_OFFSET = 255;

/** Median of one bin's histogram of a colour difference (offset by 255), in levels. */
function histMedian(h: Uint32Array, base: number, count: number): number {
  let acc = 0;
  for (let v = 0; v < 511; v++) {
    acc += h[base + v] as number;
    if (2 * acc >= count) return v - D_OFFSET;
  }
  return 0;
}

/**
 * The cast as a function of brightness: per luma bin (32 bins of 8 levels) the median R-G and B-G, so that a clipped
 * or toned cast (not a straight line in luma) is followed, and a few coloured pixels cannot move it; bins holding under
 * 0.1% of the pixels take the nearest trusted bin's cast, so a mark in a rare brightness stays a residual.
 */
function castByBrightness(rg: Uint32Array, bg: Uint32Array, counts: Float64Array, n: number): { c1: Float64Array; c2: Float64Array; trusted: boolean[] } {
  const c1 = new Float64Array(BINS);
  const c2 = new Float64Array(BINS);
  const trusted = Array.from({ length: BINS }, (_, k) => (counts[k] as number) >= Math.max(1, TRUSTED_BIN_SHARE * n));
  for (let k = 0; k < BINS; k++) {
    if (!trusted[k]) continue;
    c1[k] = histMedian(rg, k * 511, counts[k] as number);
    c2[k] = histMedian(bg, k * 511, counts[k] as number);
  }
  for (let k = 0; k < BINS; k++) {
    if (trusted[k]) continue;
    let best = -1;
    for (let d = 1; d < BINS && best < 0; d++) {
      if (k - d >= 0 && trusted[k - d]) best = k - d;
      else if (k + d < BINS && trusted[k + d]) best = k + d;
    }
    if (best >= 0) {
      c1[k] = c1[best] as number;
      c2[k] = c2[best] as number;
    }
  }
  return { c1, c2, trusted };
}

/** The cast at luma `ys` (8-bit scale), interpolated between bin centres. */
function castAt(c: Float64Array, ys: number): number {
  const t = Math.min(BINS - 1, Math.max(0, ys / BIN_WIDTH - 0.5));
  const k = Math.floor(t);
  const f = t - k;
  return k + 1 < BINS ? (c[k] as number) * (1 - f) + (c[k + 1] as number) * f : (c[k] as number);
}

/** Luma into `gray`, and the colour of every pixel measured against its brightness. */
export function measureColour(input: InterleavedSamples, gray: Uint16Array): ColourMeasure | null {
  const { samples, channels, max } = input;
  const n = input.width * input.height;
  const s = 255 / max;
  const hist = new Float64Array(256);
  const counts = new Float64Array(BINS);
  const rg = new Uint32Array(BINS * 511);
  const bg = new Uint32Array(BINS * 511);
  let coloured = false;
  for (let i = 0, o = 0; i < n; i++, o += channels) {
    const r = samples[o] as number, g = samples[o + 1] as number, b = samples[o + 2] as number;
    const y = WR * r + WG * g + WB * b;
    gray[i] = Math.min(max, Math.round(y));
    const ys = y * s;
    const k = Math.min(BINS - 1, Math.floor(ys / BIN_WIDTH));
    inc(hist, Math.min(255, Math.round(ys)));
    inc(counts, k);
    if (r !== g || g !== b) coloured = true;
    inc(rg, k * 511 + Math.round((r - g) * s) + D_OFFSET);
    inc(bg, k * 511 + Math.round((b - g) * s) + D_OFFSET);
  }
  if (!coloured) return null;
  const { c1, c2, trusted } = castByBrightness(rg, bg, counts, n);
  const p1 = percentile(hist, n, 0.01);
  const p99 = percentile(hist, n, 0.99);
  let castLevels = 0, w = 0, castRG = 0, castBG = 0;
  for (let k = 0; k < BINS; k++) {
    if (!trusted[k]) continue;
    const centre = (k + 0.5) * BIN_WIDTH;
    if (centre >= p1 - BIN_WIDTH / 2 && centre <= p99 + BIN_WIDTH / 2) castLevels = Math.max(castLevels, spread(c1[k] as number, c2[k] as number));
    w += counts[k] as number;
    castRG += (c1[k] as number) * (counts[k] as number);
    castBG += (c2[k] as number) * (counts[k] as number);
  }
  const tolerance = Math.max(RESIDUAL_FLOOR_LEVELS, RESIDUAL_CONTRAST_SHARE * (p99 - p1));
  let outliers = 0, worstResidual = 0, worstAt = 0;
  for (let i = 0, o = 0; i < n; i++, o += channels) {
    const r = samples[o] as number, g = samples[o + 1] as number, b = samples[o + 2] as number;
    const ys = (WR * r + WG * g + WB * b) * s;
    const e = spread((r - g) * s - castAt(c1, ys), (b - g) * s - castAt(c2, ys));
    if (e > tolerance) outliers++;
    if (e > worstResidual) {
      worstResidual = e;
      worstAt = i;
    }
  }
  return { castLevels, tolerance, outliers, worstResidual, worstAt, castRG: castRG / Math.max(1, w), castBG: castBG / Math.max(1, w) };
}

function percentile(hist: Float64Array, n: number, q: number): number {
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v] as number;
    if (acc >= q * n) return v;
  }
  return hist.length - 1;
}

/** One grey sample per pixel and the cast removed, or an IngestError naming the file, the colour found and the fix. */
export function toGrey(input: InterleavedSamples): GreyResult {
  const { path, format, width, height, samples, channels } = input;
  const n = width * height;
  if (samples.length < n * channels) {
    throw new IngestError(
      'truncated',
      `${path}: the ${format} pixel data is incomplete (${samples.length} of ${n * channels} samples). The file is probably cut short; re-export it.`,
    );
  }
  checkOpaque(input, n);
  const gray = new Uint16Array(n);
  if (channels < 3) {
    for (let i = 0; i < n; i++) gray[i] = samples[i * channels] as number;
    return { gray, cast: null };
  }
  const m = measureColour(input, gray);
  if (m === null) return { gray, cast: null };
  const at = `x=${m.worstAt % width}, y=${Math.floor(m.worstAt / width)}`;
  const refuse = (what: string): never => {
    throw new IngestError(
      'colour',
      `${path}: the ${format} is in colour (${what}). A grey radiograph saved as RGB, even with a tint, is accepted; real colour ` +
        '(a photograph, coloured marks or an overlay) is not: export the image as grayscale without annotations and retry.',
    );
  };
  if (m.castLevels > MAX_CAST_LEVELS) refuse(`its colour cast reaches ${m.castLevels.toFixed(0)} levels of 255, over the ${MAX_CAST_LEVELS} a tinted grey image shows`);
  if (m.worstResidual > RESIDUAL_HARD_LEVELS) {
    refuse(`colour that brightness does not explain reaches ${m.worstResidual.toFixed(0)} levels of 255 at ${at}, over ${RESIDUAL_HARD_LEVELS}: coloured marks or content`);
  }
  if (m.outliers > RESIDUAL_OUTLIER_SHARE * n) {
    refuse(
      `${((100 * m.outliers) / n).toFixed(2)}% of pixels carry colour that brightness does not explain (over ${m.tolerance.toFixed(0)} levels of 255; ` +
        `at most ${RESIDUAL_OUTLIER_SHARE * 100}% may), most at ${at}`,
    );
  }
  return { gray, cast: m.castLevels >= REPORTED_CAST_LEVELS ? describeCast(m) : null };
}

/**
 * The one normalisation every served image goes through, so real and generated images differ only in content, never
 * in size, aspect or bit depth (a reader must not be able to tell them apart by file geometry):
 *   1. centre-crop to a square (the longer side loses equal amounts at both ends; an odd excess loses the extra pixel
 *      at the far end);
 *   2. resample to size x size: area-weighted box averaging with fractional pixel coverage when shrinking (every
 *      source pixel contributes exactly its overlap, so the mean is kept and no aliasing is introduced), bilinear
 *      interpolation on pixel centres when enlarging;
 *   3. requantise from the input's bitsStored to `bits`: v * (2^bits - 1) / (2^inBits - 1), rounded, so 0 and full
 *      scale map exactly onto 0 and full scale.
 * The window is reset to the full output range (DICOM PS3.3 C.11.2.1.2: center (2^bits-1)/2, width 2^bits).
 * Deterministic: plain arithmetic in a fixed order, no randomness.
 */
import type { GrayImage } from '../types.js';

export interface NormalisePolicy {
  /** Output width and height in pixels. */
  readonly size: number;
  /** Output bitsStored, 8..16. */
  readonly bits: number;
}

/** Source taps of a 1-D linear filter: output i reads src[start[i] .. start[i] + count[i]) with the given weights. */
interface Taps {
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly offset: Int32Array;
  readonly weights: Float64Array;
}

/** Box weights (shrinking) or bilinear weights (enlarging / same size) mapping `from` samples onto `to`. */
function axisTaps(from: number, to: number): Taps {
  const start = new Int32Array(to);
  const count = new Int32Array(to);
  const offset = new Int32Array(to);
  const weights: number[] = [];
  const scale = from / to;
  for (let i = 0; i < to; i++) {
    offset[i] = weights.length;
    if (scale > 1) {
      // Output pixel i covers [i*scale, (i+1)*scale) of the source; each source pixel j weighs its overlap.
      const lo = i * scale;
      const hi = Math.min(from, (i + 1) * scale);
      const j0 = Math.floor(lo);
      const j1 = Math.min(from, Math.ceil(hi));
      start[i] = j0;
      count[i] = j1 - j0;
      for (let j = j0; j < j1; j++) weights.push((Math.min(hi, j + 1) - Math.max(lo, j)) / scale);
    } else {
      // Pixel centres align: output centre i + 0.5 sits at source position (i + 0.5) * scale - 0.5.
      const pos = Math.min(from - 1, Math.max(0, (i + 0.5) * scale - 0.5));
      const j0 = Math.min(from - 1, Math.floor(pos));
      const f = pos - j0;
      start[i] = j0;
      if (f > 0 && j0 + 1 < from) {
        count[i] = 2;
        weights.push(1 - f, f);
      } else {
        count[i] = 1;
        weights.push(1);
      }
    }
  }
  return { start, count, offset, weights: Float64Array.from(weights) };
}

function checkPolicy(image: GrayImage, policy: NormalisePolicy): void {
  const { size, bits } = policy;
  if (!Number.isInteger(size) || size < 1 || size > 16384) {
    throw new Error(`normaliseImage: size must be an integer 1..16384, got ${size}`);
  }
  if (!Number.isInteger(bits) || bits < 8 || bits > 16) throw new Error(`normaliseImage: bits must be 8..16, got ${bits}`);
  if (image.data.length < image.width * image.height) {
    throw new Error(`normaliseImage: image data holds ${image.data.length} samples, fewer than ${image.width}x${image.height}`);
  }
}

export function normaliseImage(image: GrayImage, policy: NormalisePolicy): GrayImage {
  checkPolicy(image, policy);
  const { width, height, data } = image;
  const { size, bits } = policy;
  const side = Math.min(width, height);
  const ox = Math.floor((width - side) / 2);
  const oy = Math.floor((height - side) / 2);
  const tx = axisTaps(side, size);
  const ty = axisTaps(side, size);

  // Horizontal pass over the crop rows that the vertical pass will read: side rows x size columns.
  const rows = new Float64Array(side * size);
  for (let y = 0; y < side; y++) {
    const src = (oy + y) * width + ox;
    const dst = y * size;
    for (let i = 0; i < size; i++) {
      const s = src + (tx.start[i] as number);
      const w = tx.offset[i] as number;
      const n = tx.count[i] as number;
      let acc = 0;
      for (let k = 0; k < n; k++) acc += (tx.weights[w + k] as number) * (data[s + k] as number);
      rows[dst + i] = acc;
    }
  }

  // Vertical pass with the requantisation folded in.
  const outMax = 2 ** bits - 1;
  const gain = outMax / (2 ** image.bitsStored - 1);
  const out = new Uint16Array(size * size);
  const line = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    line.fill(0);
    const s = ty.start[j] as number;
    const w = ty.offset[j] as number;
    const n = ty.count[j] as number;
    for (let k = 0; k < n; k++) {
      const wk = ty.weights[w + k] as number;
      const r = (s + k) * size;
      for (let i = 0; i < size; i++) line[i] = (line[i] as number) + wk * (rows[r + i] as number);
    }
    const dst = j * size;
    for (let i = 0; i < size; i++) {
      const v = Math.round((line[i] as number) * gain);
      out[dst + i] = v < 0 ? 0 : v > outMax ? outMax : v;
    }
  }
  return { width: size, height: size, data: out, bitsStored: bits, windowCenter: outMax / 2, windowWidth: 2 ** bits };
}

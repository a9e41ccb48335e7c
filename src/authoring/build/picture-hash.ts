/**
 * A difference hash (dHash; Krawetz, "Kind of like that", 2013) of a radiograph: the centre square, averaged down to
 * 17 x 16 cells, one bit per pair of horizontal neighbours (is the left cell brighter?), 256 bits. The same picture
 * in another encoding (J2K lossy and lossless, PNG and DICOM, 8 and 16 bits, another size) hashes within a few bits;
 * different radiographs differ in dozens. The builder uses it so one picture cannot appear twice in a pack, where a
 * reader could compare a forged copy with its real twin.
 */
import type { GrayImage } from '../../imaging/index.js';

const COLS = 17;
const ROWS = 16;

/** Hamming distance at or below which two hashes are taken as the same picture (of 256 bits). */
export const SAME_PICTURE_BITS = 12;

export function pictureHash(img: GrayImage): Uint8Array {
  const side = Math.min(img.width, img.height);
  const x0 = Math.floor((img.width - side) / 2);
  const y0 = Math.floor((img.height - side) / 2);
  const cells = new Float64Array(COLS * ROWS);
  const counts = new Uint32Array(COLS * ROWS);
  // Sample at most ~512 x 512 points: the cells are large, and a full pass over a 4k film is not needed.
  const step = Math.max(1, Math.floor(side / 512));
  for (let y = 0; y < side; y += step) {
    const row = ((y * ROWS) / side) | 0;
    const base = (y0 + y) * img.width + x0;
    for (let x = 0; x < side; x += step) {
      const k = row * COLS + (((x * COLS) / side) | 0);
      cells[k] = (cells[k] as number) + (img.data[base + x] as number);
      counts[k] = (counts[k] as number) + 1;
    }
  }
  const bits = new Uint8Array(32);
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS - 1; c++) {
      const k = r * COLS + c;
      const left = (cells[k] as number) / Math.max(1, counts[k] as number);
      const right = (cells[k + 1] as number) / Math.max(1, counts[k + 1] as number);
      const i = r * (COLS - 1) + c;
      if (left > right) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
    }
  }
  return bits;
}

export function hashDistance(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let v = (a[i] as number) ^ (b[i] as number);
    while (v) {
      d += v & 1;
      v >>= 1;
    }
  }
  return d;
}

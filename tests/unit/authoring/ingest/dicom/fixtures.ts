/** Shared fixture builders for the DICOM decoder tests: a 12-bit pattern with a known orientation. */
import { grayPixelModule, writeDicom, type Element } from '../../../../helpers/dicom-writer.js';
import { createCodecSet } from '../../../../../src/authoring/ingest/codecs.js';

export const W = 80;
export const H = 64;
export const codecs = createCodecSet();

/** Noisy 12-bit pattern spanning exactly 0..4095, so lossless decoding must give it back unchanged. */
export function pattern12(): Uint16Array {
  const p = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) p[y * W + x] = (x * 37 + y * 61 + ((x * y) % 7) * 13 + 100) % 4000;
  p[0] = 0;
  p[W * H - 1] = 4095;
  return p;
}

/** Smooth 12-bit gradient (left dark, right bright, lower half brighter) for lossy codecs; spans 0..4095. */
export function gradient12(): Uint16Array {
  const p = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) p[y * W + x] = Math.round((x / (W - 1)) * 3000 + (y / (H - 1)) * 1095);
  return p;
}

export function to8(p: Uint16Array): Uint8Array {
  return Uint8Array.from(p, (v) => v >> 4);
}

export function dicom(o: {
  ts: string;
  bits?: number;
  allocated?: number;
  pixels?: Uint8Array | Uint16Array;
  fragments?: Uint8Array[];
  extra?: Element[];
  photometric?: 'MONOCHROME1' | 'MONOCHROME2';
  signed?: boolean;
  rows?: number;
  columns?: number;
}): Uint8Array {
  const bits = o.bits ?? 12;
  return writeDicom({
    transferSyntax: o.ts,
    elements: [
      ...grayPixelModule({
        rows: o.rows ?? H,
        columns: o.columns ?? W,
        bitsAllocated: o.allocated ?? (bits > 8 ? 16 : 8),
        bitsStored: bits,
        photometric: o.photometric ?? 'MONOCHROME2',
        signed: o.signed ?? false,
      }),
      ...(o.extra ?? []),
    ],
    ...(o.pixels ? { pixels: o.pixels } : {}),
    ...(o.fragments ? { fragments: o.fragments } : {}),
  });
}

export const file = (bytes: Uint8Array, path = 'fixture/test.dcm') => ({ path, bytes });

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

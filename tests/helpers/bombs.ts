/**
 * Hostile files for the bad-input tests, built small: DEFLATE streams of many zero bytes are made from one
 * full-flushed segment repeated (zlib's Z_FULL_FLUSH resets the dictionary, so segments are independent and
 * byte-aligned, RFC 1951 3.2.3), never by holding the gigabytes they expand to.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { grayPixelModule, TS, writeDicom, type Element } from './dicom-writer.js';

const SEGMENT = 1024 ** 2;
let zeroSegment: Buffer | undefined;

/** Raw DEFLATE of `prefix` then `zeros` zero bytes (zeros a multiple of 1 MiB), final block included. */
export function deflateWithZeros(prefix: Uint8Array, zeros: number): Uint8Array {
  zeroSegment ??= deflateRawSync(Buffer.alloc(SEGMENT), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = deflateRawSync(prefix, { finishFlush: constants.Z_FULL_FLUSH });
  const n = Math.ceil(zeros / SEGMENT);
  const out = new Uint8Array(head.length + n * zeroSegment.length + 2);
  out.set(head, 0);
  for (let i = 0; i < n; i++) out.set(zeroSegment, head.length + i * zeroSegment.length);
  // A final, empty fixed-Huffman block: BFINAL 1, BTYPE 01, end-of-block code 0000000.
  out.set([0x03, 0x00], out.length - 2);
  return out;
}

/** The zlib form (RFC 1950) of the same: header, stream, Adler-32 of all the data (zeros only add to its B sum). */
export function zlibWithZeros(prefix: Uint8Array, zeros: number): Uint8Array {
  const raw = deflateWithZeros(prefix, zeros);
  let a = 1;
  let b = 0;
  for (const v of prefix) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  b = (b + ((Math.ceil(zeros / SEGMENT) * SEGMENT) % 65521) * a) % 65521;
  const out = new Uint8Array(raw.length + 6);
  out.set([0x78, 0xda], 0);
  out.set(raw, 2);
  new DataView(out.buffer).setUint32(out.length - 4, ((b << 16) | a) >>> 0);
  return out;
}

const u32be = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const td = new Uint8Array(4 + data.length);
  td.set([...type].map((c) => c.charCodeAt(0)), 0);
  td.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32be(data.length), 0);
  out.set(td, 4);
  out.set(u32be(crc32(td)), 8 + data.length);
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};

const SIG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ihdr = (w: number, h: number): Uint8Array => pngChunk('IHDR', Uint8Array.from([...u32be(w), ...u32be(h), 8, 0, 0, 0, 0]));

/** An 8-bit grey PNG whose IHDR says 1024 x 1024 but whose IDAT inflates to `bytes` (1 GiB: a 1 MB file). */
export function pngIdatBomb(bytes = 1024 ** 3): Uint8Array {
  return concat(SIG, ihdr(1024, 1024), pngChunk('IDAT', zlibWithZeros(new Uint8Array(0), bytes)), pngChunk('IEND', new Uint8Array(0)));
}

/**
 * A valid 1024 x 1024 PNG (`image`) with a zTXt or iTXt chunk whose text inflates to `bytes`, or an iCCP chunk
 * whose ICC profile does (PNG 11.3.3.3: profile name, NUL, method 0, zlib data).
 */
export function pngTextBomb(image: Uint8Array, type: 'zTXt' | 'iTXt' | 'iCCP', bytes = 1024 ** 3): Uint8Array {
  const key = [...(type === 'iCCP' ? 'ICC profile' : 'Comment')].map((c) => c.charCodeAt(0));
  const head = type === 'iTXt' ? [...key, 0, 1, 0, 0, 0] : [...key, 0, 0];
  const chunk = pngChunk(type, concat(Uint8Array.from(head), zlibWithZeros(new TextEncoder().encode('x'), bytes)));
  return concat(image.subarray(0, 33), chunk, image.subarray(33));
}

/**
 * A deflated-explicit-VR DICOM whose pixel module says 1024 x 1024 x 16 bits but whose data set inflates to
 * `pixelBytes` of pixel data (1 GiB or 3 GiB from 1.5 or 4.5 MB); `extra` elements go before it.
 */
export function deflatedDicomBomb(pixelBytes: number, options: { extra?: Element[]; beforePixels?: boolean } = {}): Uint8Array {
  const elements = [...grayPixelModule({ rows: 1024, columns: 1024, bitsAllocated: 16, bitsStored: 12 }), ...(options.extra ?? [])];
  const meta = writeDicom({ transferSyntax: TS.deflatedLE, elements: [] });
  const metaEnd = 132 + 12 + new DataView(meta.buffer, meta.byteOffset).getUint32(140, true);
  const plain = writeDicom({ transferSyntax: TS.explicitLE, elements });
  const plainMetaEnd = 132 + 12 + new DataView(plain.buffer, plain.byteOffset).getUint32(140, true);
  const length = [0, 8, 16, 24].map((s) => (Math.min(pixelBytes, 0xfffffffe) >>> s) & 255);
  // Pixel Data (7FE0,0010) OW with a 32-bit length (PS3.5 7.1.2), then the zeros; or, with beforePixels, a private
  // OB element (0009,1000) holding the zeros, with no pixel data after it.
  const header = options.beforePixels ? [0x09, 0x00, 0x00, 0x10, 0x4f, 0x42, 0, 0, ...length] : [0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x57, 0, 0, ...length];
  return concat(meta.subarray(0, metaEnd), deflateWithZeros(concat(plain.subarray(plainMetaEnd), Uint8Array.from(header)), pixelBytes));
}

/** A deflated-explicit-VR DICOM of real pixels (a legal file, for comparison). */
export function deflatedDicom(pixels: Uint16Array, rows: number, columns: number): Uint8Array {
  return writeDicom({ transferSyntax: TS.deflatedLE, elements: grayPixelModule({ rows, columns, bitsAllocated: 16, bitsStored: 12 }), pixels });
}

/** A JPEG 2000 DICOM whose codestream's SIZ declares `side` x `side` pixels, whatever its DICOM header says. */
export function withJ2kSize(dicom: Uint8Array, side: number): Uint8Array {
  const out = dicom.slice();
  for (let i = 0; i + 16 < out.length; i++) {
    // SOC then SIZ (ITU-T T.800 A.5.1): Xsiz at +8, Ysiz at +12 from SOC.
    if (out[i] === 0xff && out[i + 1] === 0x4f && out[i + 2] === 0xff && out[i + 3] === 0x51) {
      out.set(u32be(side), i + 8);
      out.set(u32be(side), i + 12);
      return out;
    }
  }
  throw new Error('withJ2kSize: no JPEG 2000 codestream in this file');
}

/**
 * A zip of `count` entries of exactly 1 MiB of zeros each (every one about 1,000-fold, each under the old rule that
 * began above 1 MiB), plus a manifest.json so that it reads as a pack to import.
 */
export function zipOfFlatEntries(count = 2040): Uint8Array {
  zeroSegment ??= deflateRawSync(Buffer.alloc(SEGMENT), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = concat(zeroSegment, Uint8Array.of(0x03, 0x00));
  const crc = crc32(Buffer.alloc(SEGMENT));
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const le = (v: number, n: number): number[] => Array.from({ length: n }, (_, i) => (v / 256 ** i) & 255);
  const names = ['manifest.json', ...Array.from({ length: count }, (_, i) => `images/c${String(i + 1).padStart(4, '0')}.png`)];
  for (const name of names) {
    const nm = new TextEncoder().encode(name);
    const head = Uint8Array.from([...le(0x04034b50, 4), 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, ...le(crc, 4), ...le(data.length, 4), ...le(SEGMENT, 4), ...le(nm.length, 2), 0, 0]);
    local.push(head, nm, data);
    central.push(Uint8Array.from([...le(0x02014b50, 4), 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, ...le(crc, 4), ...le(data.length, 4), ...le(SEGMENT, 4), ...le(nm.length, 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...le(offset, 4)]), nm);
    offset += head.length + nm.length + data.length;
  }
  const cd = concat(...central);
  const end = Uint8Array.from([...le(0x06054b50, 4), 0, 0, 0, 0, ...le(names.length, 2), ...le(names.length, 2), ...le(cd.length, 4), ...le(offset, 4), 0, 0]);
  return concat(...local, cd, end);
}

/**
 * The one PNG chunk walker (and chunk writer) of the project (W3C PNG 3rd ed., 5.3 "Chunk layout": 4-byte big-endian length, 4-byte
 * type, data, CRC-32 over type and data). Ingest uses it to name each structural fault before a decoder runs;
 * pack validation and the leak audit use `readPngStructure` to see a served file's chunks without decoding pixels.
 */
import { crc32 } from './crc32.js';

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const isPng = (bytes: Uint8Array): boolean => bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);

export interface PngChunk {
  readonly type: string;
  /** Chunk data: a view into the file, not a copy. */
  readonly data: Uint8Array;
  /** Whether the stored CRC matches (always true when the walk was asked not to check). */
  readonly crcOk: boolean;
}

export interface PngChunkWalk {
  readonly chunks: readonly PngChunk[];
  /** True when a chunk runs past the end of the file, or no IEND was found. */
  readonly truncated: boolean;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grayscale, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA (PNG 11.2.1). */
  readonly colourType: number;
  readonly interlace: number;
}

const readU32 = (b: Uint8Array, o: number): number =>
  (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;

const typeName = (b: Uint8Array, o: number): string =>
  String.fromCharCode(b[o] as number, b[o + 1] as number, b[o + 2] as number, b[o + 3] as number);

/** One chunk as bytes (PNG 5.3): length, type, data, CRC-32 over type and data (zero when `crc` is false). */
export function pngChunk(type: string, data: Uint8Array, options: { readonly crc?: boolean } = {}): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  if (options.crc ?? true) view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The signature and the chunks, as one PNG file. */
export function pngFile(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(PNG_SIGNATURE.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(PNG_SIGNATURE, 0);
  let o = PNG_SIGNATURE.length;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Walks every chunk after the signature (the caller checks the signature). CRCs are checked unless told not to. */
export function walkPngChunks(bytes: Uint8Array, options: { readonly checkCrc?: boolean } = {}): PngChunkWalk {
  const checkCrc = options.checkCrc ?? true;
  const chunks: PngChunk[] = [];
  let o = PNG_SIGNATURE.length;
  while (o + 8 <= bytes.length) {
    const length = readU32(bytes, o);
    const type = typeName(bytes, o + 4);
    const dataStart = o + 8;
    const dataEnd = dataStart + length;
    // PNG 5.3: a length is at most 2^31 - 1.
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return { chunks, truncated: true };
    const crcOk = !checkCrc || crc32(bytes.subarray(o + 4, dataEnd)) === readU32(bytes, dataEnd);
    chunks.push({ type, data: bytes.subarray(dataStart, dataEnd), crcOk });
    if (type === 'IEND') return { chunks, truncated: false };
    o = dataEnd + 4;
  }
  return { chunks, truncated: true };
}

/** IHDR (PNG 11.2.1), or undefined when the chunk is not a 13-byte IHDR. */
export function readIhdr(chunk: PngChunk | undefined): PngHeader | undefined {
  if (chunk?.type !== 'IHDR' || chunk.data.length !== 13) return undefined;
  const d = chunk.data;
  return { width: readU32(d, 0), height: readU32(d, 4), bitDepth: d[8] as number, colourType: d[9] as number, interlace: d[12] as number };
}

/** APNG acTL (PNG 3rd ed. 11.3.6.1): the number of frames, or 1 when the file is not animated. */
export function apngFrameCount(chunks: readonly PngChunk[]): number {
  const actl = chunks.find((c) => c.type === 'acTL');
  return actl && actl.data.length >= 4 ? readU32(actl.data, 0) : 1;
}

export interface PngStructure {
  readonly header: PngHeader;
  /** Chunk types in file order, e.g. ['IHDR', 'IDAT', 'IEND']. */
  readonly chunks: readonly string[];
  /** Second byte of the zlib stream (FLG): its top two bits are the encoder's declared level; null if no IDAT. */
  readonly zlibFlg: number | null;
}

/** The chunk list of a well-formed PNG, without decoding pixels; throws an Error with a plain message otherwise. */
export function readPngStructure(bytes: Uint8Array): PngStructure {
  if (!isPng(bytes)) throw new Error('not a PNG file (the signature is missing)');
  const walk = walkPngChunks(bytes, { checkCrc: false });
  const first = walk.chunks[0];
  if (first?.type === 'IHDR' && first.data.length !== 13) throw new Error('PNG IHDR chunk has the wrong length');
  const header = readIhdr(first);
  if (!header) throw new Error('PNG has no IHDR chunk first');
  if (walk.truncated) throw new Error('PNG ends early: a chunk runs past the end of the file, or IEND is missing (truncated?)');
  const idat = walk.chunks.find((c) => c.type === 'IDAT' && c.data.length >= 2);
  return { header, chunks: walk.chunks.map((c) => c.type), zlibFlg: idat ? (idat.data[1] as number) : null };
}

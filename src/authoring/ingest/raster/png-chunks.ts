/**
 * A hand-written PNG chunk walker (PNG spec, 3rd ed., 5.3 "Chunk layout": 4-byte length, 4-byte type, data, CRC-32
 * over type + data). It checks the structure before fast-png runs, so each fault gets its own reason: a chunk that
 * runs past the end of the file is 'truncated', a CRC mismatch is 'corrupt'. It also hands the ancillary chunks to
 * the metadata scan without decoding any pixels.
 */

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const hasPngSignature = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

export interface PngChunk {
  readonly type: string;
  /** Chunk data (a view into the file, not a copy). */
  readonly data: Uint8Array;
  readonly crcOk: boolean;
}

export interface PngChunkWalk {
  readonly chunks: readonly PngChunk[];
  /** True when the walk stopped because a chunk ran past the end of the file, or no IEND was found. */
  readonly truncated: boolean;
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as in PNG spec Annex D (the same polynomial as zlib and ISO 3309). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const readU32 = (b: Uint8Array, o: number): number =>
  (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;

const typeName = (b: Uint8Array, o: number): string =>
  String.fromCharCode(b[o] as number, b[o + 1] as number, b[o + 2] as number, b[o + 3] as number);

/** Walks every chunk after the signature. The caller checks the signature first. */
export function walkPngChunks(bytes: Uint8Array): PngChunkWalk {
  const chunks: PngChunk[] = [];
  let o = PNG_SIGNATURE.length;
  while (o + 8 <= bytes.length) {
    const length = readU32(bytes, o);
    const type = typeName(bytes, o + 4);
    const dataStart = o + 8;
    const dataEnd = dataStart + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return { chunks, truncated: true };
    const crcOk = crc32(bytes, o + 4, dataEnd) === readU32(bytes, dataEnd);
    chunks.push({ type, data: bytes.subarray(dataStart, dataEnd), crcOk });
    if (type === 'IEND') return { chunks, truncated: false };
    o = dataEnd + 4;
  }
  return { chunks, truncated: true };
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
}

/** IHDR (PNG spec 11.2.1): width, height, bit depth, colour type; undefined when the chunk is too short. */
export function readIhdr(chunk: PngChunk): PngHeader | undefined {
  if (chunk.type !== 'IHDR' || chunk.data.length < 13) return undefined;
  const d = chunk.data;
  return { width: readU32(d, 0), height: readU32(d, 4), bitDepth: d[8] as number, colourType: d[9] as number };
}

/** APNG acTL (PNG spec 3rd ed. 11.3.6.1): number of frames, or 1 when the file is not animated. */
export function apngFrameCount(chunks: readonly PngChunk[]): number {
  const actl = chunks.find((c) => c.type === 'acTL');
  return actl && actl.data.length >= 4 ? readU32(actl.data, 0) : 1;
}

/**
 * A minimal reader of PNG structure (ISO/IEC 15948 / W3C PNG 3rd ed.): the IHDR fields and the list of chunks,
 * without decoding pixels. Used to check a pack's images match its manifest and, by the leak audit, to see
 * file-level differences between real and fake files.
 */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grayscale, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  readonly colourType: number;
  readonly interlace: number;
}

export interface PngStructure {
  readonly header: PngHeader;
  /** Chunk types in file order, e.g. ['IHDR', 'IDAT', 'IEND']. */
  readonly chunks: readonly string[];
  /** Second byte of the zlib stream (FLG): its top two bits are the encoder's declared level; null if no IDAT. */
  readonly zlibFlg: number | null;
}

export const isPng = (bytes: Uint8Array): boolean => bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);

const u32 = (b: Uint8Array, o: number): number =>
  (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;

/** Reads the chunk list. Throws an Error with a plain message when the bytes are not a well-formed PNG. */
export function readPngStructure(bytes: Uint8Array): PngStructure {
  if (!isPng(bytes)) throw new Error('not a PNG file (the signature is missing)');
  const chunks: string[] = [];
  let header: PngHeader | null = null;
  let zlibFlg: number | null = null;
  let o = 8;
  while (o + 12 <= bytes.length) {
    const length = u32(bytes, o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = o + 8;
    if (data + length + 4 > bytes.length) throw new Error(`PNG chunk '${type}' runs past the end of the file (truncated?)`);
    chunks.push(type);
    if (type === 'IHDR') {
      if (length !== 13) throw new Error('PNG IHDR chunk has the wrong length');
      header = {
        width: u32(bytes, data),
        height: u32(bytes, data + 4),
        bitDepth: bytes[data + 8] as number,
        colourType: bytes[data + 9] as number,
        interlace: bytes[data + 12] as number,
      };
    } else if (type === 'IDAT' && zlibFlg === null && length >= 2) {
      zlibFlg = bytes[data + 1] as number;
    }
    o = data + length + 4;
    if (type === 'IEND') break;
  }
  if (header === null || chunks[0] !== 'IHDR') throw new Error('PNG has no IHDR chunk first');
  if (chunks[chunks.length - 1] !== 'IEND') throw new Error('PNG has no IEND chunk (truncated?)');
  return { header, chunks, zlibFlg };
}

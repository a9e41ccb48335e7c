/**
 * The size a compressed frame declares in its own header, read before any codec runs: a codec allocates what its
 * codestream declares, so a JPEG 2000 frame that says 16000 px under a 1760 px DICOM header must be refused from
 * the header, not after decoding. JPEG 2000: the SIZ marker segment right after SOC (ITU-T T.800 A.5.1), in a raw
 * codestream (DICOM PS3.5 A.4.4) or inside a JP2 'jp2c' box (T.800 I.5.4). JPEG and JPEG-LS: the SOFn (T.81 B.2.2)
 * or SOF55 (T.87 C.2.2) frame header.
 */
import { hasJpegSignature, isSofMarker, walkJpegSegments } from '../raster/jpeg-segments.js';
import type { PixelEncoding } from './transfer-syntax.js';

export interface DeclaredFrame {
  readonly width: number;
  readonly height: number;
  readonly components: number;
}

const u16 = (b: Uint8Array, o: number): number => ((b[o] as number) << 8) | (b[o + 1] as number);
const u32 = (b: Uint8Array, o: number): number => ((u16(b, o) << 16) | u16(b, o + 2)) >>> 0;

/** The codestream inside a JP2 file: the payload of its 'jp2c' box (ISO/IEC 15444-1 I.4). */
function jp2Codestream(b: Uint8Array): Uint8Array | null {
  let o = 0;
  while (o + 8 <= b.length) {
    let len = u32(b, o);
    const type = String.fromCharCode(b[o + 4] as number, b[o + 5] as number, b[o + 6] as number, b[o + 7] as number);
    let head = 8;
    if (len === 1 && o + 16 <= b.length) {
      len = u32(b, o + 12) + u32(b, o + 8) * 2 ** 32;
      head = 16;
    } else if (len === 0) len = b.length - o;
    if (type === 'jp2c') return b.subarray(o + head, Math.min(b.length, o + len));
    if (len < head) return null;
    o += len;
  }
  return null;
}

function j2kSize(frame: Uint8Array): DeclaredFrame | null {
  const cs = frame[0] === 0xff && frame[1] === 0x4f ? frame : jp2Codestream(frame);
  // SOC (FF4F) then SIZ (FF51): Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz, XTOsiz, YTOsiz, Csiz.
  if (!cs || cs.length < 42 || cs[0] !== 0xff || cs[1] !== 0x4f || cs[2] !== 0xff || cs[3] !== 0x51) return null;
  return { width: u32(cs, 8) - u32(cs, 16), height: u32(cs, 12) - u32(cs, 20), components: u16(cs, 40) };
}

function jpegSize(frame: Uint8Array): DeclaredFrame | null {
  if (!hasJpegSignature(frame)) return null;
  const seg = walkJpegSegments(frame).segments.find((s) => isSofMarker(s.marker) || s.marker === 0xf7);
  if (!seg || seg.data.length < 6) return null;
  return { height: u16(seg.data, 1), width: u16(seg.data, 3), components: seg.data[5] as number };
}

/** What the frame declares, or null when its header cannot be read (RLE declares no size; its decoder is bounded). */
export function declaredFrame(encoding: PixelEncoding, frame: Uint8Array): DeclaredFrame | null {
  if (encoding === 'jpeg2000') return j2kSize(frame);
  if (encoding === 'jpeg-baseline' || encoding === 'jpeg-lossless' || encoding === 'jpeg-ls') return jpegSize(frame);
  return null;
}

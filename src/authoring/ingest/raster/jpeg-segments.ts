/**
 * A hand-written JPEG marker walker (ITU-T T.81 B.1.1.2 and Annex B: a marker is 0xFF then a code; every marker
 * other than SOI, EOI, RSTn and TEM carries a 2-byte big-endian length that counts itself). It reads the
 * header segments up to the first SOS, which is where JFIF/Exif/XMP/ICC/C2PA/IPTC segments live, then checks that
 * an EOI follows the entropy-coded data.
 */

export interface JpegSegment {
  /** Marker code, e.g. 0xe1 for APP1. */
  readonly marker: number;
  /** Segment data after the length field (a view into the file). */
  readonly data: Uint8Array;
}

export interface JpegFrameHeader {
  readonly sofMarker: number;
  readonly precision: number;
  readonly width: number;
  readonly height: number;
  readonly components: number;
}

export interface JpegWalk {
  readonly segments: readonly JpegSegment[];
  readonly frame?: JpegFrameHeader;
  readonly hasScan: boolean;
  /** True when a segment runs past the end, or no EOI (FFD9) follows the first scan. */
  readonly truncated: boolean;
}

export const hasJpegSignature = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) (T.81 Table B.1). */
export const isSofMarker = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function readFrame(marker: number, d: Uint8Array): JpegFrameHeader | undefined {
  if (d.length < 6) return undefined;
  return {
    sofMarker: marker,
    precision: d[0] as number,
    height: ((d[1] as number) << 8) | (d[2] as number),
    width: ((d[3] as number) << 8) | (d[4] as number),
    components: d[5] as number,
  };
}

function hasEoiAfter(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

export function walkJpegSegments(bytes: Uint8Array): JpegWalk {
  const segments: JpegSegment[] = [];
  let frame: JpegFrameHeader | undefined;
  let o = 2;
  while (o < bytes.length) {
    if (bytes[o] !== 0xff) return { segments, frame, hasScan: false, truncated: false };
    // Fill bytes: any number of 0xFF may precede a marker (T.81 B.1.1.2).
    while (o < bytes.length && bytes[o] === 0xff) o++;
    if (o >= bytes.length) break;
    const marker = bytes[o] as number;
    o++;
    if (marker === 0xd9) return { segments, frame, hasScan: false, truncated: false };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xd8) continue;
    if (o + 2 > bytes.length) break;
    const length = ((bytes[o] as number) << 8) | (bytes[o + 1] as number);
    if (length < 2 || o + length > bytes.length) break;
    const data = bytes.subarray(o + 2, o + length);
    segments.push({ marker, data });
    if (!frame && isSofMarker(marker)) frame = readFrame(marker, data);
    o += length;
    if (marker === 0xda) return { segments, frame, hasScan: true, truncated: !hasEoiAfter(bytes, o) };
  }
  return { segments, frame, hasScan: false, truncated: true };
}

/** The identifier string at the start of an APPn segment, up to its NUL (e.g. 'Exif', 'ICC_PROFILE'). */
export function appIdentifier(data: Uint8Array, maxLength = 40): string {
  let s = '';
  for (let i = 0; i < Math.min(data.length, maxLength) && data[i] !== 0; i++) s += String.fromCharCode(data[i] as number);
  return s;
}

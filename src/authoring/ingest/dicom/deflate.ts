/**
 * Deflated Explicit VR Little Endian (DICOM PS3.5 A.5): everything after the file meta group is one raw DEFLATE
 * stream (RFC 1951). The stream does not say how large it inflates, and 1.5 MB of it can claim gigabytes, so it is
 * inflated in bounded steps (pack-format's bounded inflate) and, while it grows, the part inflated so far is parsed up
 * to Pixel Data (7FE0,0010): once the Image Pixel Module is known the rest may only be the declared pixels plus a
 * little trailing data, and an image the pixel checks refuse (too large, multi-frame, colour) is refused right there.
 * No pixel data within MAX_HEADER_BYTES of inflated header is refused too.
 */
import type { DataSet } from 'dicom-parser';
import { boundedInflater, concatBytes, InflateLimitError } from '../../../pack-format/index.js';
import { IngestError, type InputFile } from '../types.js';
import { readPixelModule } from './pixel-module.js';

/** Inflated data allowed before Pixel Data: headers are kilobytes; icons, overlays and vendor blobs a few MB. */
export const MAX_HEADER_BYTES = 16 * 1024 ** 2;
/** Allowed after the declared pixels (trailing padding, digital signatures). */
export const MAX_TRAILER_BYTES = 1024 ** 2;
/** Compressed input per step: the probe runs between steps, so at most ~1032 x 2 KiB = 2 MiB appear between looks. */
const STEP = 2 * 1024;
const FIRST_PROBE = 64 * 1024;

type ParseDicom = (bytes: Uint8Array, options: { untilTag?: string; inflater?: (b: Uint8Array, p: number) => Uint8Array }) => DataSet;

/**
 * Bytes the whole inflated data set may take once the partial data set `ds` shows the Image Pixel Module, or null
 * while Pixel Data has not been reached. Throws the pixel module's own IngestError for an image it refuses.
 */
function allowedTotal(file: InputFile, ds: DataSet, position: number): number | null {
  const el = ds.elements['x7fe00010'];
  if (!el) return null;
  const pm = readPixelModule(file, ds);
  const pixelBytes = pm.rows * pm.columns * (pm.bitsAllocated / 8);
  return el.dataOffset - position + pixelBytes + MAX_TRAILER_BYTES;
}

function bomb(file: InputFile, what: string): IngestError {
  return new IngestError(
    'bomb',
    `${file.path}: the deflated DICOM data set ${what} (a decompression bomb, or a damaged file); inflating stopped there. ` +
      `Export the image again uncompressed (e.g. 'dcmconv +te'), or as a 16-bit PNG.`,
  );
}

/** The meta prefix plus the inflated data set, as dicom-parser's `inflater` option must return it. */
export function inflateDataSet(file: InputFile, bytes: Uint8Array, position: number, parseDicom: ParseDicom): Uint8Array {
  const prefix = bytes.subarray(0, position);
  const parts: Uint8Array[] = [prefix];
  const inflater = boundedInflater('raw', MAX_HEADER_BYTES, (chunk) => parts.push(chunk));
  let nextProbe = FIRST_PROBE;
  let allowed: number | null = null;
  const deflated = bytes.subarray(position);
  try {
    for (let p = 0; p < deflated.length || p === 0; p += STEP) {
      inflater.push(deflated.subarray(p, p + STEP), p + STEP >= deflated.length);
      if (allowed === null && inflater.total >= nextProbe) {
        nextProbe *= 2;
        let ds: DataSet | null = null;
        try {
          ds = parseDicom(concatBytes(parts), { untilTag: 'x7fe00010', inflater: (b) => b });
        } catch {
          // An element cut by the end of what is inflated so far: look again later.
        }
        if (ds) {
          allowed = allowedTotal(file, ds, position);
          if (allowed !== null) {
            inflater.setLimit(allowed);
            if (inflater.total > allowed) throw new InflateLimitError(allowed);
          }
        }
      }
      if (inflater.ended) break;
    }
  } catch (e) {
    if (!(e instanceof InflateLimitError)) throw e;
    throw bomb(
      file,
      allowed === null
        ? `holds more than ${MAX_HEADER_BYTES / 1024 ** 2} MiB before any pixel data`
        : `expands beyond the ${allowed} bytes its pixel module allows`,
    );
  }
  return concatBytes(parts);
}

/**
 * JPEG -> DecodedInput through the CodecSet's libjpeg-turbo (baseline, extended 8-bit and progressive DCT, T.81
 * processes 1, 2 and the progressive mode of G.1). The frame header is read by hand first so unsupported kinds are
 * named before the codec runs: 12-bit DCT, lossless (SOF3, 7, 11, 15) and hierarchical frames are refused as
 * 'unsupported'; 4-component (CMYK / YCCK, Adobe APP14) files as 'colour'.
 * Colour JPEGs pass the near-grey rule (near-grey.ts) like PNGs: a grey film or a generator's tinted radiograph
 * saved as colour is accepted and turned into grey by its Rec. 601 luma, which is the JFIF Y the encoder saw.
 */
import { createGrayImage } from '../../../imaging/index.js';
import { IngestError, type CodecSet, type DecodedInput, type InputFile } from '../types.js';
import { castFinding } from './colour-cast.js';
import { toGrey } from './near-grey.js';
import { hasJpegSignature, walkJpegSegments, type JpegFrameHeader } from './jpeg-segments.js';
import { scanJpegMetadata } from './jpeg-metadata.js';
import { checkRasterDimensions } from './png-decode.js';


const SUPPORTED_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc9, 0xca]);
const LOSSLESS_SOF = new Set([0xc3, 0xc7, 0xcb, 0xcf]);

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function checkFrame(path: string, frame: JpegFrameHeader): void {
  const m = frame.sofMarker;
  if (LOSSLESS_SOF.has(m)) {
    throw new IngestError(
      'unsupported',
      `${path}: lossless JPEG (SOF${m - 0xc0}) files are not supported. Export the radiograph as PNG (lossless) and retry.`,
    );
  }
  if (!SUPPORTED_SOF.has(m)) {
    throw new IngestError(
      'unsupported',
      `${path}: this JPEG uses a hierarchical coding process (SOF${m - 0xc0}) that is not supported. Export it as PNG and retry.`,
    );
  }
  if (frame.precision !== 8) {
    throw new IngestError(
      'unsupported',
      `${path}: ${frame.precision}-bit JPEG is not supported (only 8-bit). Export the radiograph as 16-bit PNG instead.`,
    );
  }
  if (frame.components === 4) {
    throw new IngestError(
      'colour',
      `${path}: the JPEG is CMYK (4 components), a print colour format. Export the radiograph as a grayscale JPEG or PNG and retry.`,
    );
  }
  if (frame.components !== 1 && frame.components !== 3) {
    throw new IngestError(
      'unsupported',
      `${path}: the JPEG has ${frame.components} colour components (expected 1 or 3). Export it as grayscale PNG and retry.`,
    );
  }
  checkRasterDimensions(path, 'JPEG', frame.width, frame.height);
}

export async function decodeJpeg(file: InputFile, codecs: CodecSet): Promise<DecodedInput> {
  const { path, bytes } = file;
  if (!hasJpegSignature(bytes)) {
    throw new IngestError('not-an-image', `${path}: this is not a JPEG file (no SOI marker). Pick a PNG, JPEG or DICOM file.`);
  }
  const walk = walkJpegSegments(bytes);
  if (!walk.frame) {
    const reason = walk.truncated ? 'truncated' : 'corrupt';
    throw new IngestError(reason, `${path}: the JPEG has no frame header (SOF marker). Re-export the image or pick another file.`);
  }
  checkFrame(path, walk.frame);
  if (!walk.hasScan || walk.truncated) {
    throw new IngestError('truncated', `${path}: the JPEG ends early (no end-of-image marker): the file was cut short. Copy or export it again.`);
  }
  let frame;
  try {
    frame = await codecs.jpegBaseline(bytes);
  } catch (e) {
    throw new IngestError('corrupt', `${path}: the JPEG image data cannot be decoded (${describe(e)}). Re-export the image or pick another file.`);
  }
  if (frame.width !== walk.frame.width || frame.height !== walk.frame.height || frame.bitsPerSample !== 8) {
    throw new IngestError(
      'corrupt',
      `${path}: the JPEG decoder returned ${frame.width}x${frame.height} at ${frame.bitsPerSample} bits, which does not match its header. ` +
        'Re-export the image or pick another file.',
    );
  }
  const { gray, cast } = toGrey({ path, format: 'JPEG', width: frame.width, height: frame.height, samples: frame.data, channels: frame.componentCount, max: 255 });
  const meta = scanJpegMetadata(bytes);
  return {
    format: 'jpeg',
    image: { ...createGrayImage(frame.width, frame.height, 8), data: gray },
    sourceBits: 8,
    header: [],
    provenance: cast ? [...meta.provenance, castFinding('JPEG', cast)] : meta.provenance,
    stripped: meta.stripped,
    flags: [],
    cast,
  };
}

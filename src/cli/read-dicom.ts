/**
 * Uncompressed single-frame grayscale DICOM -> GrayImage, via dicom-parser. Follows the Image Pixel Module
 * (DICOM PS3.3 C.7.6.3): samples are masked to Bits Stored below High Bit and sign-extended when Pixel
 * Representation is 1; the Modality LUT's Rescale Slope/Intercept is applied (C.11.1); MONOCHROME1 is inverted so
 * higher values are brighter, as the game's MONOCHROME2 convention needs. Only pixel and display attributes are
 * read: no identifying attribute is ever read, shown or passed on.
 */
import { createRequire } from 'node:module';
import type * as DicomParser from 'dicom-parser';
import type { GrayImage } from '../imaging/index.js';
import { describeThrown, inputError } from './errors.js';
import { checkDimensions, windowFromData } from './image-limits.js';

// dicom-parser ships a UMD bundle: Node's ESM loader sees only a default export, so load it the CommonJS way.
const dicomParser = createRequire(import.meta.url)('dicom-parser') as typeof DicomParser;

const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const KNOWN_SYNTAXES: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian (retired)',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

export const isDicom = (bytes: Uint8Array): boolean =>
  bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;

function parse<T>(name: string, what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw inputError(`${name}: the DICOM file is truncated or damaged (${what}: ${describeThrown(e)}). Pick another file.`);
  }
}

export function readDicom(bytes: Uint8Array, name: string): { image: GrayImage; description: string } {
  const meta = parse(name, 'file meta header', () => dicomParser.readPart10Header(bytes));
  const syntax = (meta.string('x00020010') ?? '').replace(/\0/g, '').trim();
  if (syntax !== IMPLICIT_LE && syntax !== EXPLICIT_LE) {
    const label = KNOWN_SYNTAXES[syntax] ?? 'an unsupported transfer syntax';
    throw inputError(
      `${name}: transfer syntax ${syntax || '(missing)'} (${label}) is not supported here: this tool reads only ` +
        `uncompressed DICOM (Explicit or Implicit VR Little Endian). Compressed DICOM support comes with case packs; ` +
        `until then, decompress the file first (e.g. 'dcmdjpeg' / 'gdcmconv --raw') or export it as a 16-bit PNG.`,
    );
  }
  const ds = parse(name, 'data set', () => dicomParser.parseDicom(bytes));
  const rows = ds.uint16('x00280010') ?? 0;
  const cols = ds.uint16('x00280011') ?? 0;
  checkDimensions(cols, rows, name);
  const frames = ds.intString('x00280008') ?? 1;
  if (frames !== 1) {
    throw inputError(`${name}: a multi-frame DICOM (${frames} frames) is not supported. Export the frame you want as a single-frame file.`);
  }
  const spp = ds.uint16('x00280002') ?? 1;
  const photometric = (ds.string('x00280004') ?? '').trim();
  if (spp !== 1 || (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2')) {
    throw inputError(
      `${name}: only grayscale DICOM (MONOCHROME1/2, 1 sample per pixel) is supported; this one is ` +
        `${photometric || 'unknown'} with ${spp} samples per pixel. Convert it to grayscale first.`,
    );
  }
  const allocated = ds.uint16('x00280100') ?? 0;
  const stored = ds.uint16('x00280101') ?? allocated;
  const highBit = ds.uint16('x00280102') ?? stored - 1;
  const signed = (ds.uint16('x00280103') ?? 0) === 1;
  if ((allocated !== 8 && allocated !== 16) || stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated) {
    throw inputError(
      `${name}: unsupported pixel layout (Bits Allocated ${allocated}, Bits Stored ${stored}, High Bit ${highBit}); ` +
        `this tool reads 8- or 16-bit allocated samples. Convert the file or export it as a 16-bit PNG.`,
    );
  }
  const pixel = ds.elements['x7fe00010'];
  const n = rows * cols;
  const bytesPer = allocated / 8;
  if (!pixel || pixel.encapsulatedPixelData || pixel.dataOffset + n * bytesPer > bytes.length || pixel.length < n * bytesPer) {
    throw inputError(`${name}: the DICOM pixel data is missing or shorter than ${cols}x${rows} pixels (truncated file?). Pick another file.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + pixel.dataOffset, n * bytesPer);
  const shift = highBit + 1 - stored;
  const mask = 2 ** stored - 1;
  const signBit = 2 ** (stored - 1);
  const slope = ds.floatString('x00281053') ?? 1;
  const intercept = ds.floatString('x00281052') ?? 0;
  const modality = (i: number): number => {
    let raw = ((bytesPer === 2 ? view.getUint16(i * 2, true) : view.getUint8(i)) >> shift) & mask;
    if (signed && raw >= signBit) raw -= 2 * signBit;
    return raw * slope + intercept;
  };
  const { image, outBits } = toGray(modality, cols, rows, stored, photometric === 'MONOCHROME1', ds);
  const syntaxName = syntax === IMPLICIT_LE ? 'Implicit VR LE' : 'Explicit VR LE';
  return {
    image,
    description: `DICOM ${cols}x${rows} ${stored}-bit ${photometric} (${syntaxName}) -> ${outBits}-bit gray`,
  };
}

/**
 * Modality values -> unsigned stored values. Negative values are shifted up; fewer than 12 bits are promoted to 12
 * (as 8-bit PNGs are); ranges wider than 16 bits are scaled down. MONOCHROME1 is inverted within the output range.
 */
function toGray(
  modality: (i: number) => number,
  width: number,
  height: number,
  stored: number,
  invert: boolean,
  ds: DicomParser.DataSet,
): { image: GrayImage; outBits: number } {
  const n = width * height;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = modality(i);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const offset = lo < 0 ? -lo : 0;
  let gain = stored < 12 ? 2 ** (12 - stored) : 1;
  let outBits = Math.max(12, Math.min(16, stored));
  const top = (hi + offset) * gain;
  if (top > 2 ** outBits - 1) outBits = Math.min(16, Math.ceil(Math.log2(top + 1)));
  if (top > 65535) gain *= 65535 / (hi + offset);
  const max = 2 ** outBits - 1;
  const map = (v: number): number => {
    const u = Math.min(max, Math.max(0, Math.round((v + offset) * gain)));
    return invert ? max - u : u;
  };
  const data = new Uint16Array(n);
  for (let i = 0; i < n; i++) data[i] = map(modality(i));
  const center = ds.floatString('x00281050');
  const winWidth = ds.floatString('x00281051');
  const win =
    center !== undefined && winWidth !== undefined && winWidth >= 1
      ? { windowCenter: invert ? max - (center + offset) * gain : (center + offset) * gain, windowWidth: winWidth * gain }
      : windowFromData(data);
  return { image: { width, height, data, bitsStored: outBits, ...win }, outBits };
}

/**
 * The Image Pixel Module (DICOM PS3.3 C.7.6.3) attributes this decoder needs, checked before any pixel is touched so
 * a bad file is refused with a reason the instructor can act on.
 */
import type { DataSet } from 'dicom-parser';
import { dimensionsProblem } from '../dimensions.js';
import { IngestError, type InputFile } from '../types.js';

export { MAX_ASPECT_RATIO, MAX_SIDE_PX, MIN_SIDE_PX } from '../dimensions.js';

export interface PixelModule {
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: 8 | 16;
  readonly bitsStored: number;
  readonly highBit: number;
  readonly signed: boolean;
  readonly monochrome1: boolean;
}

const COLOUR = /^(RGB|YBR|PALETTE COLOR|HSV|ARGB|CMYK)/;

/**
 * Number of Frames (0028,0008), an IS of at least 1 (PS3.3 C.7.6.6); absent or empty means one frame. 0, -1 or text
 * is a damaged header, refused rather than read as one frame.
 */
function frameCount(file: InputFile, ds: DataSet): number {
  const raw = (ds.string('x00280008') ?? '').replace(/\0/g, '').trim();
  if (raw === '') return 1;
  if (!/^\+?\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new IngestError(
      'corrupt',
      `${file.path}: Number of Frames (0028,0008) is '${raw.slice(0, 16)}', not a whole number of at least 1 (PS3.3 C.7.6.6): the header is damaged. Export the image again from the PACS.`,
    );
  }
  return Number(raw);
}

export function readPixelModule(file: InputFile, ds: DataSet): PixelModule {
  const frames = frameCount(file, ds);
  if (frames > 1) {
    throw new IngestError(
      'multi-frame',
      `${file.path}: this DICOM holds ${frames} frames; a case is one radiograph. Export the frame you want as a single-frame file.`,
    );
  }
  const spp = ds.uint16('x00280002') ?? 1;
  const photometric = (ds.string('x00280004') ?? '').trim().toUpperCase();
  if (spp !== 1 || COLOUR.test(photometric)) {
    throw new IngestError(
      'colour',
      `${file.path}: this is a colour image (${photometric || 'unknown'} with ${spp} samples per pixel); cases are grayscale ` +
        `radiographs. Use the original grayscale DICOM, or convert it to grayscale first.`,
    );
  }
  if (photometric && photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') {
    throw new IngestError(
      'unsupported',
      `${file.path}: Photometric Interpretation ${photometric} is not supported (only MONOCHROME1 and MONOCHROME2). ` +
        `Export the image as a grayscale DICOM or a 16-bit PNG.`,
    );
  }
  const rows = ds.uint16('x00280010') ?? 0;
  const columns = ds.uint16('x00280011') ?? 0;
  const problem = dimensionsProblem(columns, rows);
  if (problem !== null) {
    throw new IngestError('dimensions', `${file.path}: the image claims ${columns}x${rows} pixels; ${problem}, and retry.`);
  }
  const bitsAllocated = ds.uint16('x00280100') ?? 0;
  const bitsStored = ds.uint16('x00280101') ?? bitsAllocated;
  const highBit = ds.uint16('x00280102') ?? bitsStored - 1;
  if ((bitsAllocated !== 8 && bitsAllocated !== 16) || bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
    throw new IngestError(
      'unsupported',
      `${file.path}: unsupported pixel layout (Bits Allocated ${bitsAllocated}, Bits Stored ${bitsStored}, High Bit ${highBit}); ` +
        `only 8- or 16-bit allocated samples are read. Export the image as a 16-bit PNG.`,
    );
  }
  return {
    rows,
    columns,
    bitsAllocated,
    bitsStored,
    highBit,
    signed: (ds.uint16('x00280103') ?? 0) === 1,
    monochrome1: photometric === 'MONOCHROME1',
  };
}

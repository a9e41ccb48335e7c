/**
 * One DICOM Part 10 file -> one grayscale presentation image. Reads only the attributes the pixels need (Image Pixel
 * Module, Modality LUT, VOI LUT, polarity) plus Body Part Examined and View Position: no identifying attribute is
 * read here; the returned `dataSet` goes to the de-identification step before anything else sees it.
 */
import type { DataSet } from 'dicom-parser';
import type { GrayImage } from '../../../imaging/index.js';
import { IngestError, type CodecSet, type InputFile } from '../types.js';
import { rescaleProblem, toPresentation } from './grayscale.js';
import { parsePart10 } from './parse-part10.js';
import { readFrameCodes } from './pixel-frame.js';
import { readPixelModule } from './pixel-module.js';
import { describeSyntax } from './transfer-syntax.js';

export interface DicomPixels {
  /** Presentation values (higher = brighter) spanning 0..2^bitsStored-1, bitsStored = clamp(Bits Stored, 8, 16). */
  readonly image: GrayImage;
  /** Bits Stored of the source (8 for JPEG baseline). */
  readonly sourceBits: number;
  /** The parsed data set, still identifying: de-identify it before keeping or showing any of it. */
  readonly dataSet: DataSet;
  readonly transferSyntax: string;
  /** Body Part Examined (0018,0015), trimmed and upper-cased. */
  readonly bodyPart?: string;
  /** View Position (0018,5101), trimmed and upper-cased. */
  readonly view?: string;
}

const upperOrUndefined = (v: string | undefined): string | undefined => {
  const t = v?.trim().toUpperCase();
  return t ? t : undefined;
};

export async function decodeDicomPixels(file: InputFile, codecs: CodecSet): Promise<DicomPixels> {
  const { dataSet, transferSyntax } = parsePart10(file, (uid) => {
    const syntax = describeSyntax(uid);
    if (!syntax.encoding) {
      throw new IngestError(
        'unsupported',
        `${file.path}: transfer syntax ${uid} (${syntax.name}) is not supported. Decompress the file first ` +
          `(e.g. 'dcmdjpeg' or 'gdcmconv --raw') or export the image as a 16-bit PNG, then add it again.`,
      );
    }
  });
  const encoding = describeSyntax(transferSyntax).encoding ?? 'native';
  if (!dataSet.elements['x7fe00010'] && dataSet.elements['x00280010'] === undefined) {
    throw new IngestError(
      'not-an-image',
      `${file.path}: this DICOM file holds no image (no Pixel Data; it may be a report or a presentation state). Pick the image file itself.`,
    );
  }
  const pm = readPixelModule(file, dataSet);
  const rescale = rescaleProblem(dataSet, pm.bitsStored, pm.signed);
  if (rescale !== null) {
    throw new IngestError('blank', `${file.path}: ${rescale} (PS3.3 C.11.1), so the image would be blank. Export the image again from the PACS.`);
  }
  const frame = await readFrameCodes(file, dataSet, pm, encoding, codecs);
  const image = toPresentation(
    { width: pm.columns, height: pm.rows, codes: frame.codes, bitsStored: frame.bitsStored, signed: pm.signed, monochrome1: pm.monochrome1 },
    dataSet,
  );
  const result: DicomPixels = { image, sourceBits: frame.bitsStored, dataSet, transferSyntax };
  const bodyPart = upperOrUndefined(dataSet.string('x00180015'));
  const view = upperOrUndefined(dataSet.string('x00185101'));
  return { ...result, ...(bodyPart ? { bodyPart } : {}), ...(view ? { view } : {}) };
}

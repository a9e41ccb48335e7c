/**
 * Any input file -> a DecodedInput. Sniffs the bytes, never the file name: DICOM by 'DICM' at byte 128 (PS3.10
 * 7.1), PNG by its 8-byte signature, JPEG by SOI + a marker. DICOM headers are de-identified here, so nothing
 * downstream ever sees an identifying attribute.
 */
import { deidentifyDataSet } from '../deid/index.js';
import { decodeDicomPixels } from './dicom/index.js';
import { decodeJpeg, decodePng } from './raster/index.js';
import { IngestError, type CodecSet, type DecodedInput, type InputFile, type ReviewFlag } from './types.js';

export type InputFormat = 'dicom' | 'png' | 'jpeg';

export const SUPPORTED_INPUTS =
  'DICOM Part 10 (uncompressed, deflated, JPEG baseline/lossless, JPEG-LS, JPEG 2000, RLE), PNG (8/16-bit) and JPEG';

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  if (bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d) return 'dicom';
  if (bytes.length >= 8 && PNG_SIG.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

export async function decodeInput(file: InputFile, codecs: CodecSet, deid?: Parameters<typeof deidentifyDataSet>[1]): Promise<DecodedInput> {
  const format = sniffFormat(file.bytes);
  if (format === 'png') return decodePng(file);
  if (format === 'jpeg') return decodeJpeg(file, codecs);
  if (format === 'dicom') {
    const px = await decodeDicomPixels(file, codecs);
    const d = deidentifyDataSet(px.dataSet, deid);
    const flags: ReviewFlag[] =
      d.burnedInAnnotation === 'YES'
        ? [{ kind: 'burned-in-annotation-declared', detail: 'The DICOM header declares Burned In Annotation = YES (0028,0301): look for text that could identify the patient before using this image.' }]
        : [];
    return {
      format,
      image: px.image,
      sourceBits: px.sourceBits,
      header: d.header,
      provenance: d.provenance,
      stripped: ['DICOM header (a de-identified copy is kept in the manifest for review)'],
      flags,
      ...(px.bodyPart ? { bodyPart: px.bodyPart } : {}),
      ...(px.view ? { view: px.view } : {}),
    };
  }
  const what = file.bytes.length === 0 ? 'the file is empty' : 'it is not a DICOM, PNG or JPEG file';
  throw new IngestError('not-an-image', `${file.path}: ${what}. Supported: ${SUPPORTED_INPUTS}. Remove it from the input or convert it.`);
}

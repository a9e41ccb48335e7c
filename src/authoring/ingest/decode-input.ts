/**
 * Any input file -> a DecodedInput. Sniffs the bytes, never the file name: DICOM by 'DICM' at byte 128 (PS3.10
 * 7.1) or a leading meta group, PNG by its 8-byte signature, JPEG by SOI + a marker. DICOM headers are
 * de-identified here, so nothing downstream ever sees an identifying attribute. A blank image is refused for all.
 */
import { deidentifyDataSet } from '../deid/index.js';
import { isPng } from '../../pack-format/index.js';
import { decodeDicomPixels, looksLikeDicom } from './dicom/index.js';
import { decodeJpeg, decodePng, hasJpegSignature } from './raster/index.js';
import { IngestError, type CodecSet, type DecodedInput, type InputFile, type ReviewFlag } from './types.js';

export type InputFormat = 'dicom' | 'png' | 'jpeg';

export const SUPPORTED_INPUTS =
  'DICOM Part 10 (uncompressed, deflated, JPEG baseline/lossless, JPEG-LS, JPEG 2000, RLE), PNG (8/16-bit) and JPEG';

/** DICOM also without its 128-byte preamble, when the file starts with the meta group (see parse-part10.ts). */
export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  if (looksLikeDicom(bytes)) return 'dicom';
  if (isPng(bytes)) return 'png';
  if (bytes.length >= 4 && hasJpegSignature(bytes)) return 'jpeg';
  return null;
}

/** Refuses an image of one flat value: nothing to read, and served as a case it would teach nothing. */
function checkNotBlank(file: InputFile, d: DecodedInput): DecodedInput {
  const data = d.image.data;
  const first = data[0] ?? 0;
  for (let i = 1; i < data.length; i++) if (data[i] !== first) return d;
  throw new IngestError(
    'blank',
    `${file.path}: every pixel of the image has the same value (${first}), so there is nothing to read. Check the file in a viewer and export it again.`,
  );
}

export async function decodeInput(file: InputFile, codecs: CodecSet, deid?: Parameters<typeof deidentifyDataSet>[1]): Promise<DecodedInput> {
  return checkNotBlank(file, await decodeAny(file, codecs, deid));
}

async function decodeAny(file: InputFile, codecs: CodecSet, deid?: Parameters<typeof deidentifyDataSet>[1]): Promise<DecodedInput> {
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
      cast: null,
      ...(px.bodyPart ? { bodyPart: px.bodyPart } : {}),
      ...(px.view ? { view: px.view } : {}),
    };
  }
  const what = file.bytes.length === 0 ? 'the file is empty' : 'it is not a DICOM, PNG or JPEG file';
  throw new IngestError('not-an-image', `${file.path}: ${what}. Supported: ${SUPPORTED_INPUTS}. Remove it from the input or convert it.`);
}

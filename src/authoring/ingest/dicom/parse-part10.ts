/**
 * DICOM Part 10 file -> dicom-parser DataSet (PS3.10 7.1: 128-byte preamble, 'DICM', File Meta Information group
 * 0002 in Explicit VR Little Endian, then the data set in the transfer syntax the meta group names).
 */
import * as dicomParserNs from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { IngestError, type InputFile } from '../types.js';
import { inflateDataSet } from './deflate.js';
import { DEFLATED_EXPLICIT_LE } from './transfer-syntax.js';

/**
 * dicom-parser is a UMD bundle. Node's ESM loader exposes it only as `default`; bundlers expose the named exports
 * (and usually `default` too). Taking `default` when present works in both, with one static import.
 */
export const dicomParser: typeof dicomParserNs =
  ((dicomParserNs as unknown as { default?: typeof dicomParserNs }).default ?? dicomParserNs);

const hasDicmAt128 = (b: Uint8Array): boolean =>
  b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d;

/**
 * A file that starts straight at the meta group (no preamble, no 'DICM') is accepted only when its first element is
 * unmistakably a group-0002 element in Explicit VR ('UL' for (0002,0000) or 'OB' for (0002,0001)): then a preamble
 * can be prepended without guessing. A bare data set with no meta group at all is not sniffed (its transfer syntax
 * would be a guess).
 */
const startsWithMetaGroup = (b: Uint8Array): boolean =>
  b.length >= 8 && b[0] === 0x02 && b[1] === 0x00 && b[3] === 0x00 &&
  ((b[4] === 0x55 && b[5] === 0x4c) || (b[4] === 0x4f && b[5] === 0x42));

/** True when the bytes look like a DICOM Part 10 file this module can try to decode. */
export const looksLikeDicom = (bytes: Uint8Array): boolean => hasDicmAt128(bytes) || startsWithMetaGroup(bytes);

export function withPreamble(file: InputFile): Uint8Array {
  if (hasDicmAt128(file.bytes)) return file.bytes;
  if (startsWithMetaGroup(file.bytes)) {
    const out = new Uint8Array(132 + file.bytes.length);
    out.set([0x44, 0x49, 0x43, 0x4d], 128);
    out.set(file.bytes, 132);
    return out;
  }
  throw new IngestError(
    'not-an-image',
    `${file.path}: this is not a DICOM Part 10 file (no 'DICM' marker at byte 128 and no file meta header). ` +
      `Export the image from the PACS as DICOM, PNG or JPEG.`,
  );
}

/** dicom-parser throws strings, Errors or `{ exception, dataSet }`; get one line of text. */
export function describeThrown(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'exception' in e) return describeThrown((e as { exception: unknown }).exception);
  return String(e);
}

/** Faults that mean "the file stops too early" rather than "the bytes make no sense". */
const LENGTH_FAULT = /past end|overread|overrun|eof|beyond|greater than or equal to|missing sequence delimiter|end of buffer/i;

export function parseFault(file: InputFile, where: string, e: unknown): IngestError {
  const what = describeThrown(e);
  const truncated = LENGTH_FAULT.test(what);
  return new IngestError(
    truncated ? 'truncated' : 'corrupt',
    `${file.path}: the DICOM ${where} is ${truncated ? 'cut short (the file looks truncated)' : 'damaged'} ` +
      `(${what}). Copy the file again from the source, or export it again from the PACS.`,
  );
}

/**
 * `checkSyntax` runs between the meta header and the data set, so an unsupported syntax is refused as such before
 * its data set is misread (e.g. big-endian bytes through a little-endian parser look like a truncated file).
 */
export function parsePart10(file: InputFile, checkSyntax: (uid: string) => void): { dataSet: DataSet; transferSyntax: string } {
  const bytes = withPreamble(file);
  // PS3.10 7.1: the meta group starts right after 'DICM'; anything else there means the header is garbage.
  if (bytes.length >= 134 && !(bytes[132] === 0x02 && bytes[133] === 0x00)) {
    throw new IngestError(
      'corrupt',
      `${file.path}: the file says 'DICM' but no DICOM file meta header follows; the file is damaged. Export it again from the PACS.`,
    );
  }
  let meta: DataSet;
  try {
    meta = dicomParser.readPart10Header(bytes);
  } catch (e) {
    throw parseFault(file, 'file meta header', e);
  }
  const transferSyntax = (meta.string('x00020010') ?? '').replace(/\0/g, '').trim();
  if (!transferSyntax) {
    throw new IngestError(
      'corrupt',
      `${file.path}: the DICOM file meta header has no Transfer Syntax UID (0002,0010). Export the file again from the PACS.`,
    );
  }
  checkSyntax(transferSyntax);
  let dataSet: DataSet;
  try {
    const inflater = (b: Uint8Array, position: number): Uint8Array => inflateDataSet(file, b, position, dicomParser.parseDicom as never);
    dataSet = dicomParser.parseDicom(bytes, transferSyntax === DEFLATED_EXPLICIT_LE ? { inflater: inflater as never } : {});
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw parseFault(file, transferSyntax === DEFLATED_EXPLICIT_LE ? 'deflated data set' : 'data set', e);
  }
  const eof = (dataSet.warnings ?? []).find((w) => LENGTH_FAULT.test(w));
  if (eof) throw parseFault(file, 'data set', eof);
  return { dataSet, transferSyntax };
}

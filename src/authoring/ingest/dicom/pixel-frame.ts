/**
 * The one frame of a single-frame image -> stored-value bit patterns ("codes", 0..2^bitsStored-1, sign not yet
 * extended), one Uint16 per pixel. Native data is read in place (PS3.5 8.1.1: little-endian cells of Bits
 * Allocated, the stored bits ending at High Bit); encapsulated data (PS3.5 A.4) is gathered from its fragments and
 * handed to the codec, whose output is the pixel value itself (PS3.5 8.2).
 */
import type { DataSet, Element } from 'dicom-parser';
import { IngestError, type CodecFrame, type CodecSet, type InputFile } from '../types.js';
import { describeThrown, dicomParser } from './parse-part10.js';
import type { PixelModule } from './pixel-module.js';
import { declaredFrame } from './codestream-size.js';
import { decodeRle } from './rle-decoder.js';
import type { PixelEncoding } from './transfer-syntax.js';
import { countOf } from '../../../domain/index.js';

export interface FrameCodes {
  readonly codes: Uint16Array;
  /** Bits Stored, except 8 for JPEG baseline, whose codec can only carry 8 (PS3.5 8.2.1). */
  readonly bitsStored: number;
}

const truncated = (file: InputFile, detail: string): IngestError =>
  new IngestError(
    'truncated',
    `${file.path}: the pixel data is cut short (${detail}); the file looks truncated. Copy it again from the source, or export it again from the PACS.`,
  );

/** Copies `samples` into codes, keeping the `bits` stored bits that end at bit `shift + bits - 1`. */
function toCodes(samples: ArrayLike<number>, n: number, shift: number, bits: number): Uint16Array {
  const mask = 2 ** bits - 1;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = ((samples[i] as number) >> shift) & mask;
  return codes;
}

function nativeCodes(file: InputFile, ds: DataSet, el: Element, pm: PixelModule): Uint16Array {
  const n = pm.rows * pm.columns;
  const bytesPer = pm.bitsAllocated / 8;
  const available = Math.min(el.length, ds.byteArray.length - el.dataOffset);
  if (available < n * bytesPer) throw truncated(file, `${available} bytes where ${pm.columns}x${pm.rows} pixels need ${n * bytesPer}`);
  const shift = pm.highBit + 1 - pm.bitsStored;
  if (bytesPer === 1) return toCodes(ds.byteArray.subarray(el.dataOffset, el.dataOffset + n), n, shift, pm.bitsStored);
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + el.dataOffset, n * 2);
  const mask = 2 ** pm.bitsStored - 1;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = (view.getUint16(i * 2, true) >> shift) & mask;
  return codes;
}

async function runCodec(file: InputFile, encoding: PixelEncoding, frame: Uint8Array, codecs: CodecSet): Promise<CodecFrame> {
  try {
    if (encoding === 'jpeg2000') return await codecs.jpeg2000(frame);
    if (encoding === 'jpeg-ls') return await codecs.jpegLs(frame);
    if (encoding === 'jpeg-baseline') return await codecs.jpegBaseline(frame);
    return await codecs.jpegLossless(frame);
  } catch (e) {
    const why = describeThrown(e);
    throw new IngestError(
      'corrupt',
      `${file.path}: the compressed image could not be decoded (${why}). The file is damaged or uses an ` +
        `unusual encoder option; decompress it with 'dcmdjpeg' / 'gdcmconv --raw', or export it as a 16-bit PNG.`,
    );
  }
}

async function encapsulatedCodes(
  file: InputFile,
  ds: DataSet,
  el: Element,
  pm: PixelModule,
  encoding: PixelEncoding,
  codecs: CodecSet,
): Promise<FrameCodes> {
  const fragments = el.fragments ?? [];
  if (fragments.length === 0) throw truncated(file, 'no compressed fragments');
  for (const f of fragments) {
    if (f.position + f.length > ds.byteArray.length) throw truncated(file, 'the last compressed fragment ends past the end of the file');
  }
  // A single frame may span several fragments (PS3.5 A.4); with one frame they all belong to it, so the Basic
  // Offset Table, empty or not, need not be consulted.
  const frame = dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, fragments.length);
  const n = pm.rows * pm.columns;
  if (encoding === 'rle') {
    let samples: Uint8Array | Uint16Array;
    try {
      samples = decodeRle(frame, n, pm.bitsAllocated === 16 ? 2 : 1);
    } catch (e) {
      throw new IngestError('corrupt', `${file.path}: the RLE pixel data is damaged (${describeThrown(e)}). Export the file again from the PACS.`);
    }
    return { codes: toCodes(samples, n, pm.highBit + 1 - pm.bitsStored, pm.bitsStored), bitsStored: pm.bitsStored };
  }
  const declared = declaredFrame(encoding, frame);
  if (!declared || declared.width !== pm.columns || declared.height !== pm.rows || declared.components !== 1) {
    const says = declared ? `declares ${declared.width}x${declared.height} with ${countOf(declared.components, 'component')}` : 'has no readable frame header';
    throw new IngestError(
      declared && declared.components > 1 && declared.width === pm.columns && declared.height === pm.rows ? 'colour' : 'corrupt',
      `${file.path}: the compressed image ${says} but the DICOM header says ${pm.columns}x${pm.rows}, one component; ` +
        'it was refused before decoding. The file is damaged or crafted: export it again from the PACS.',
    );
  }
  const decoded = await runCodec(file, encoding, frame, codecs);
  if (decoded.componentCount > 1) {
    throw new IngestError('colour', `${file.path}: the compressed image has ${decoded.componentCount} colour components; cases are grayscale. Use the grayscale original.`);
  }
  if (decoded.componentCount !== 1 || decoded.width !== pm.columns || decoded.height !== pm.rows) {
    throw new IngestError(
      'corrupt',
      `${file.path}: the compressed image decodes to ${decoded.width}x${decoded.height} (${decoded.componentCount} components) ` +
        `but the header says ${pm.columns}x${pm.rows}, one component; the file is damaged. Export it again from the PACS.`,
    );
  }
  if (decoded.data.length < n) throw truncated(file, `the codec returned ${decoded.data.length} of ${n} pixels`);
  const bits = encoding === 'jpeg-baseline' ? 8 : pm.bitsStored;
  return { codes: toCodes(decoded.data, n, 0, bits), bitsStored: bits };
}

export async function readFrameCodes(
  file: InputFile,
  ds: DataSet,
  pm: PixelModule,
  encoding: PixelEncoding,
  codecs: CodecSet,
): Promise<FrameCodes> {
  const el = ds.elements['x7fe00010'];
  if (!el) throw truncated(file, 'the Pixel Data element (7FE0,0010) is missing');
  if (encoding === 'native') {
    if (el.encapsulatedPixelData) {
      throw new IngestError('corrupt', `${file.path}: the pixel data is encapsulated but the transfer syntax says uncompressed. Export the file again.`);
    }
    return { codes: nativeCodes(file, ds, el, pm), bitsStored: pm.bitsStored };
  }
  if (!el.encapsulatedPixelData) {
    throw new IngestError('corrupt', `${file.path}: the transfer syntax says compressed but the pixel data is not encapsulated. Export the file again.`);
  }
  return encapsulatedCodes(file, ds, el, pm, encoding, codecs);
}

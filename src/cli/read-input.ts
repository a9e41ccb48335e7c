/**
 * The forge command's input, read through the same ingest as case packs (authoring/ingest): the same formats
 * (DICOM in every supported transfer syntax, PNG, JPEG), the same limits and the same messages; a generator's
 * tinted RGB image is accepted by the same near-grey rule. One forge convention is added on top: samples of fewer
 * than 12 bits are scaled to 12 bits (8-bit x16, PNG 12.4-style bit replication for other depths), so the
 * techniques' arithmetic has headroom as on 12-bit detector data.
 */
import { decodeInput, IngestError, type CodecSet } from '../authoring/index.js';
import type { GrayImage } from '../imaging/index.js';
import { inputError } from './errors.js';

export interface ForgeInput {
  readonly image: GrayImage;
  /** One line for the console, e.g. 'PNG 1024x1024, 8-bit -> 12-bit gray'. Never any header text. */
  readonly description: string;
}

const FORGE_MIN_BITS = 12;

function promote(image: GrayImage): GrayImage {
  if (image.bitsStored >= FORGE_MIN_BITS) return image;
  const shift = FORGE_MIN_BITS - image.bitsStored;
  const data = Uint16Array.from(image.data, (v) => v << shift);
  const max = 2 ** FORGE_MIN_BITS - 1;
  return { ...image, data, bitsStored: FORGE_MIN_BITS, windowCenter: max / 2, windowWidth: max + 1 };
}

/** `name` (the base name) is what messages show. Throws an input CliError (exit 2) with the ingest's reason. */
export async function readForgeInput(bytes: Uint8Array, name: string, codecs: CodecSet): Promise<ForgeInput> {
  let decoded;
  try {
    decoded = await decodeInput({ path: name, bytes }, codecs);
  } catch (e) {
    if (e instanceof IngestError) throw inputError(`${e.message} [${e.reason}]`);
    throw e;
  }
  const image = promote(decoded.image);
  const { width, height } = image;
  const cast = decoded.cast ? `, colour with a ${decoded.cast.direction} cast of ${decoded.cast.levels} levels (read as Rec. 601 luma)` : '';
  return {
    image,
    description: `${decoded.format.toUpperCase()} ${width}x${height}, ${decoded.sourceBits}-bit${cast} -> ${image.bitsStored}-bit gray`,
  };
}

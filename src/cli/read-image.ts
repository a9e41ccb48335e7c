/**
 * Any supported image file -> a single-channel GrayImage (MONOCHROME2, higher = brighter). Sniffs the bytes, not
 * the file name: PNG by its signature, DICOM by 'DICM' at byte 128 (DICOM PS3.10 7.1).
 */
import type { GrayImage } from '../imaging/index.js';
import { inputError } from './errors.js';
import { isDicom, readDicom } from './read-dicom.js';
import { isPng, readPng } from './read-png.js';

export const SUPPORTED_FORMATS =
  'PNG (8- or 16-bit; gray, gray+alpha, RGB, RGBA or palette) and uncompressed single-frame grayscale DICOM ' +
  '(Explicit or Implicit VR Little Endian, with the 128-byte preamble and DICM prefix)';

export interface ReadImage {
  readonly image: GrayImage;
  /** One line for the console, e.g. 'PNG 1024x1024 8-bit gray -> 12-bit gray'. Never any header text. */
  readonly description: string;
}

/** `name` is only used in messages (pass the base name). Throws an input CliError (exit 2) with what to do. */
export function readImage(bytes: Uint8Array, name: string): ReadImage {
  if (isPng(bytes)) return readPng(bytes, name);
  if (isDicom(bytes)) return readDicom(bytes, name);
  const what =
    bytes.length === 0
      ? 'the file is empty'
      : bytes[0] === 0xff && bytes[1] === 0xd8
        ? 'it looks like a JPEG'
        : 'it is neither a PNG nor a DICOM file';
  throw inputError(`${name}: cannot read this image: ${what}. Supported formats: ${SUPPORTED_FORMATS}. Convert the image and retry.`);
}

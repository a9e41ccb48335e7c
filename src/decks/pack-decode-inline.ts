import { decodeServedPng } from '../pack-format/index.js';
import type { PackImageDecoder } from './pack-decode.js';

/** Served PNGs decoded on the calling thread: for Node (tests, scripts, the CLI), never for the page (pack-decode.ts). */
export const decodeOnThisThread: PackImageDecoder = {
  decode: async (bytes, bitsStored) => decodeServedPng(bytes, bitsStored),
  dispose: () => undefined,
};

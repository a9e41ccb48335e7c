/**
 * Where the bundler put the codecs' WebAssembly (Vite `?url` imports), for the build worker and its job workers:
 * the game serves them itself, nothing is fetched from anywhere else.
 */
import openjpegWasm from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import charlsWasm from '@cornerstonejs/codec-charls/decodewasm?url';
import jpegWasm from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import { createCodecSet } from '../ingest/codecs.js';
import type { CodecSet } from '../ingest/types.js';

const WASM: Readonly<Record<string, string>> = {
  'openjpegwasm_decode.wasm': openjpegWasm,
  'charlswasm_decode.wasm': charlsWasm,
  'libjpegturbowasm_decode.wasm': jpegWasm,
};

export const browserCodecs = (): CodecSet => createCodecSet({ locateWasm: (file) => WASM[file.split('/').pop() ?? file] ?? file });

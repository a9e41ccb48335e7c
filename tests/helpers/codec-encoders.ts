/**
 * Wasm encoders for test fixtures, from the same packages whose decoders the app uses (OpenJPEG, CharLS,
 * libjpeg-turbo). Each module is loaded once per test file.
 */
import openjpegFactory from '@cornerstonejs/codec-openjpeg/wasmjs';
import charlsFactory from '@cornerstonejs/codec-charls/wasmjs';
import libjpegTurboFactory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';

// Emscripten adopts the options object as its Module and hangs the bindings on it: give each module its own.
const quiet = () => ({ print: () => {}, printErr: () => {} });
let openjpeg: ReturnType<typeof openjpegFactory> | undefined;
let charls: ReturnType<typeof charlsFactory> | undefined;
let libjpegTurbo: ReturnType<typeof libjpegTurboFactory> | undefined;

function run(encoder: WasmEncoder, samples: Uint8Array | Uint16Array, width: number, height: number, bits: number, setup?: () => void): Uint8Array {
  try {
    setup?.();
    const info = { width, height, bitsPerSample: bits, componentCount: 1, isSigned: false };
    encoder.getDecodedBuffer(info).set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

/** JPEG 2000 codestream; lossless (reversible 5/3) unless a compression ratio is given. */
export async function encodeJ2k(samples: Uint16Array, width: number, height: number, bits: number, ratio?: number): Promise<Uint8Array> {
  const m = await (openjpeg ??= openjpegFactory(quiet()));
  const enc = new m.J2KEncoder();
  return run(enc, samples, width, height, bits, () => {
    if (ratio !== undefined) {
      enc.setQuality?.(false, 0);
      enc.setCompressionRatio?.(0, ratio);
    }
  });
}

/** JPEG-LS; lossless when near = 0. */
export async function encodeJpegLs(samples: Uint16Array, width: number, height: number, bits: number, near = 0): Promise<Uint8Array> {
  const m = await (charls ??= charlsFactory(quiet()));
  const enc = new m.JpegLSEncoder();
  return run(enc, samples, width, height, bits, () => enc.setNearLossless?.(near));
}

/** 8-bit baseline (sequential, not progressive, as DICOM .50 requires) JPEG at libjpeg-turbo's default quality 95. */
export async function encodeJpegBaseline(samples: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const m = await (libjpegTurbo ??= libjpegTurboFactory(quiet()));
  const enc = new m.JPEGEncoder();
  return run(enc, samples, width, height, 8, () => enc.setProgressive?.(false));
}

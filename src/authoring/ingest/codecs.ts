/**
 * The compressed-image codecs behind `CodecSet`: OpenJPEG, CharLS and libjpeg-turbo as emscripten/WebAssembly
 * builds (@cornerstonejs/codec-*), and jpeg-lossless-decoder-js (plain JS) for JPEG lossless process 14. Each wasm
 * module is instantiated lazily, once per CodecSet, on its first frame. Runs in Node and in a browser Web Worker:
 * in Node the emscripten loader finds the .wasm beside its JS; a bundled worker passes `locateWasm`.
 */
import openjpegFactory from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import charlsFactory from '@cornerstonejs/codec-charls/decodewasmjs';
import libjpegTurboFactory from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
import { Decoder as JpegLosslessDecoder } from 'jpeg-lossless-decoder-js';
import type { CodecFrame, CodecSet } from './types.js';

export interface CodecSetOptions {
  /** Maps an emscripten file name (e.g. 'openjpegwasm_decode.wasm') to the URL the bundler gave it. */
  readonly locateWasm?: (fileName: string) => string;
}

type DecoderClass = new () => WasmDecoder;

const silent = (): void => {};

/** Loads a factory once; a failed load is not cached, so a later frame may retry (e.g. after a network error). */
function lazyModule<M>(factory: WasmCodecFactory<M>, options: CodecSetOptions): () => Promise<M> {
  let pending: Promise<M> | undefined;
  return () => {
    if (!pending) {
      const opts: EmscriptenCodecOptions = { print: silent, printErr: silent };
      if (options.locateWasm) {
        const locate = options.locateWasm;
        opts.locateFile = (path) => locate(path);
      }
      pending = factory(opts).catch((e: unknown) => {
        pending = undefined;
        throw e;
      });
    }
    return pending;
  };
}

/**
 * One frame through an embind decoder. The decoded buffer is a view into the wasm heap, so it is copied out before
 * the decoder is deleted (the heap may also grow, detaching old views, on the next decode).
 */
function runWasmDecoder(Klass: DecoderClass, encoded: Uint8Array): CodecFrame {
  const decoder = new Klass();
  try {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    try {
      decoder.decode();
    } catch (e) {
      // Emscripten builds throw a bare number (the address of a C++ exception) when the codec aborts: say so in words.
      if (typeof e === 'number') throw new Error('the decoder rejected the data: the compressed stream is damaged or uses an option it does not support');
      throw e;
    }
    const info = decoder.getFrameInfo();
    const raw = decoder.getDecodedBuffer();
    const samples = info.width * info.height * info.componentCount;
    let data: CodecFrame['data'];
    if (info.bitsPerSample <= 8) {
      data = raw.slice(0, samples);
    } else {
      // Wasm memory is little-endian, so the bytes are 16-bit samples in host order on every platform we run on.
      const copy = raw.slice(0, samples * 2);
      data = info.isSigned ? new Int16Array(copy.buffer, 0, samples) : new Uint16Array(copy.buffer, 0, samples);
    }
    return {
      width: info.width,
      height: info.height,
      bitsPerSample: info.bitsPerSample,
      componentCount: info.componentCount,
      isSigned: info.isSigned,
      data,
    };
  } finally {
    decoder.delete();
  }
}

/** JPEG lossless (ITU T.81 process 14, DICOM PS3.5 A.4.3): pure JS, so nothing to load. */
function decodeJpegLossless(encoded: Uint8Array): CodecFrame {
  const decoder = new JpegLosslessDecoder();
  // The decoder wants an ArrayBuffer plus offset/length; a view's own window is passed so nothing is copied.
  const data = decoder.decode(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const precision = decoder.frame.precision;
  return {
    width: decoder.xDim,
    height: decoder.yDim,
    bitsPerSample: precision,
    componentCount: decoder.numComp,
    // T.81 samples are unsigned; DICOM's Pixel Representation decides how to read them.
    isSigned: false,
    data,
  };
}

export function createCodecSet(options: CodecSetOptions = {}): CodecSet {
  const openjpeg = lazyModule(openjpegFactory, options);
  const charls = lazyModule(charlsFactory, options);
  const libjpegTurbo = lazyModule(libjpegTurboFactory, options);
  return {
    jpeg2000: async (encoded) => runWasmDecoder((await openjpeg()).J2KDecoder, encoded),
    jpegLs: async (encoded) => runWasmDecoder((await charls()).JpegLSDecoder, encoded),
    jpegBaseline: async (encoded) => runWasmDecoder((await libjpegTurbo()).JPEGDecoder, encoded),
    jpegLossless: async (encoded) => decodeJpegLossless(encoded),
  };
}

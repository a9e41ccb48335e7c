/**
 * Minimal typings for the emscripten codec builds (the @cornerstonejs/codec-* packages ship none) and for
 * jpeg-lossless-decoder-js (its package.json points at a .d.ts it does not ship). Only what we call is declared.
 */
interface EmscriptenCodecOptions {
  locateFile?: (path: string, scriptDirectory: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

/** Every decoder class of the three packages has this shape (embind objects: free them with delete()). */
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): WasmFrameInfo;
  delete(): void;
}

interface WasmEncoder {
  getDecodedBuffer(frameInfo: WasmFrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  encode(): void;
  delete(): void;
  setQuality?(lossless: boolean, quality: number): void;
  setDecompositions?(n: number): void;
  setCompressionRatio?(layer: number, ratio: number): void;
  setNearLossless?(near: number): void;
  setProgressive?(progressive: boolean): void;
}

type WasmCodecFactory<M> = (options?: EmscriptenCodecOptions) => Promise<M>;

declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: WasmCodecFactory<{ J2KDecoder: new () => WasmDecoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  const factory: WasmCodecFactory<{ J2KDecoder: new () => WasmDecoder; J2KEncoder: new () => WasmEncoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: WasmCodecFactory<{ JpegLSDecoder: new () => WasmDecoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/wasmjs' {
  const factory: WasmCodecFactory<{ JpegLSDecoder: new () => WasmDecoder; JpegLSEncoder: new () => WasmEncoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: WasmCodecFactory<{ JPEGDecoder: new () => WasmDecoder }>;
  export default factory;
}
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs' {
  const factory: WasmCodecFactory<{ JPEGDecoder: new () => WasmDecoder; JPEGEncoder: new () => WasmEncoder }>;
  export default factory;
}
declare module 'jpeg-lossless-decoder-js' {
  export class Decoder {
    /** Set by decompress(): frame size, components and sample precision (ITU T.81 B.2.2 SOF). */
    xDim: number;
    yDim: number;
    numComp: number;
    frame: { precision: number };
    /** Uint8Array for precision <= 8, else Uint16Array (a view of a fresh buffer). */
    decode(buffer: ArrayBufferLike, offset?: number, length?: number): Uint8Array | Uint16Array;
  }
}

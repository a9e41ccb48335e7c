import type { ProvenanceFinding, ReviewFlag } from '../../pack-format/index.js';

export type { ProvenanceFinding, ReviewFlag };
import type { CaseHeader } from '../../domain/index.js';
import type { GrayImage } from '../../imaging/index.js';
import type { ColourCast } from './raster/colour-cast.js';

/** One input file as the pack pipeline sees it, whether it came from a folder, a zip or a browser drop. */
export interface InputFile {
  /** Relative path with '/' separators, e.g. 'real/chest/a.dcm'. Used for labels and messages only. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Why a file was left out of a pack. Each comes with a message that says what to do. */
export type BadFileReason =
  | 'corrupt'
  | 'truncated'
  | 'unsupported'
  | 'colour'
  | 'multi-frame'
  | 'dimensions'
  | 'not-an-image'
  | 'unlabelled'
  | 'duplicate'
  | 'label-conflict'
  /** A labels-CSV row (usually a base name) matches several input files, so it labels none of them. */
  | 'label-ambiguous'
  | 'too-large'
  /** Compressed data that expands beyond what the file declares (a decompression bomb), stopped before it did. */
  | 'bomb'
  /** An image of one flat value, or one whose values are not finite numbers: nothing a reader could look at. */
  | 'blank'
  /** The DICOM header declares Burned In Annotation = YES; left out unless the builder says it checked it (reviewed). */
  | 'burned-in';

/** A file the pipeline cannot use. `message` is shown to the instructor as is: name the file, the fault, the fix. */
export class IngestError extends Error {
  constructor(
    readonly reason: BadFileReason,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
/** A decoded input, ready for normalisation. */
export interface DecodedInput {
  readonly format: 'dicom' | 'png' | 'jpeg';
  /**
   * Presentation values, MONOCHROME2 (higher = brighter), spanning 0..2^bitsStored-1. For DICOM the Modality LUT,
   * the VOI LUT or window and MONOCHROME1 inversion are already applied (PS3.4 N.2 grayscale pipeline).
   */
  readonly image: GrayImage;
  /** Significant bits the source really carried (8 for an 8-bit PNG or a JPEG, Bits Stored for DICOM). */
  readonly sourceBits: number;
  /** De-identified DICOM attributes (PS3.15 Basic Profile applied), kept as provenance; [] for PNG and JPEG. */
  readonly header: CaseHeader;
  readonly provenance: readonly ProvenanceFinding[];
  /** Metadata present in the input that served files never carry, e.g. 'EXIF', 'ICC profile', 'C2PA manifest'. */
  readonly stripped: readonly string[];
  readonly flags: readonly ReviewFlag[];
  /** The colour cast of a near-grey RGB input (PNG, JPEG), or null; also listed in `provenance`. */
  readonly cast: ColourCast | null;
  /** From DICOM Body Part Examined (0018,0015) and View Position (0018,5101) when present. */
  readonly bodyPart?: string;
  readonly view?: string;
}

/** Raw output of an image codec (JPEG, JPEG-LS, JPEG 2000, JPEG lossless). */
export interface CodecFrame {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: number;
  readonly componentCount: number;
  readonly isSigned: boolean;
  /** Interleaved samples: Uint8Array when bitsPerSample <= 8, else Uint16Array or Int16Array. */
  readonly data: Uint8Array | Uint16Array | Int16Array;
}

/**
 * The compressed-image codecs, loaded lazily (each is a WebAssembly module of 0.2 to 1 MB). In Node the wasm is
 * found next to the package's JS; in the browser `wasmUrl` says where the bundler put it.
 */
export interface CodecSet {
  /** JPEG 2000 (DICOM 1.2.840.10008.1.2.4.90 / .91), via @cornerstonejs/codec-openjpeg. */
  jpeg2000(encoded: Uint8Array): Promise<CodecFrame>;
  /** JPEG-LS (….4.80 / .81), via @cornerstonejs/codec-charls. */
  jpegLs(encoded: Uint8Array): Promise<CodecFrame>;
  /** 8-bit JPEG baseline (….4.50) and JPEG files, via @cornerstonejs/codec-libjpeg-turbo-8bit. */
  jpegBaseline(encoded: Uint8Array): Promise<CodecFrame>;
  /** JPEG lossless, process 14 (….4.57 / .70), via jpeg-lossless-decoder-js. */
  jpegLossless(encoded: Uint8Array): Promise<CodecFrame>;
}

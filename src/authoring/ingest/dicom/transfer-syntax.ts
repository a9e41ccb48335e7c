/**
 * Transfer syntaxes (DICOM PS3.5 section 10 and Annex A; UIDs from PS3.6 Annex A) and how each one's pixel data is
 * decoded here. Anything not listed as supported is refused with advice, never guessed at.
 */
export type PixelEncoding = 'native' | 'rle' | 'jpeg-baseline' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000';

interface SyntaxInfo {
  readonly name: string;
  /** Undefined when this decoder refuses the syntax. */
  readonly encoding?: PixelEncoding;
}

export const EXPLICIT_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const DEFLATED_EXPLICIT_LE = '1.2.840.10008.1.2.1.99';

const SYNTAXES: Readonly<Record<string, SyntaxInfo>> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', encoding: 'native' },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', encoding: 'native' },
  [DEFLATED_EXPLICIT_LE]: { name: 'Deflated Explicit VR Little Endian', encoding: 'native' },
  // Retired in 2004 (PS3.5 A.3 note); refused rather than byte-swapped, because no current modality writes it.
  [EXPLICIT_BIG_ENDIAN]: { name: 'Explicit VR Big Endian (retired)' },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (Process 1)', encoding: 'jpeg-baseline' },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (Process 2 & 4, 12-bit)' },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless (Process 14)', encoding: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG Lossless SV1 (Process 14, predictor 1)', encoding: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', encoding: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', encoding: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 (Lossless Only)', encoding: 'jpeg2000' },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', encoding: 'jpeg2000' },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG2 video' },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 AVC/H.264 video' },
  '1.2.840.10008.1.2.4.201': { name: 'High-Throughput JPEG 2000 (Lossless Only)' },
  '1.2.840.10008.1.2.4.202': { name: 'High-Throughput JPEG 2000 RPCL (Lossless Only)' },
  '1.2.840.10008.1.2.4.203': { name: 'High-Throughput JPEG 2000' },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encoding: 'rle' },
};

export function describeSyntax(uid: string): { name: string; encoding?: PixelEncoding } {
  return SYNTAXES[uid] ?? { name: 'an unknown transfer syntax' };
}

/**
 * A minimal DICOM Part 10 writer for tests (DICOM PS3.10 7.1 preamble + DICM, PS3.5 7.1.2 explicit VR little
 * endian elements), so the reader's pixel rules can be checked on values chosen by hand.
 */
export interface DicomSpec {
  readonly transferSyntax?: string;
  readonly rows: number;
  readonly cols: number;
  readonly bitsAllocated?: 8 | 16;
  readonly bitsStored?: number;
  readonly highBit?: number;
  readonly signed?: boolean;
  readonly photometric?: string;
  readonly frames?: number;
  readonly slope?: number;
  readonly intercept?: number;
  /** Raw sample words, written as they are (so tests can set bits above High Bit). */
  readonly pixels: readonly number[];
}

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);

function element(group: number, elem: number, vr: string, value: Uint8Array): Uint8Array {
  const long = LONG_VRS.has(vr);
  const head = new Uint8Array(long ? 12 : 8);
  const v = new DataView(head.buffer);
  v.setUint16(0, group, true);
  v.setUint16(2, elem, true);
  head[4] = vr.charCodeAt(0);
  head[5] = vr.charCodeAt(1);
  if (long) v.setUint32(8, value.length, true);
  else v.setUint16(6, value.length, true);
  return concat([head, value]);
}

const str = (s: string, pad = ' '): Uint8Array => new TextEncoder().encode(s.length % 2 ? s + pad : s);
const us = (n: number): Uint8Array => new Uint8Array(new Uint16Array([n]).buffer);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function makeDicom(s: DicomSpec): Uint8Array {
  const bitsAllocated = s.bitsAllocated ?? 16;
  const bitsStored = s.bitsStored ?? bitsAllocated;
  const metaBody = element(0x0002, 0x0010, 'UI', str(s.transferSyntax ?? '1.2.840.10008.1.2.1', '\0'));
  const groupLength = new Uint8Array(new Uint32Array([metaBody.length]).buffer);
  const pixelBytes =
    bitsAllocated === 16 ? new Uint8Array(new Uint16Array(s.pixels).buffer) : new Uint8Array(s.pixels);
  const body = [
    element(0x0028, 0x0002, 'US', us(1)),
    element(0x0028, 0x0004, 'CS', str(s.photometric ?? 'MONOCHROME2')),
    ...(s.frames === undefined ? [] : [element(0x0028, 0x0008, 'IS', str(String(s.frames)))]),
    element(0x0028, 0x0010, 'US', us(s.rows)),
    element(0x0028, 0x0011, 'US', us(s.cols)),
    element(0x0028, 0x0100, 'US', us(bitsAllocated)),
    element(0x0028, 0x0101, 'US', us(bitsStored)),
    element(0x0028, 0x0102, 'US', us(s.highBit ?? bitsStored - 1)),
    element(0x0028, 0x0103, 'US', us(s.signed ? 1 : 0)),
    ...(s.intercept === undefined ? [] : [element(0x0028, 0x1052, 'DS', str(String(s.intercept)))]),
    ...(s.slope === undefined ? [] : [element(0x0028, 0x1053, 'DS', str(String(s.slope)))]),
    element(0x7fe0, 0x0010, bitsAllocated === 16 ? 'OW' : 'OB', pixelBytes.length % 2 ? concat([pixelBytes, new Uint8Array(1)]) : pixelBytes),
  ];
  return concat([new Uint8Array(128), str('DICM'), element(0x0002, 0x0000, 'UL', groupLength), metaBody, ...body]);
}

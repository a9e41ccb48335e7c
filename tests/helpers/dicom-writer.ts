/**
 * A small DICOM Part 10 writer for test fixtures only (PS3.10 7.1 file meta; PS3.5 7.1 data elements, A.4
 * encapsulation, A.5 deflate). It lets tests build the files a department may hand us (every transfer syntax, every
 * identifying attribute the Basic Profile lists) without shipping any real patient file.
 */
import { deflateRawSync } from 'node:zlib';

export const TS = {
  implicitLE: '1.2.840.10008.1.2',
  explicitLE: '1.2.840.10008.1.2.1',
  deflatedLE: '1.2.840.10008.1.2.1.99',
  explicitBE: '1.2.840.10008.1.2.2',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpegLossless: '1.2.840.10008.1.2.4.57',
  jpegLosslessSV1: '1.2.840.10008.1.2.4.70',
  jpegLsLossless: '1.2.840.10008.1.2.4.80',
  jpegLsNear: '1.2.840.10008.1.2.4.81',
  j2kLossless: '1.2.840.10008.1.2.4.90',
  j2k: '1.2.840.10008.1.2.4.91',
  rle: '1.2.840.10008.1.2.5',
} as const;

export interface Element {
  /** 0xggggeeee */
  readonly tag: number;
  readonly vr: string;
  /** Strings for text VRs (multi-values joined by '\\'), numbers for binary numeric VRs, bytes for OB/OW/UN. */
  readonly value: string | readonly number[] | Uint8Array;
}

export interface DicomSpec {
  readonly transferSyntax: string;
  readonly elements: readonly Element[];
  /** Native pixel data (written as OW, or OB for 8-bit). */
  readonly pixels?: Uint8Array | Uint16Array;
  /** Encapsulated frames/fragments (written as OB with undefined length; one fragment per entry). */
  readonly fragments?: readonly Uint8Array[];
  /** Write the 128-byte preamble and 'DICM' (default true). */
  readonly preamble?: boolean;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT']);

class Bytes {
  private parts: number[] = [];
  u8(v: number): void {
    this.parts.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v);
    this.u8(v >> 8);
  }
  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  raw(b: Uint8Array): void {
    for (const x of b) this.parts.push(x);
  }
  get length(): number {
    return this.parts.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function encodeValue(vr: string, value: Element['value']): Uint8Array {
  if (value instanceof Uint8Array) return value.length % 2 ? Uint8Array.from([...value, 0]) : value;
  if (typeof value === 'string') {
    const pad = vr === 'UI' ? 0 : 0x20;
    const b = [...new TextEncoder().encode(value)];
    if (b.length % 2) b.push(pad);
    return Uint8Array.from(b);
  }
  const out = new Bytes();
  for (const v of value) {
    if (vr === 'US' || vr === 'SS') out.u16(v);
    else if (vr === 'UL' || vr === 'SL') out.u32(v);
    else if (vr === 'FL') out.raw(new Uint8Array(new Float32Array([v]).buffer));
    else if (vr === 'FD') out.raw(new Uint8Array(new Float64Array([v]).buffer));
    else throw new Error(`dicom-writer: numeric value for VR ${vr} is not supported`);
  }
  return out.done();
}

function writeElement(out: Bytes, tag: number, vr: string, value: Uint8Array, explicit: boolean): void {
  out.u16(tag >>> 16);
  out.u16(tag & 0xffff);
  if (!explicit) {
    out.u32(value.length);
  } else if (LONG_VRS.has(vr)) {
    out.raw(new TextEncoder().encode(vr));
    out.u16(0);
    out.u32(value.length);
  } else {
    out.raw(new TextEncoder().encode(vr));
    out.u16(value.length);
  }
  out.raw(value);
}

function writeEncapsulated(out: Bytes, fragments: readonly Uint8Array[], explicit: boolean): void {
  out.u16(0x7fe0);
  out.u16(0x0010);
  if (explicit) {
    out.raw(new TextEncoder().encode('OB'));
    out.u16(0);
  }
  out.u32(0xffffffff);
  // Empty Basic Offset Table item (PS3.5 A.4).
  out.u16(0xfffe);
  out.u16(0xe000);
  out.u32(0);
  for (const f of fragments) {
    const even = f.length % 2 ? Uint8Array.from([...f, 0]) : f;
    out.u16(0xfffe);
    out.u16(0xe000);
    out.u32(even.length);
    out.raw(even);
  }
  out.u16(0xfffe);
  out.u16(0xe0dd);
  out.u32(0);
}

/** Builds a DICOM Part 10 file. Elements are sorted by tag; pixel data goes last. */
export function writeDicom(spec: DicomSpec): Uint8Array {
  const meta = new Bytes();
  const metaBody = new Bytes();
  writeElement(metaBody, 0x00020001, 'OB', Uint8Array.from([0, 1]), true);
  writeElement(metaBody, 0x00020002, 'UI', encodeValue('UI', '1.2.840.10008.5.1.4.1.1.1.1'), true);
  writeElement(metaBody, 0x00020003, 'UI', encodeValue('UI', '1.2.3.4.5.6.7.8.9'), true);
  writeElement(metaBody, 0x00020010, 'UI', encodeValue('UI', spec.transferSyntax), true);
  writeElement(metaBody, 0x00020012, 'UI', encodeValue('UI', '1.2.3.4.5'), true);
  const body = metaBody.done();
  writeElement(meta, 0x00020000, 'UL', encodeValue('UL', [body.length]), true);
  meta.raw(body);

  const explicit = spec.transferSyntax !== TS.implicitLE;
  const ds = new Bytes();
  const sorted = [...spec.elements].sort((a, b) => a.tag - b.tag);
  for (const e of sorted) writeElement(ds, e.tag, e.vr, encodeValue(e.vr, e.value), explicit);
  if (spec.fragments) writeEncapsulated(ds, spec.fragments, explicit);
  else if (spec.pixels) {
    const bytes = spec.pixels instanceof Uint16Array ? new Uint8Array(spec.pixels.buffer, spec.pixels.byteOffset, spec.pixels.byteLength) : spec.pixels;
    writeElement(ds, 0x7fe00010, spec.pixels instanceof Uint16Array ? 'OW' : 'OB', encodeValue('OB', bytes), explicit);
  }
  let dataset = ds.done();
  if (spec.transferSyntax === TS.deflatedLE) dataset = new Uint8Array(deflateRawSync(dataset));

  const out = new Bytes();
  if (spec.preamble !== false) {
    out.raw(new Uint8Array(128));
    out.raw(new TextEncoder().encode('DICM'));
  }
  out.raw(meta.done());
  out.raw(dataset);
  return out.done();
}

/** The Image Pixel Module attributes for a grayscale single-frame image (PS3.3 C.7.6.3). */
export function grayPixelModule(o: {
  rows: number;
  columns: number;
  bitsAllocated: number;
  bitsStored: number;
  photometric?: 'MONOCHROME1' | 'MONOCHROME2';
  signed?: boolean;
}): Element[] {
  return [
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: o.photometric ?? 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: [o.rows] },
    { tag: 0x00280011, vr: 'US', value: [o.columns] },
    { tag: 0x00280100, vr: 'US', value: [o.bitsAllocated] },
    { tag: 0x00280101, vr: 'US', value: [o.bitsStored] },
    { tag: 0x00280102, vr: 'US', value: [o.bitsStored - 1] },
    { tag: 0x00280103, vr: 'US', value: [o.signed ? 1 : 0] },
  ];
}

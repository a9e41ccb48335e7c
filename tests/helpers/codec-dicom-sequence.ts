/**
 * Pre-encoded sequence values for dicom-writer (which takes SQ values as bytes): items of defined length
 * (PS3.5 7.5), their elements in Explicit or Implicit VR Little Endian to match the data set around them.
 */
import type { Element } from './dicom-writer.js';

const LONG = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);

function valueBytes(e: Element): Uint8Array {
  if (e.value instanceof Uint8Array) return e.value;
  if (typeof e.value === 'string') {
    const b = [...new TextEncoder().encode(e.value)];
    if (b.length % 2) b.push(0x20);
    return Uint8Array.from(b);
  }
  const out: number[] = [];
  for (const v of e.value) out.push(v & 0xff, (v >> 8) & 0xff); // US/SS/OW words only
  return Uint8Array.from(out);
}

function elementBytes(e: Element, explicit: boolean): number[] {
  const v = valueBytes(e);
  const head = [(e.tag >>> 16) & 0xff, e.tag >>> 24, e.tag & 0xff, (e.tag >> 8) & 0xff];
  const len32 = [v.length & 0xff, (v.length >> 8) & 0xff, (v.length >> 16) & 0xff, v.length >>> 24];
  if (!explicit) return [...head, ...len32, ...v];
  const vr = [e.vr.charCodeAt(0), e.vr.charCodeAt(1)];
  if (LONG.has(e.vr)) return [...head, ...vr, 0, 0, ...len32, ...v];
  return [...head, ...vr, v.length & 0xff, (v.length >> 8) & 0xff, ...v];
}

export function sequenceValue(items: readonly (readonly Element[])[], explicit = true): Uint8Array {
  const out: number[] = [];
  for (const item of items) {
    const body = [...item].sort((a, b) => a.tag - b.tag).flatMap((e) => elementBytes(e, explicit));
    out.push(0xfe, 0xff, 0x00, 0xe0, body.length & 0xff, (body.length >> 8) & 0xff, (body.length >> 16) & 0xff, body.length >>> 24, ...body);
  }
  return Uint8Array.from(out);
}

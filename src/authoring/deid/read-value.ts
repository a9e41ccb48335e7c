/**
 * Reads one top-level attribute of a dicom-parser DataSet as header text. Only the DataSet's own accessors are
 * used (no import of dicom-parser at run time), so this runs in Node, a page or a worker alike.
 */
import type { DataSet, Element } from 'dicom-parser';

/** VRs whose value is character text (PS3.5 6.2). */
export const TEXT_VRS: ReadonlySet<string> = new Set([
  'AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT',
]);

/** VRs the kept header may show (the brief's list; UT only when short, which the length limit enforces). */
export const KEPT_VRS: ReadonlySet<string> = new Set([
  'AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'SH', 'ST', 'TM', 'UI', 'US', 'UL', 'SS', 'SL', 'FL', 'FD', 'UT',
]);

/** The longest value the kept header carries; longer ones are dropped whole, never cut. */
export const MAX_VALUE_LENGTH = 128;

const NUMERIC: Readonly<Record<string, { size: number; read: (ds: DataSet, tag: string, i: number) => number | undefined }>> = {
  US: { size: 2, read: (ds, t, i) => ds.uint16(t, i) },
  SS: { size: 2, read: (ds, t, i) => ds.int16(t, i) },
  UL: { size: 4, read: (ds, t, i) => ds.uint32(t, i) },
  SL: { size: 4, read: (ds, t, i) => ds.int32(t, i) },
  FL: { size: 4, read: (ds, t, i) => ds.float(t, i) },
  FD: { size: 8, read: (ds, t, i) => ds.double(t, i) },
};

/** True when the element is a sequence (explicit SQ, parsed items, or a VR the dictionary says is SQ). */
export function isSequence(el: Element, vr: string | undefined): boolean {
  return vr === 'SQ' || el.items !== undefined;
}

/**
 * The value as text: character VRs with padding and NULs trimmed and '\' kept between values; binary numbers
 * joined with '\'. Returns null when the VR is not one we can show (binary, sequence, unknown) or the value
 * holds control characters.
 */
export function readValue(ds: DataSet, el: Element, vr: string): string | null {
  const tag = el.tag;
  if (TEXT_VRS.has(vr)) {
    if (el.length === 0) return '';
    const raw = ds.string(tag);
    if (raw === undefined) return '';
    const text = raw.replace(/\0+$/g, '').trim();
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
  }
  const num = NUMERIC[vr];
  if (!num) return null;
  const count = Math.floor(el.length / num.size);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = num.read(ds, tag, i);
    if (v === undefined) return null;
    out.push(String(v));
  }
  return out.join('\\');
}

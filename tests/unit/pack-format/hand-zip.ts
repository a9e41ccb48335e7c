import { deflateSync } from 'fflate';
import { crc32 } from '../../../src/pack-format/crc32.js';

/**
 * Writes zips by hand (PKWARE APPNOTE local headers + central directory + end record) so tests can craft what no
 * honest tool writes: lying sizes, encryption flags, hostile names, overlapping entries.
 */
export interface HandEntry {
  readonly name: string | Uint8Array;
  readonly data: Uint8Array;
  readonly deflate?: boolean;
  /** Overrides for what the central directory declares. */
  readonly declaredSize?: number;
  readonly declaredCompressedSize?: number;
  readonly flags?: number;
  readonly method?: number;
  readonly crc?: number;
}

export function handZip(entries: readonly HandEntry[], opts: { declaredCount?: number; overlapAll?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let firstOffset = 0;
  for (const [i, e] of entries.entries()) {
    const name = typeof e.name === 'string' ? new TextEncoder().encode(e.name) : e.name;
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const method = e.method ?? (e.deflate ? 8 : 0);
    const flags = e.flags ?? 0x800;
    const crc = e.crc ?? crc32(e.data);
    const csize = e.declaredCompressedSize ?? body.length;
    const usize = e.declaredSize ?? e.data.length;
    const localOffset = opts.overlapAll && i > 0 ? firstOffset : offset;
    if (!(opts.overlapAll && i > 0)) {
      const local = new Uint8Array(30 + name.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, method, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, csize, true);
      lv.setUint32(22, usize, true);
      lv.setUint16(26, name.length, true);
      local.set(name, 30);
      if (i === 0) firstOffset = offset;
      parts.push(local, body);
      offset += local.length + body.length;
    }
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, csize, true);
    cv.setUint32(24, usize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, localOffset, true);
    c.set(name, 46);
    central.push(c);
  }
  const cdOffset = offset;
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  const count = opts.declaredCount ?? entries.length;
  ev.setUint16(8, Math.min(count, 0xffff), true);
  ev.setUint16(10, Math.min(count, 0xffff), true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdOffset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of all) out.set(p, o), (o += p.length);
  return out;
}

/**
 * Just enough of an Exif reader (CIPA DC-008 / JEITA CP-3451, a TIFF 6.0 structure) to name the tags that carry
 * provenance: IFD0 Software, Make, Model, and to notice the free-text tags that may name a person (ImageDescription,
 * Artist, Copyright, and UserComment in the Exif sub-IFD). Those are never copied, only reported as stripped.
 */
import { finding, type MetadataScan } from './provenance-text.js';

const TAG_IMAGE_DESCRIPTION = 0x010e;
const TAG_MAKE = 0x010f;
const TAG_MODEL = 0x0110;
const TAG_SOFTWARE = 0x0131;
const TAG_ARTIST = 0x013b;
const TAG_COPYRIGHT = 0x8298;
const TAG_EXIF_IFD = 0x8769;
const TAG_USER_COMMENT = 0x9286;

const QUOTED: ReadonlyMap<number, string> = new Map([
  [TAG_SOFTWARE, 'Software'],
  [TAG_MAKE, 'Make'],
  [TAG_MODEL, 'Model'],
]);
const PRIVATE: ReadonlyMap<number, string> = new Map([
  [TAG_IMAGE_DESCRIPTION, 'ImageDescription'],
  [TAG_ARTIST, 'Artist'],
  [TAG_COPYRIGHT, 'Copyright'],
  [TAG_USER_COMMENT, 'UserComment'],
]);

interface Entry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** Offset of the 4-byte value/offset field. */
  readonly field: number;
}

/** Reads a TIFF header and its IFDs ('II' little- or 'MM' big-endian). Malformed data yields what was readable. */
export function scanExifTiff(scan: MetadataScan & { strip(label: string): void }, where: string, tiff: Uint8Array): void {
  if (tiff.length < 8) return;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (o: number): number => (o + 2 <= tiff.length ? view.getUint16(o, little) : 0);
  const u32 = (o: number): number => (o + 4 <= tiff.length ? view.getUint32(o, little) : 0);

  const readIfd = (offset: number): Entry[] => {
    if (offset < 8 || offset + 2 > tiff.length) return [];
    const n = Math.min(u16(offset), 512);
    const entries: Entry[] = [];
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12;
      if (e + 12 > tiff.length) break;
      entries.push({ tag: u16(e), type: u16(e + 2), count: u32(e + 4), field: e + 8 });
    }
    return entries;
  };
  /** ASCII (type 2) values: inline when they fit in 4 bytes, else at the offset the field holds (TIFF 6.0 p. 15). */
  const ascii = (e: Entry): string => {
    if (e.type !== 2) return '';
    const start = e.count <= 4 ? e.field : u32(e.field);
    const end = Math.min(tiff.length, start + Math.min(e.count, 4096));
    let s = '';
    for (let i = start; i < end && tiff[i] !== 0; i++) s += String.fromCharCode(tiff[i] as number);
    return s;
  };

  const visit = (entries: readonly Entry[]): void => {
    for (const e of entries) {
      const quoted = QUOTED.get(e.tag);
      if (quoted) {
        const value = ascii(e).trim();
        if (value) scan.provenance.push(finding(`${where} ${quoted}`, value));
      }
      const priv = PRIVATE.get(e.tag);
      if (priv && e.count > 0) scan.strip(`EXIF ${priv} (may identify a person; not copied)`);
    }
  };
  const ifd0 = readIfd(u32(4));
  visit(ifd0);
  const exifPointer = ifd0.find((e) => e.tag === TAG_EXIF_IFD);
  if (exifPointer) visit(readIfd(u32(exifPointer.field)));
}

import { boundedInflater, InflateLimitError } from './bounded-inflate.js';
import { crc32 } from './crc32.js';
import { PackError } from './errors.js';

/**
 * A small zip reader (PKWARE APPNOTE 6.3.x) that looks before it leaps: it reads the central directory first, so
 * entry counts, declared sizes, compression ratios, encryption flags and names can all be checked before one byte
 * is inflated, and it inflates in bounded steps, stopping as soon as an entry grows past its declared size. fflate's
 * `unzipSync` does not expose the encryption flag or the CRC and trusts declared sizes, hence this reader.
 */
export interface ZipEntry {
  /** Name as stored (UTF-8, or CP437 decoded; see entryName), not yet checked for safety. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
/** 64-bit little-endian as a double: exact below 2^53, which is far above any limit checked here. */
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

const corrupt = (what: string): PackError =>
  new PackError('corrupt', `The zip is damaged (${what}). Download or copy it again, or re-create it from the pack folder.`);

function need(b: Uint8Array, o: number, n: number, what: string): void {
  if (o < 0 || o + n > b.length) throw corrupt(what);
}

/**
 * IBM code page 437, bytes 0x80-0xFF (0x00-0x7F are ASCII). APPNOTE 4.4.4 and Appendix D: a name whose general
 * purpose bit 11 is unset is in CP437, as Windows' built-in zip writes it (Müller is 4D 81 6C 6C 65 72). Decoded
 * loosely as UTF-8, every such byte became U+FFFD, so Müller and Mäller were one name and refused as duplicates.
 * A table rather than a library: TextDecoder has no CP437 (the WHATWG Encoding Standard lists none), and 128
 * characters do not need a dependency. Generated from Python's cp437 codec; the zip test checks a few.
 */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * An entry's name: UTF-8 when bit 11 says so; otherwise UTF-8 still if the bytes are valid UTF-8 (tools such as
 * macOS's Archive Utility write UTF-8 names without setting the bit, and a CP437 name with accents is almost never
 * valid UTF-8), else CP437.
 */
export function entryName(raw: Uint8Array, flags: number): string {
  if ((flags & 0x800) !== 0) return new TextDecoder('utf-8').decode(raw);
  try {
    return utf8Strict.decode(raw);
  } catch {
    let name = '';
    for (const b of raw) name += b < 0x80 ? String.fromCharCode(b) : (CP437_HIGH[b - 0x80] as string);
    return name;
  }
}

export interface CentralDirectory {
  readonly count: number;
  readonly offset: number;
}

/** Finds the end-of-central-directory record (and its zip64 form). Throws 'not-a-zip' when there is none. */
export function findCentralDirectory(b: Uint8Array): CentralDirectory {
  const notZip = new PackError('not-a-zip', 'This file is not a zip archive. Choose the .zip the pack builder made, or open the pack folder instead.');
  if (b.length < 22) throw notZip;
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 0xffff);
  while (e >= stop && u32(b, e) !== EOCD) e--;
  if (e < stop) throw notZip;
  let count = u16(b, e + 10);
  let offset = u32(b, e + 16);
  if (e >= 20 && u32(b, e - 20) === ZIP64_LOCATOR) {
    const z = u64(b, e - 12);
    need(b, z, 56, 'zip64 end record out of range');
    if (u32(b, z) !== ZIP64_EOCD) throw corrupt('zip64 end record missing');
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  return { count, offset };
}

/** Reads `count` central directory headers. The caller has already bounded `count`. */
export function readEntries(b: Uint8Array, dir: CentralDirectory): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let o = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    need(b, o, 46, 'central directory out of range');
    if (u32(b, o) !== CENTRAL) throw corrupt('central directory header missing');
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    need(b, o + 46, nameLen + extraLen + commentLen, 'central directory entry out of range');
    let compressedSize = u32(b, o + 20);
    let size = u32(b, o + 24);
    let localHeaderOffset = u32(b, o + 42);
    // Zip64 extra field (id 1): the 64-bit values, in this order, for each 32-bit field set to 0xFFFFFFFF.
    for (let x = o + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + u16(b, x + 2)) {
      if (u16(b, x) !== 1) continue;
      let p = x + 4;
      if (size === MAX32) {
        size = u64(b, p);
        p += 8;
      }
      if (compressedSize === MAX32) {
        compressedSize = u64(b, p);
        p += 8;
      }
      if (localHeaderOffset === MAX32) localHeaderOffset = u64(b, p);
    }
    entries.push({
      name: entryName(b.subarray(o + 46, o + 46 + nameLen), u16(b, o + 8)),
      flags: u16(b, o + 8),
      method: u16(b, o + 10),
      crc: u32(b, o + 16),
      compressedSize,
      size,
      localHeaderOffset,
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's data starts, from its local header (whose name and extra lengths may differ from the central one). */
export function dataRange(b: Uint8Array, e: ZipEntry): { start: number; end: number } {
  need(b, e.localHeaderOffset, 30, `local header of '${e.name}' out of range`);
  if (u32(b, e.localHeaderOffset) !== LOCAL) throw corrupt(`local header of '${e.name}' missing`);
  const start = e.localHeaderOffset + 30 + u16(b, e.localHeaderOffset + 26) + u16(b, e.localHeaderOffset + 28);
  const end = start + e.compressedSize;
  need(b, start, e.compressedSize, `data of '${e.name}' runs past the end of the file`);
  return { start, end };
}

const mismatch = (name: string): PackError =>
  new PackError(
    'size-mismatch',
    `The zip entry '${name}' does not unpack to the size its header declares, so the zip is damaged or crafted. Re-create the zip from the pack folder.`,
  );

/** Inflates (or copies) one entry into exactly `size` bytes, checking the size and the CRC. */
export function extractEntry(b: Uint8Array, e: ZipEntry): Uint8Array {
  const { start, end } = dataRange(b, e);
  const raw = b.subarray(start, end);
  let out: Uint8Array;
  if (e.method === 0) {
    if (raw.length !== e.size) throw mismatch(e.name);
    out = raw.slice();
  } else {
    out = new Uint8Array(e.size);
    // Bounded by the declared size: a lying header stops at its first byte too many, however far the data would go.
    const inflater = boundedInflater('raw', e.size, (chunk) => out.set(chunk, inflater.total - chunk.length));
    try {
      inflater.push(raw, true);
    } catch (err) {
      if (err instanceof InflateLimitError) throw mismatch(e.name);
      throw corrupt(`'${e.name}' does not inflate`);
    }
    if (inflater.total !== e.size || !inflater.ended) throw mismatch(e.name);
  }
  if (crc32(out) !== e.crc) throw corrupt(`checksum of '${e.name}' does not match`);
  return out;
}

import { concatBytes } from './bounded-inflate.js';
import { PackError } from './errors.js';
import { MANIFEST_PATH, isOsJunk, stripCommonTopFolder, unsafePathReason } from './paths.js';
import { packZipWriter } from './zip-writer.js';
import { extractEntry, findCentralDirectory, readEntries, type ZipEntry } from './zip-reader.js';

/** A pack in memory: relative path → bytes ('manifest.json', 'images/c0007.png', 'originals/c0007.png'). */
export type PackFiles = ReadonlyMap<string, Uint8Array>;

export interface UnzipLimits {
  /** More entries than a pack could need is a sign of a crafted zip. */
  readonly maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  readonly maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio allowed for an entry (and the whole zip) of `ratioAppliesFrom` bytes or more. */
  readonly maxRatio: number;
  readonly ratioAppliesFrom: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 2 * 1024 ** 3,
  // PNG and JSON compress 2–10×; a 200× entry is almost certainly a bomb (flat data built to expand). From 64 KiB
  // up: 2,040 entries of exactly 1 MiB each slipped under a rule that started above 1 MiB, and a zip as a whole is
  // held to the same ratio so that many small flat entries cannot add up to a bomb either.
  maxRatio: 200,
  ratioAppliesFrom: 64 * 1024,
});

const MIB = 1024 ** 2;
const fmtMiB = (n: number): string => `${(n / MIB).toFixed(0)} MiB`;

/** Checks everything the central directory declares, before any inflation. */
function checkDeclared(entries: readonly ZipEntry[], limits: UnzipLimits): void {
  let total = 0;
  let packed = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    const why = unsafePathReason(e.name.endsWith('/') ? e.name.slice(0, -1) : e.name);
    if (why !== null) {
      throw new PackError('unsafe-path', `The zip contains an entry whose path ${why} ('${e.name.slice(0, 80)}'), which could write outside the pack folder. Re-create the zip from the pack folder.`);
    }
    if (seen.has(e.name)) throw new PackError('duplicate-entry', `The zip contains '${e.name}' twice. Re-create the zip from the pack folder.`);
    seen.add(e.name);
    // Bit 0: traditional PKWARE encryption; bit 6: strong encryption; method 99: WinZip AES.
    if ((e.flags & 0x41) !== 0 || e.method === 99) {
      throw new PackError('encrypted', `The zip entry '${e.name}' is password-protected. Packs cannot be encrypted: zip the pack folder again without a password.`);
    }
    if (e.method !== 0 && e.method !== 8) {
      throw new PackError('unsupported-compression', `The zip entry '${e.name}' uses compression method ${e.method}. Re-create the zip with standard (deflate) compression.`);
    }
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new PackError('too-large', `The zip would unpack to more than ${fmtMiB(limits.maxTotalBytes)}. Split the images into smaller packs, or check that this is really a case pack.`);
    }
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (e.size >= limits.ratioAppliesFrom && ratio > limits.maxRatio) {
      throw new PackError('suspicious-compression', `The zip entry '${e.name}' would expand ${Math.round(ratio)}-fold (limit ${limits.maxRatio}), as a zip bomb does. Re-create the zip from the pack folder.`);
    }
    packed += e.compressedSize;
  }
  if (total >= limits.ratioAppliesFrom && total / Math.max(1, packed) > limits.maxRatio) {
    throw new PackError('suspicious-compression', `The zip would expand ${Math.round(total / Math.max(1, packed))}-fold as a whole (limit ${limits.maxRatio}), as a zip bomb does. Re-create the zip from the pack folder.`);
  }
  // Entries whose data overlap let a small file declare many large entries over the same bytes (Fifield 2019).
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1] as ZipEntry;
    if ((byOffset[i] as ZipEntry).localHeaderOffset < prev.localHeaderOffset + 30 + prev.compressedSize) {
      throw new PackError('corrupt', 'The zip has entries that overlap each other, as crafted zip bombs do. Re-create the zip from the pack folder.');
    }
  }
}

/**
 * Unpacks a zip into a pack's files, refusing zip slip, zip bombs, encryption and damage with a PackError that says
 * what to do. Folder entries and OS junk ('__MACOSX/', '.DS_Store') are dropped; one common top folder is stripped.
 */
export function unzipPack(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): Map<string, Uint8Array> {
  return withoutCommonTopFolder(unzipFiles(bytes, limits));
}

/** A pack zipped with its folder ('pack/manifest.json', ...) reads like one zipped from inside the folder. */
export function withoutCommonTopFolder(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const renamed = stripCommonTopFolder([...files.keys()]);
  return new Map([...files].map(([name, b]) => [renamed.get(name) as string, b]));
}

/** The same checks as unzipPack, keeping every path as the zip names it (folder names can be labels: real/, synthetic/). */
export function unzipFiles(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): Map<string, Uint8Array> {
  return extractAll(openZip(bytes, limits));
}

/** Every entry of an opened zip, inflated. */
export const extractAll = (zip: OpenedZip): Map<string, Uint8Array> => new Map(zip.names.map((n) => [n, zip.extract(n)]));

/** A checked zip whose entries are inflated one at a time, when asked: a large zip of images is never all in memory. */
export interface OpenedZip {
  /** File entries as the zip names them (folders and OS junk left out). */
  readonly names: readonly string[];
  /** Inflates one entry, checking its size and CRC against the declaration as it goes. */
  extract(name: string): Uint8Array;
  /** The entry's declared uncompressed size (checked against the data when it is extracted). */
  size(name: string): number;
}

export function openZip(bytes: Uint8Array, limits: Partial<UnzipLimits> = {}): OpenedZip {
  const lim: UnzipLimits = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  const dir = findCentralDirectory(bytes);
  if (dir.count > lim.maxEntries) {
    throw new PackError('too-many-entries', `The zip has ${dir.count} entries; a pack may have at most ${lim.maxEntries}. Split the images into smaller packs.`);
  }
  const entries = readEntries(bytes, dir);
  checkDeclared(entries, lim);
  const files = entries.filter((e) => !e.name.endsWith('/') && !isOsJunk(e.name));
  if (files.length === 0) throw new PackError('empty', 'The zip is empty. Zip the pack folder (with manifest.json and images/) and try again.');
  const byName = new Map(files.map((e) => [e.name, e]));
  const entry = (name: string): ZipEntry => {
    const e = byName.get(name);
    if (!e) throw new PackError('corrupt', `The zip has no entry '${name.slice(0, 80)}'. Re-create the zip.`);
    return e;
  };
  return { names: files.map((e) => e.name), extract: (name) => extractEntry(bytes, entry(name)), size: (name) => entry(name).size };
}

/**
 * Zips a pack in memory, deterministically: manifest first, then paths in sorted order, through the same streaming
 * writer as exports and the command line (zip-writer.ts).
 */
export function packToZip(files: PackFiles): Uint8Array {
  const paths = [...files.keys()].sort((a, b) => (a === MANIFEST_PATH ? -1 : b === MANIFEST_PATH ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const parts: Uint8Array[] = [];
  const writer = packZipWriter((chunk) => parts.push(chunk));
  for (const p of paths) writer.add(p, files.get(p) as Uint8Array);
  writer.end();
  return concatBytes(parts);
}

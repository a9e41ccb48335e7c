import { PackError } from './errors.js';
import { decodePackManifest, encodePackManifest, type PackManifest } from './manifest.js';
import { ALLOWED_EXTRA_FILES, MANIFEST_PATH, isOsJunk, stripCommonTopFolder, unsafePathReason } from './paths.js';
import { readPngStructure } from './png-chunks.js';
import type { PackFiles } from './zip.js';

/**
 * A pack as a folder of files, whether it came from a zip, a dropped folder or the builder: checks that the files
 * and the manifest agree, so the game never meets a missing image or an image of the wrong size mid-session.
 */
export interface PackValidation {
  /** The parsed manifest, or null when it is missing or invalid. */
  readonly manifest: PackManifest | null;
  /** Empty when the pack is usable; each line names the file, the fault and the fix. */
  readonly problems: readonly string[];
}

const MAX_PROBLEMS = 100;

/** PNG bit depth the one normalisation policy implies: 8-bit data in 8-bit PNGs, anything deeper in 16-bit PNGs. */
export const pngBitDepthFor = (bitsStored: number): number => (bitsStored <= 8 ? 8 : 16);

/** The only PNG chunks a pack's images may hold: what the builder writes. Anything else could carry provenance or identifiers. */
export const PACK_PNG_CHUNKS: readonly string[] = ['IHDR', 'IDAT', 'IEND'];

/**
 * Largest file a served PNG of the manifest's size can be: raw scanlines (a filter byte per row) stored without
 * compression cost at most 5 bytes per 65,535 (RFC 1951 3.2.4) plus zlib and chunk framing, so a declared size
 * beyond this is not one of the builder's images.
 */
export function maxServedPngBytes(m: PackManifest): number {
  const { width, height, bitsStored } = m.image;
  const raw = height * (1 + width * (pngBitDepthFor(bitsStored) / 8));
  return Math.ceil(raw * 1.001) + 64 * 1024;
}

/** Everything wrong with one of a pack's PNGs, as lines that name the file and the fix. */
export function packPngProblems(path: string, bytes: Uint8Array, m: PackManifest): string[] {
  const problems: string[] = [];
  checkPng(path, bytes, m, problems);
  return problems;
}

function checkPng(path: string, bytes: Uint8Array, m: PackManifest, problems: string[]): void {
  try {
    const { header, chunks } = readPngStructure(bytes);
    const extra = [...new Set(chunks.filter((t) => !PACK_PNG_CHUNKS.includes(t)))];
    if (extra.length > 0) {
      const names = extra.slice(0, 8).map((t) => JSON.stringify(t.replace(/[^\x20-\x7e]/g, '?'))).join(', ');
      problems.push(
        `${path}: holds PNG ${extra.length === 1 ? 'chunk' : 'chunks'} ${names}${extra.length > 8 ? ' and more' : ''}; a pack's images hold only IHDR, IDAT and IEND, ` +
          'since other chunks (text, EXIF, ICC profiles, timestamps) can carry provenance or identifiers. Rebuild the pack with the pack builder.',
      );
    }
    const { width, height, bitsStored } = m.image;
    if (header.width !== width || header.height !== height) {
      problems.push(`${path}: is ${header.width}×${header.height} but the manifest says every image is ${width}×${height}. Rebuild the pack.`);
    }
    if (header.colourType !== 0 || header.bitDepth !== pngBitDepthFor(bitsStored)) {
      problems.push(`${path}: must be a ${pngBitDepthFor(bitsStored)}-bit grayscale PNG (got colour type ${header.colourType}, ${header.bitDepth}-bit). Rebuild the pack.`);
    }
  } catch (err) {
    problems.push(`${path}: ${err instanceof Error ? err.message : String(err)}. Rebuild the pack.`);
  }
}

export function validatePackFiles(files: PackFiles): PackValidation {
  const problems: string[] = [];
  for (const path of files.keys()) {
    const why = unsafePathReason(path);
    if (why !== null) problems.push(`'${path.slice(0, 80)}': the path ${why}. Remove or rename the file.`);
  }
  const manifestBytes = files.get(MANIFEST_PATH);
  if (manifestBytes === undefined) {
    problems.push(`${MANIFEST_PATH} is missing. Open the folder that contains manifest.json, or rebuild the pack with the pack builder.`);
    return { manifest: null, problems };
  }
  let manifest: PackManifest;
  try {
    manifest = decodePackManifest(manifestBytes);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    return { manifest: null, problems };
  }
  const referenced = new Set<string>([MANIFEST_PATH]);
  for (const c of manifest.cases) {
    for (const path of c.original === undefined ? [c.file] : [c.file, c.original]) {
      referenced.add(path);
      const bytes = files.get(path);
      if (bytes === undefined) problems.push(`${path}: missing (case ${c.id}). Copy the whole pack folder again, or rebuild the pack.`);
      else checkPng(path, bytes, manifest, problems);
    }
  }
  for (const path of files.keys()) {
    if (!referenced.has(path) && !ALLOWED_EXTRA_FILES.includes(path) && unsafePathReason(path) === null) {
      problems.push(`${path}: not part of the pack (no case refers to it). Remove it; a pack holds only ${MANIFEST_PATH}, images/, originals/ and a README.`);
    }
  }
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`…and ${problems.length - MAX_PROBLEMS} more problems.`);
  return { manifest, problems: shown };
}

/** Validates and returns the manifest, or throws one PackError listing every problem. */
export function readPack(files: PackFiles): PackManifest {
  const { manifest, problems } = validatePackFiles(files);
  if (manifest === null || problems.length > 0) {
    throw new PackError(manifest === null && !files.has(MANIFEST_PATH) ? 'missing-manifest' : 'invalid-manifest', problems.join('\n'));
  }
  return manifest;
}

/**
 * Files read from a folder (CLI) or a browser folder drop, as a pack: unsafe paths are refused, OS junk is dropped
 * and a single top folder ('mypack/…') is stripped, exactly as for a zip.
 */
export function packFilesFromFolder(entries: Iterable<{ readonly path: string; readonly bytes: Uint8Array }>): Map<string, Uint8Array> {
  const kept: { path: string; bytes: Uint8Array }[] = [];
  for (const e of entries) {
    const why = unsafePathReason(e.path);
    if (why !== null) throw new PackError('unsafe-path', `The path '${e.path.slice(0, 80)}' ${why}. Rename the file, or pass paths relative to the pack folder with '/'.`);
    if (!isOsJunk(e.path)) kept.push({ path: e.path, bytes: e.bytes });
  }
  const renamed = stripCommonTopFolder(kept.map((e) => e.path));
  const out = new Map<string, Uint8Array>();
  for (const e of kept) {
    const path = renamed.get(e.path) as string;
    if (out.has(path)) throw new PackError('duplicate-entry', `'${path}' appears twice. Keep one copy.`);
    out.set(path, e.bytes);
  }
  return out;
}

/** The builder's last step: manifest.json plus the images, checked as a reader will check them. */
export function assemblePack(manifest: PackManifest, images: Iterable<readonly [string, Uint8Array]>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([[MANIFEST_PATH, encodePackManifest(manifest)]]);
  for (const [path, bytes] of images) files.set(path, bytes);
  readPack(files);
  return files;
}

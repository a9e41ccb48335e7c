/**
 * A pack (a zip, or a dropped folder) opened for import one file at a time. Its list of files with their declared
 * sizes and its manifest are checked before any image is read: every file must be the manifest, a file a case
 * refers to, or an allowed extra, each within the size its role allows. Images are then read (inflated) and checked
 * one by one as the caller asks, so importing a pack never holds more than one image, and a zip that declares 2 GiB
 * of unexpected data is refused before inflating any of it.
 */
import { PackError } from './errors.js';
import { decodePackManifest, type PackManifest } from './manifest.js';
import { maxServedPngBytes, packPngProblems } from './pack-files.js';
import { ALLOWED_EXTRA_FILES, MANIFEST_PATH, isOsJunk, stripCommonTopFolder, unsafePathReason } from './paths.js';
import type { OpenedZip } from './zip.js';

/** Where a pack's files come from: names as found (a common top folder is stripped), declared sizes, a reader. */
export interface PackSource {
  readonly names: readonly string[];
  size(name: string): number;
  read(name: string): Promise<Uint8Array>;
}

/** A manifest of MAX_CASES cases with long texts stays well under this. */
export const MAX_MANIFEST_BYTES = 32 * 1024 ** 2;
/** README, licence and audit notes. */
export const MAX_EXTRA_FILE_BYTES = 1024 ** 2;

export interface OpenedPack {
  readonly manifest: PackManifest;
  /** Every file of the pack (paths inside the pack), manifest.json first. */
  readonly paths: readonly string[];
  /** Reads one file and checks it as `validatePackFiles` would; throws a PackError naming the file and the fix. */
  read(path: string): Promise<Uint8Array>;
}

const invalid = (problems: readonly string[]): PackError => {
  const shown = problems.slice(0, 20);
  if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more problems.`);
  return new PackError('invalid-manifest', shown.join('\n'));
};

/** True when the zip holds a manifest.json at its root (or under one common top folder): an existing pack. */
export const zipHoldsPack = (zip: OpenedZip): boolean => [...stripCommonTopFolder(zip.names).values()].includes(MANIFEST_PATH);

export async function openPackSource(zip: PackSource): Promise<OpenedPack> {
  const renamed = stripCommonTopFolder(zip.names.filter((n) => !isOsJunk(n)));
  const inZip = new Map<string, string>();
  for (const [name, path] of renamed) {
    const why = unsafePathReason(path);
    if (why !== null) throw new PackError('unsafe-path', `The path '${path.slice(0, 80)}' ${why}. Rename the file, or re-create the pack with the pack builder.`);
    inZip.set(path, name);
  }
  const manifestName = inZip.get(MANIFEST_PATH);
  if (manifestName === undefined) {
    throw new PackError('missing-manifest', `${MANIFEST_PATH} is missing. Open the zip the pack builder made, or rebuild the pack.`);
  }
  if (zip.size(manifestName) > MAX_MANIFEST_BYTES) {
    throw invalid([`${MANIFEST_PATH}: declares ${zip.size(manifestName)} bytes, more than any pack's manifest (${MAX_MANIFEST_BYTES}). Rebuild the pack.`]);
  }
  const manifest = decodePackManifest(await zip.read(manifestName));
  const referenced = new Set<string>();
  for (const c of manifest.cases) {
    referenced.add(c.file);
    if (c.original !== undefined) referenced.add(c.original);
  }
  const maxPng = maxServedPngBytes(manifest);
  const problems: string[] = [];
  for (const [path, name] of inZip) {
    if (path === MANIFEST_PATH) continue;
    const size = zip.size(name);
    if (referenced.has(path)) {
      if (size > maxPng) problems.push(`${path}: declares ${size} bytes, more than a ${manifest.image.width}×${manifest.image.height} served PNG can take (${maxPng}). Rebuild the pack.`);
    } else if (ALLOWED_EXTRA_FILES.includes(path)) {
      if (size > MAX_EXTRA_FILE_BYTES) problems.push(`${path}: ${size} bytes is more than a note beside a pack needs (1 MiB). Remove it.`);
    } else {
      problems.push(`${path}: not part of the pack (no case refers to it). Remove it; a pack holds only ${MANIFEST_PATH}, images/, originals/ and a README.`);
    }
  }
  for (const path of referenced) {
    if (!inZip.has(path)) problems.push(`${path}: missing. Copy the whole pack again, or rebuild the pack.`);
  }
  if (problems.length > 0) throw invalid(problems);
  const paths = [MANIFEST_PATH, ...[...inZip.keys()].filter((p) => p !== MANIFEST_PATH).sort()];
  return {
    manifest,
    paths,
    read: async (path) => {
      const name = inZip.get(path);
      if (name === undefined) throw new PackError('corrupt', `The pack has no file '${path.slice(0, 80)}'.`);
      const bytes = await zip.read(name);
      if (referenced.has(path)) {
        const bad = packPngProblems(path, bytes, manifest);
        if (bad.length > 0) throw invalid(bad);
      }
      return bytes;
    },
  };
}

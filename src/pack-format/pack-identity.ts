import type { PackManifest } from './manifest.js';

/**
 * Which files make a stored pack whole, and when a pack may be stored over another with the same id. Sessions
 * name a pack by id and its cases by id (c0001...), so storing a different pack under the same id would have past
 * sessions reviewed against another pack's images.
 */

/** The files a manifest names: every case's image and each forged case's original, sorted. */
export function referencedPackPaths(m: PackManifest): string[] {
  return [...new Set(m.cases.flatMap((c) => (c.original === undefined ? [c.file] : [c.file, c.original])))].sort();
}

/** The named files missing from `present` (a build's staged files, say). */
export function missingPackFiles(m: PackManifest, present: ReadonlySet<string>): string[] {
  return referencedPackPaths(m).filter((p) => !present.has(p));
}

/** JSON with object keys sorted, so two manifests compare by content whatever order their keys were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Why `incoming` may not be stored over `stored` (same id), or null when it is the same pack (the same manifest,
 * build time included, as when an exported pack is imported again). Manifests carry no image hashes, so the
 * manifest is what is compared.
 */
export function packReplacementProblem(stored: PackManifest, incoming: PackManifest): string | null {
  if (canonical(stored) === canonical(incoming)) return null;
  return `A different pack with the id '${stored.id}' is already stored ('${stored.title}', built ${stored.createdAt}), and ` +
    'past sessions on it would be reviewed against the new images. It was kept and the new pack was not stored. To store ' +
    'the new one, delete the stored pack first (case packs screen, K, then D), or give the new pack another title so it gets another id.';
}

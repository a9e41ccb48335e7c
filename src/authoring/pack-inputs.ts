/**
 * What was dropped on the page (or picked), as the pack pipeline needs it. A zip or folder that holds a
 * manifest.json is an existing pack to import: its manifest and declared sizes are checked first, then its files are
 * read and checked one at a time (open-pack.ts). Anything else is a set of images to build from, with zips opened
 * under the zip-slip and zip-bomb checks, a 'labels.csv' taken as the labels and a 'pack.json' as the settings.
 * Hidden files and folders (a name starting with a dot) are never read, in a folder or inside a zip; they are listed.
 * Blobs and zip entries are read one at a time when the builder asks, so a large drop is never all in memory at once.
 */
import { MAX_INPUT_BYTES, MAX_LABELS_BYTES, PACK_SETTINGS_FILE, decodeCsvBytes, packIdFrom, parseLabelsCsv, parsePackSettings, type LabelTable, type PackSettings } from './build/index.js';
import { packHeaderProblems } from './deid/index.js';
import { MANIFEST_PATH, isOsJunk, openPackSource, openZip, zipHoldsPack, type OpenedPack, type OpenedZip } from '../pack-format/index.js';

export interface DroppedItem {
  readonly path: string;
  readonly blob: Blob;
}

export interface SkippedItem {
  readonly path: string;
  readonly reason: string;
}

export type ExpandedInputs =
  | ({ readonly kind: 'pack' } & OpenedPack)
  | {
      readonly kind: 'images';
      readonly paths: readonly string[];
      read(path: string): Promise<Uint8Array>;
      readonly labels: LabelTable | null;
      /** Build options from a pack.json dropped with the images (none: the defaults). */
      readonly settings: PackSettings;
      /** The dropped folders and zips, by the first segment of their paths: what a label per dropped root names. */
      readonly roots: readonly string[];
      /** The dropped folder's name, offered as a title for the user to confirm: a folder may be named after a patient. */
      readonly suggestedTitle: string | null;
      readonly skipped: readonly SkippedItem[];
    };

const isZip = (path: string, head: Uint8Array): boolean => path.toLowerCase().endsWith('.zip') || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04);
const base = (p: string): string => p.split('/').pop() ?? p;
const stem = (p: string): string => base(p).replace(/\.[^.]*$/, '');
const HIDDEN = 'hidden (a name starting with a dot): never read; rename it if it belongs in the pack';
const isHidden = (path: string): boolean => path.split('/').some((s) => s.startsWith('.') && s !== '.' && s !== '..');

/** pack.json holds a few settings; more than this is not one (a dropped one is read to this size only). */
const MAX_SETTINGS_BYTES = 1024 ** 2;
const mb = (n: number): number => Math.round(n / 2 ** 20);

/**
 * A zip entry inflated only if its declared size is within its role's limit: the reader allocates the declared size
 * before it inflates, and the zip's 200-fold rule still lets a 3 MB entry claim 600 MB. The error carries EFBIG, so an
 * image becomes a 'too-large' bad file in the report and a labels or settings file stops the drop, saying why.
 */
function extractWithin(zip: OpenedZip, zipPath: string, name: string, limit: number, what: string): Uint8Array {
  const size = zip.size(name);
  if (size > limit) {
    const message = `${zipPath}: ${name} declares ${mb(size)} MB, over the ${mb(limit)} MB limit for ${what}; check that this is the right file, or zip the folder again without it`;
    throw Object.assign(new Error(message), { code: 'EFBIG' });
  }
  return zip.extract(name);
}

/**
 * An imported pack whose headers hold what this version's builder would never write (a patient's name, an ID, an
 * attribute the Basic Profile removes) is refused whole, before its images are read: the header panel would show it.
 */
function withCheckedHeaders(pack: OpenedPack): OpenedPack {
  const problems = packHeaderProblems(pack.manifest.cases);
  if (problems.length === 0) return pack;
  const shown = problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  throw new Error(
    `This pack was not imported: its DICOM headers hold what the de-identification profile (DICOM PS3.15 Table E.1-1, Basic Profile) ` +
      `does not allow, and the header panel would show it (${shown}). Rebuild the pack from the source films with this version's builder ` +
      '(npm run pack -- build, or drop the films here).',
  );
}

async function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** Root of a dropped path: its first folder ('dept-chest-2026'), or the file itself when dropped alone. */
export const rootOf = (path: string): string => path.split('/')[0] ?? path;

export async function expandInputs(items: readonly DroppedItem[]): Promise<ExpandedInputs> {
  if (items.length === 0) throw new Error('Nothing was dropped. Drop a folder of images, a zip, or a case pack.');
  const lazy = new Map<string, Blob>();
  /** Entries of dropped zips, inflated only when the builder reads them. */
  const zipped = new Map<string, () => Uint8Array>();
  const skipped: SkippedItem[] = [];
  let labels: LabelTable | null = null;
  let settings: PackSettings = {};
  for (const item of items) {
    if (isHidden(item.path)) {
      if (!isOsJunk(item.path)) skipped.push({ path: item.path, reason: HIDDEN });
      continue;
    }
    const head = await readBlob(item.blob.slice(0, 4));
    if (isZip(item.path, head)) {
      const zip = openZip(await readBlob(item.blob));
      if (zipHoldsPack(zip)) {
        if (items.length > 1) throw new Error(`${item.path} is a case pack; import it on its own, not together with other files.`);
        return { kind: 'pack', ...withCheckedHeaders(await openPackSource({ names: zip.names, size: zip.size, read: async (n) => zip.extract(n) })) };
      }
      // Images keep their folders as zipped: a zip of real/ alone must still say 'real'.
      for (const p of zip.names) {
        if (isHidden(p)) skipped.push({ path: `${item.path}: ${p}`, reason: HIDDEN });
        else if (base(p).toLowerCase() === 'labels.csv') labels = parseLabelsCsv(decodeCsvBytes(extractWithin(zip, item.path, p, MAX_LABELS_BYTES, 'a labels file')));
        else if (base(p).toLowerCase() === PACK_SETTINGS_FILE) settings = parsePackSettings(new TextDecoder().decode(extractWithin(zip, item.path, p, MAX_SETTINGS_BYTES, 'a pack.json')));
        else zipped.set(`${stem(item.path)}/${p}`, () => extractWithin(zip, item.path, p, MAX_INPUT_BYTES, 'one image'));
      }
    } else if (base(item.path).toLowerCase() === 'labels.csv') {
      // Read at most one byte past the limit: decodeCsvBytes refuses a file over it without the rest being loaded.
      labels = parseLabelsCsv(decodeCsvBytes(await readBlob(item.blob.slice(0, MAX_LABELS_BYTES + 1))));
    } else if (base(item.path).toLowerCase() === PACK_SETTINGS_FILE) {
      settings = parsePackSettings(new TextDecoder().decode(await readBlob(item.blob.slice(0, MAX_SETTINGS_BYTES))));
    } else lazy.set(item.path, item.blob);
  }
  const manifestAt = [...lazy.keys()].filter((p) => base(p) === MANIFEST_PATH);
  if (manifestAt.length > 0) {
    const names = [...lazy.keys()];
    return { kind: 'pack', ...withCheckedHeaders(await openPackSource({ names, size: (n) => lazy.get(n)?.size ?? 0, read: (n) => readBlob(lazy.get(n) as Blob) })) };
  }
  const paths = [...lazy.keys(), ...zipped.keys()].sort();
  const roots = [...new Set(paths.map(rootOf))].sort();
  return {
    kind: 'images',
    paths,
    labels,
    settings,
    roots,
    suggestedTitle: roots.length === 1 && paths.some((p) => p.includes('/')) ? (roots[0] as string) : null,
    skipped,
    read: async (path) => {
      const entry = zipped.get(path);
      if (entry) return entry();
      const blob = lazy.get(path);
      if (!blob) throw new Error(`not an input: ${path}`);
      return readBlob(blob);
    },
  };
}

/** The pack id the build will use: pack.json's, else one made from the title (never from a folder name alone). */
export const packIdForTitle = (settings: PackSettings, title: string): string => settings.id ?? packIdFrom(settings.title ?? title);

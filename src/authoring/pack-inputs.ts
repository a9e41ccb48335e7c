/**
 * What was dropped on the page (or picked), as the pack pipeline needs it. A zip or folder that holds a
 * manifest.json is an existing pack to import as is (validated); anything else is a set of images to build from,
 * with zips opened under the zip-slip and zip-bomb checks and a 'labels.csv' at the top taken as the labels.
 * Blobs are read one at a time when the builder asks, so a large drop is never all in memory at once.
 */
import { PACK_SETTINGS_FILE, packIdFrom, parseLabelsCsv, parsePackSettings, type LabelTable, type PackSettings } from './build/index.js';
import { MANIFEST_PATH, extractAll, openZip, packFilesFromFolder, readPack, stripCommonTopFolder, withoutCommonTopFolder, type PackManifest } from '../pack-format/index.js';

export interface DroppedItem {
  readonly path: string;
  readonly blob: Blob;
}

export type ExpandedInputs =
  | { readonly kind: 'pack'; readonly manifest: PackManifest; readonly files: ReadonlyMap<string, Uint8Array> }
  | {
      readonly kind: 'images';
      readonly paths: readonly string[];
      read(path: string): Promise<Uint8Array>;
      readonly labels: LabelTable | null;
      /** Build options from a pack.json dropped with the images (none: the defaults). */
      readonly settings: PackSettings;
      readonly suggestedId: string;
      /** The dropped folder's name, for a title when pack.json gives none. */
      readonly suggestedTitle: string | null;
    };

const isZip = (path: string, head: Uint8Array): boolean => path.toLowerCase().endsWith('.zip') || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04);
const base = (p: string): string => p.split('/').pop() ?? p;
const stem = (p: string): string => base(p).replace(/\.[^.]*$/, '');

async function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

export async function expandInputs(items: readonly DroppedItem[]): Promise<ExpandedInputs> {
  if (items.length === 0) throw new Error('Nothing was dropped. Drop a folder of images, a zip, or a case pack.');
  const lazy = new Map<string, Blob>();
  /** Entries of dropped zips, inflated only when the builder reads them. */
  const zipped = new Map<string, () => Uint8Array>();
  let labels: LabelTable | null = null;
  let settings: PackSettings = {};
  for (const item of items) {
    const head = await readBlob(item.blob.slice(0, 4));
    if (isZip(item.path, head)) {
      const bytes = await readBlob(item.blob);
      const zip = openZip(bytes);
      if ([...stripCommonTopFolder(zip.names).values()].includes(MANIFEST_PATH)) {
        if (items.length > 1) throw new Error(`${item.path} is a case pack; import it on its own, not together with other files.`);
        const files = withoutCommonTopFolder(extractAll(zip));
        return { kind: 'pack', manifest: readPack(files), files };
      }
      // Images keep their folders as zipped: a zip of real/ alone must still say 'real'.
      for (const p of zip.names) {
        if (base(p).toLowerCase() === 'labels.csv') labels = parseLabelsCsv(new TextDecoder().decode(zip.extract(p)));
        else if (base(p).toLowerCase() === PACK_SETTINGS_FILE) settings = parsePackSettings(new TextDecoder().decode(zip.extract(p)));
        else zipped.set(`${stem(item.path)}/${p}`, () => zip.extract(p));
      }
    } else if (base(item.path).toLowerCase() === 'labels.csv') {
      labels = parseLabelsCsv(new TextDecoder().decode(await readBlob(item.blob)));
    } else if (base(item.path).toLowerCase() === PACK_SETTINGS_FILE) {
      settings = parsePackSettings(new TextDecoder().decode(await readBlob(item.blob)));
    } else lazy.set(item.path, item.blob);
  }
  if ([...lazy.keys()].some((p) => base(p) === MANIFEST_PATH)) {
    const entries = await Promise.all([...lazy].map(async ([path, blob]) => ({ path, bytes: await readBlob(blob) })));
    const files = packFilesFromFolder(entries);
    return { kind: 'pack', manifest: readPack(files), files };
  }
  const paths = [...lazy.keys(), ...zipped.keys()].sort();
  const top = paths[0]?.split('/')[0] ?? 'pack';
  const oneFolder = paths.every((p) => p.startsWith(`${top}/`));
  return {
    kind: 'images',
    paths,
    labels,
    settings,
    suggestedId: packIdFrom(settings.title ?? (oneFolder ? top : 'imported-pack')),
    suggestedTitle: oneFolder ? top : null,
    read: async (path) => {
      const entry = zipped.get(path);
      if (entry) return entry();
      const blob = lazy.get(path);
      if (!blob) throw new Error(`not an input: ${path}`);
      return readBlob(blob);
    },
  };
}

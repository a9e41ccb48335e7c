/**
 * Getting a department's files into the page: drag and drop of files, folders or a zip anywhere on the page, or
 * the two file dialogs (files, or a whole folder). Folders are walked with the File and Directory Entries API.
 * The files are handed over as Blobs with their relative paths; nothing is read here and nothing is uploaded.
 */
import type { DroppedItem } from '../authoring/index.js';

type Entry = FileSystemEntry;

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  return new Promise((resolve, reject) => {
    // readEntries returns at most ~100 entries per call: call until it returns none.
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: Entry, out: DroppedItem[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), blob: file });
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

export async function itemsFromDataTransfer(dt: DataTransfer): Promise<DroppedItem[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry()).filter((e): e is Entry => e !== null);
  const out: DroppedItem[] = [];
  if (entries.length === 0) return [...dt.files].map((f) => ({ path: f.name, blob: f }));
  for (const e of entries) await walk(e, out);
  return out;
}

export const itemsFromFileList = (files: FileList): DroppedItem[] =>
  [...files].filter((f) => !f.name.startsWith('.')).map((f) => ({ path: f.webkitRelativePath || f.name, blob: f }));

export interface PackInputsUi {
  pick(kind: 'files' | 'folder'): void;
  dispose(): void;
}

/**
 * Installs the drop target and the two hidden file inputs (#pack-files, #pack-folder). `canAccept` says whether
 * the screen on show may take a drop (not in the middle of a round); `refuse` explains when it may not.
 */
export function installPackInputs(onItems: (items: DroppedItem[]) => void, canAccept: () => boolean, refuse: () => void): PackInputsUi {
  const make = (id: string, folder: boolean): HTMLInputElement => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    input.multiple = true;
    input.hidden = true;
    if (folder) input.webkitdirectory = true;
    else input.accept = '.dcm,.dicom,.png,.jpg,.jpeg,.zip,.csv,application/dicom,image/png,image/jpeg,application/zip';
    input.addEventListener('change', () => {
      if (input.files && input.files.length > 0) onItems(itemsFromFileList(input.files));
      input.value = '';
    });
    document.body.appendChild(input);
    return input;
  };
  const files = make('pack-files', false);
  const folder = make('pack-folder', true);
  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = canAccept() ? 'copy' : 'none';
  };
  const onDrop = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    if (!canAccept()) return refuse();
    void itemsFromDataTransfer(e.dataTransfer).then(onItems);
  };
  document.addEventListener('dragover', onDragOver);
  document.addEventListener('drop', onDrop);
  return {
    pick: (kind) => (kind === 'files' ? files : folder).click(),
    dispose: () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
      files.remove();
      folder.remove();
    },
  };
}

/** What a download can be made of: text, bytes, or the parts of a file streamed in pieces (a pack zip). */
export type DownloadData = string | Uint8Array | readonly Uint8Array[];

/**
 * The one download helper: saves data as a file the user downloads (the only way anything leaves the page). Parts
 * become one Blob without being joined in memory first; the browser may keep a large Blob on disk.
 */
export function downloadFile(filename: string, data: DownloadData, mime = 'application/octet-stream'): void {
  const parts = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

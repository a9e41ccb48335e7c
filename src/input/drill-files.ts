import { itemsFromDataTransfer, itemsFromFileList } from './files.js';

/**
 * Result files into the drill report: a hidden file input (#drill-files, O) and drops while the report is open. The
 * drop listener runs in the capture phase on the window and stops the event there, so the case-pack drop target
 * (files.ts) never sees result files as a pack to import. Nothing is uploaded: the bytes stay in the page.
 */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function installDrillReportInputs(onFiles: (files: NamedBytes[]) => void, isOpen: () => boolean): { pick(): void; dispose(): void } {
  const read = async (items: { path: string; blob: Blob }[]): Promise<void> =>
    onFiles(await Promise.all(items.map(async (i) => ({ name: i.path, bytes: new Uint8Array(await i.blob.arrayBuffer()) }))));
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'drill-files';
  input.multiple = true;
  input.hidden = true;
  // Result files, and a drill module's drill.json with its LMS's export (Moodle's interactions report is .txt or .csv).
  input.accept = '.json,.zip,.txt,.csv,application/json,application/zip,text/plain,text/csv';
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) void read(itemsFromFileList(input.files));
    input.value = '';
  });
  document.body.appendChild(input);
  const onDragOver = (e: DragEvent): void => {
    if (!isOpen() || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent): void => {
    if (!isOpen() || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    void itemsFromDataTransfer(e.dataTransfer).then(read);
  };
  window.addEventListener('dragover', onDragOver, true);
  window.addEventListener('drop', onDrop, true);
  return {
    pick: () => input.click(),
    dispose: () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
      input.remove();
    },
  };
}

import type { DroppedItem } from '../authoring/index.js';
import { itemsFromFileList } from './files.js';

/**
 * A file dialog kept on the page (a hidden input with an id, like #pack-files), opened on demand; what is chosen
 * goes to `onItems`. One input per purpose, so the change is always handled whenever it comes (browsers differ in
 * whether, and when, they report a cancelled dialog).
 */
export interface FilePicker {
  open(): void;
  dispose(): void;
}

export function filePicker(id: string, o: { readonly accept?: string; readonly folder?: boolean; readonly multiple?: boolean }, onItems: (items: DroppedItem[]) => void): FilePicker {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = id;
  input.hidden = true;
  input.multiple = o.multiple ?? true;
  if (o.folder) input.webkitdirectory = true;
  else if (o.accept) input.accept = o.accept;
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) onItems(itemsFromFileList(input.files));
    input.value = '';
  });
  document.body.appendChild(input);
  return { open: () => input.click(), dispose: () => input.remove() };
}

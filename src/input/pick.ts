import type { DroppedItem } from '../authoring/index.js';
import { itemsFromFileList } from './files.js';

/**
 * A file dialog on demand (files, or a whole folder), resolving with what was chosen, or nothing when the dialog
 * is cancelled (browsers that fire 'cancel' resolve at once; others never resolve, which drops nothing).
 */
export function pickItems(o: { readonly accept?: string; readonly folder?: boolean; readonly multiple?: boolean } = {}): Promise<DroppedItem[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.multiple = o.multiple ?? true;
    if (o.folder) input.webkitdirectory = true;
    else if (o.accept) input.accept = o.accept;
    const done = (items: DroppedItem[]): void => {
      input.remove();
      resolve(items);
    };
    input.addEventListener('change', () => done(input.files ? itemsFromFileList(input.files) : []));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Everything run-forge.ts needs from the outside world, so tests run it in-process with a temp folder (or fakes).
 * The default uses node:fs and the process's streams.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { MAX_INPUT_BYTES } from '../authoring/index.js';
import { writeFileAtomic } from './write-png.js';

export interface ForgeIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
  /** Either the whole file appears under `path` or nothing changes there. */
  writeFileAtomic(path: string, bytes: Uint8Array): void;
  /** Whether `path` is an existing folder (for checking output folders before any work). */
  isDirectory(path: string): boolean;
  /** Removes a file this run wrote, when a later output fails (best effort). */
  removeFile(path: string): void;
}

export { MAX_INPUT_BYTES };

/** Reads only regular files of sane size: a FIFO or /dev/zero would otherwise hang or fill memory. */
function readRegularFile(path: string): Uint8Array {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error('not a regular file (a device, pipe or socket)'), { code: 'ENOTFILE' });
  if (st.size > MAX_INPUT_BYTES) {
    throw Object.assign(new Error(`the file is ${Math.round(st.size / 2 ** 20)} MB, over the ${MAX_INPUT_BYTES / 2 ** 20} MB limit`), { code: 'EFBIG' });
  }
  return readFileSync(path);
}

export function nodeIo(): ForgeIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readFile: readRegularFile,
    writeFileAtomic,
    isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
    removeFile: (path) => rmSync(path, { force: true }),
  };
}

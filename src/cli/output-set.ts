/**
 * The files one command writes, all or none: every path is checked before anything is written, each file is written
 * to a temporary file beside its target first, and only when all are written are they renamed into place (rename is
 * atomic within a file system). A failure removes what this run wrote, so the command's message can say "nothing was
 * written" truthfully and the same command can be run again.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describeThrown, inputError, usageError } from './errors.js';

export interface OutputFile {
  /** How the user named it, for messages: "--out", "--qr", "--bundle", "the new instructor key". */
  readonly what: string;
  readonly path: string;
  /** A file that must not exist yet (a session file is never overwritten); others are replaced. */
  readonly fresh?: boolean;
}

/** Throws a usage error naming the first path that cannot be written: folder missing, a folder in the way, a repeat. */
export function checkOutputs(files: readonly OutputFile[]): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    const full = resolve(f.path);
    const twice = seen.get(full);
    if (twice) throw usageError(`${f.what} and ${twice} name the same file (${f.path}). Give each its own name. Nothing was written.`);
    seen.set(full, f.what);
    const folder = statSync(dirname(full), { throwIfNoEntry: false });
    if (!folder?.isDirectory()) throw usageError(`${f.what} ${f.path}: the folder ${dirname(full)} does not exist. Create it or choose another path. Nothing was written.`);
    const there = statSync(full, { throwIfNoEntry: false });
    if (there?.isDirectory()) throw usageError(`${f.what} ${f.path} is a folder. Give a file name. Nothing was written.`);
    if (there && f.fresh) throw usageError(`${f.what} ${f.path} already exists. Choose a new name; it is never overwritten. Nothing was written.`);
  }
}

/** Writes every file or none (see above); throws an input error naming the file that failed. */
export function writeOutputs(files: readonly (OutputFile & { readonly bytes: Uint8Array })[]): void {
  checkOutputs(files);
  const staged: { tmp: string; path: string }[] = [];
  const placed: string[] = [];
  const undo = (): void => {
    for (const s of staged) rmSync(s.tmp, { force: true });
    for (const p of placed) rmSync(p, { force: true });
  };
  let current: OutputFile | null = null;
  try {
    for (const f of files) {
      current = f;
      const tmp = join(dirname(resolve(f.path)), `.${basename(f.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
      const fd = openSync(tmp, 'wx');
      staged.push({ tmp, path: f.path });
      try {
        let off = 0;
        while (off < f.bytes.length) off += writeSync(fd, f.bytes, off, f.bytes.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const [i, s] of staged.entries()) {
      current = files[i] ?? null;
      // A fresh file may have appeared since the check (another run): refuse rather than replace it.
      if (files[i]?.fresh && existsSync(s.path)) throw new Error('it appeared while this command ran');
      renameSync(s.tmp, s.path);
      placed.push(s.path);
    }
  } catch (e) {
    undo();
    throw inputError(`${current?.what ?? 'A file'} ${current?.path ?? ''} could not be written (${describeThrown(e)}). Nothing was written: the other files of this command were removed too. Fix that and run the command again.`);
  }
}

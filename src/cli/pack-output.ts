/**
 * The output side of `npm run pack`: the pack appears whole or not at all, and only one build writes it. A folder
 * pack is built in a hidden sibling folder and renamed into place; a zip pack is streamed into a hidden sibling file
 * (pack-format's streaming zip writer, so memory stays bounded) and linked into place, which fails rather than
 * overwrite (link(2) and rename(2) within one file system are atomic). A lock file beside --out (created with O_EXCL,
 * holding the builder's pid) refuses a second build to the same --out; partial outputs and locks left by a build that
 * was killed (its pid no longer runs) are removed when the next build starts.
 */
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, accessSync, constants, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PackSink } from '../authoring/index.js';
import { packZipWriter } from '../pack-format/index.js';
import { describeThrown, inputError, usageError } from './errors.js';

export interface AtomicPackSink extends PackSink {
  commit(): void;
  abort(): void;
}

const partialName = (out: string, pid: number): string => `.${basename(resolve(out))}.partial-${pid}`;
const lockPath = (out: string): string => join(dirname(resolve(out)), `.${basename(resolve(out))}.lock`);

/** Whether a process with this pid runs (signal 0 checks without sending anything; EPERM means it runs as another user). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** What the file system said, in words an instructor can act on. */
function cannotWrite(folder: string, e: unknown): Error {
  const code = (e as { code?: string }).code;
  if (code === 'EROFS') return usageError(`cannot write to ${folder}: read-only (the file system is mounted read-only). Choose an --out on a writable disk.`);
  if (code === 'EACCES' || code === 'EPERM') return usageError(`cannot write to ${folder}: permission denied. Choose an --out in a folder you may write to.`);
  if (code === 'ENOSPC') return inputError(`cannot write to ${folder}: the disk is full. Free some space and build again.`);
  return inputError(`cannot write to ${folder}: ${describeThrown(e)}. Check the folder and build again.`);
}

/**
 * Throws a usage error (exit 1) when the folder that should hold the pack does not exist, is not a folder or cannot
 * be written, so the build stops before any work instead of failing at the end.
 */
export function checkOutputParent(out: string): void {
  const parent = dirname(resolve(out));
  const st = statSync(parent, { throwIfNoEntry: false });
  if (!st) {
    throw usageError(`--out ${out}: the folder ${parent} does not exist. Create it first (mkdir -p ${parent}) or choose an --out in an existing folder.`);
  }
  if (!st.isDirectory()) throw usageError(`--out ${out}: ${parent} is not a folder. Choose an --out inside a folder.`);
  try {
    accessSync(parent, constants.W_OK);
  } catch (e) {
    throw cannotWrite(parent, e);
  }
}

/** Whether the pack already exists (it is never overwritten); first checks its parent folder (`checkOutputParent`). */
export function outputExists(out: string): boolean {
  checkOutputParent(out);
  return existsSync(resolve(out));
}

/** Removes partial outputs and a lock left beside `out` by builds that no longer run; returns what was removed. */
export function removeStalePartials(out: string): string[] {
  const dir = dirname(resolve(out));
  const prefix = `.${basename(resolve(out))}.partial-`;
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && !isRunning(pid)) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

/** Takes the lock on `out`, or throws a usage error naming the build that holds it. Returns the release function. */
export function lockOutput(out: string): () => void {
  const path = lockPath(out);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw cannotWrite(dirname(path), e);
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (isRunning(pid) && pid !== process.pid) {
        throw usageError(`--out ${out}: another pack build (process ${pid}) is writing it now. Wait for it to finish, or choose another --out.`);
      }
      rmSync(path, { force: true }); // left by a build that was killed
    }
  }
  throw usageError(`--out ${out}: could not take the lock ${path}. Remove it if no build is running, and build again.`);
}

function makeTemp(out: string, make: (tmp: string) => void): string {
  checkOutputParent(out);
  const tmp = join(dirname(resolve(out)), partialName(out, process.pid));
  rmSync(tmp, { recursive: true, force: true });
  try {
    make(tmp);
  } catch (e) {
    throw cannotWrite(dirname(tmp), e);
  }
  return tmp;
}

const refuseExisting = (out: string): Error => usageError(`--out ${out} appeared while the pack was being built; it was not overwritten. Choose a new name and build again.`);

export function folderSink(out: string): AtomicPackSink {
  const tmp = makeTemp(out, (t) => mkdirSync(t, { recursive: true }));
  return {
    write: async (path, bytes) => {
      const p = join(tmp, path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, bytes);
    },
    commit: () => {
      if (existsSync(resolve(out))) throw refuseExisting(out);
      renameSync(tmp, resolve(out));
    },
    abort: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

export function zipSink(out: string): AtomicPackSink {
  let fd = -1;
  const tmp = makeTemp(out, (t) => {
    fd = openSync(t, 'w');
  });
  let closed = false;
  const writer = packZipWriter((chunk) => {
    for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
  });
  const close = (): void => {
    if (!closed) {
      closed = true;
      closeSync(fd);
    }
  };
  return {
    write: async (path, bytes) => writer.add(path, bytes),
    commit: () => {
      writer.end();
      fsyncSync(fd);
      close();
      try {
        linkSync(tmp, resolve(out));
      } catch (e) {
        if ((e as { code?: string }).code === 'EEXIST') throw refuseExisting(out);
        throw cannotWrite(dirname(resolve(out)), e);
      } finally {
        rmSync(tmp, { force: true });
      }
    },
    abort: () => {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/**
 * The file-system side of `npm run pack`: finding input files, and writing the pack so that it appears whole or
 * not at all. A folder pack is built in a hidden sibling folder and renamed into place; a zip pack is streamed into
 * a hidden sibling file (fflate's streaming Zip, so memory stays bounded) and renamed. rename(2) within one file
 * system is atomic, so a crash or a failed audit leaves no half pack; the temporary output is removed.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { PackInputs, PackSink } from '../authoring/index.js';
import { MAX_INPUT_BYTES } from '../authoring/index.js';
import { usageError } from './errors.js';

/** Fixed timestamps keep the zip's bytes the same for the same pack. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

/** An entry found while walking the input folders and deliberately not read, with why. */
export interface SkippedInput {
  /** The entry's path as given on the command line joined with its place in the folder. */
  readonly path: string;
  readonly reason: string;
}

export interface CollectedInputs extends PackInputs {
  readonly problems: readonly string[];
  /** Symbolic links, hidden files and folders, and special files met inside the input folders: never read. */
  readonly skipped: readonly SkippedInput[];
}

const SKIP_LINK = 'a symbolic link: not followed, so a pack holds only files inside the folders you named (copy the file in if you want it)';
const SKIP_HIDDEN = 'hidden (its name starts with a dot): rename it if it should be in the pack';
const SKIP_SPECIAL = 'not a regular file (a device, pipe or socket)';

/** Lines for the terminal listing what was skipped (empty when nothing was), e.g. for stderr before the build. */
export function formatSkippedInputs(skipped: readonly SkippedInput[], max = 20): string[] {
  if (skipped.length === 0) return [];
  const lines = [`Skipped ${skipped.length} item(s) in the input folders:`];
  for (const s of skipped.slice(0, max)) lines.push(`  ${s.path}: ${s.reason}`);
  if (skipped.length > max) lines.push(`  ...and ${skipped.length - max} more.`);
  return lines;
}

/**
 * Folders are walked recursively; each file's path is taken relative to the folder's parent, so the folder's own
 * name ('real', 'synthetic') can label it. Symbolic links, hidden entries and special files inside a folder are
 * skipped and listed in `skipped` (a link given by name on the command line is followed: that was asked for).
 */
export function collectInputs(inputs: readonly string[]): CollectedInputs {
  const abs = new Map<string, string>();
  const problems: string[] = [];
  const skipped: SkippedInput[] = [];
  // Two inputs giving the same path (two folders both named 'dept') are refused, not renamed: a renamed path would
  // escape a labels-CSV row that names the file, and the report could not tell the two files apart.
  const owner = new Map<string, string>();
  const clashes = new Set<string>();
  const add = (rel: string, file: string, input: string): void => {
    const key = rel.split('\\').join('/');
    const first = owner.get(key);
    if (first === undefined) {
      owner.set(key, input);
      abs.set(key, file);
      return;
    }
    if (clashes.has(`${first}\0${input}`)) return;
    clashes.add(`${first}\0${input}`);
    problems.push(
      resolve(first) === resolve(input)
        ? `${input}: given twice. Name each folder or file once.`
        : `${first} and ${input} both give the path ${key}, so their files would be confused (in the report and the labels CSV). ` +
          'Pass the folder that holds both instead, or rename one.',
    );
  };
  const walk = (dir: string, root: string, shown: string, input: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      const at = join(shown, e.name);
      if (e.isSymbolicLink()) skipped.push({ path: at, reason: SKIP_LINK });
      else if (e.name.startsWith('.')) skipped.push({ path: e.isDirectory() ? `${at}/` : at, reason: SKIP_HIDDEN });
      else if (e.isDirectory()) walk(p, root, at, input);
      else if (e.isFile()) add(relative(root, p), p, input);
      else skipped.push({ path: at, reason: SKIP_SPECIAL });
    }
  };
  for (const input of inputs) {
    const p = resolve(input);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) problems.push(`${input}: no such file or folder`);
    else if (st.isDirectory()) walk(p, dirname(p), input, input);
    else if (st.isFile()) add(join(basename(dirname(p)), basename(p)), p, input);
    else problems.push(`${input}: not a file or folder (a device, pipe or socket)`);
  }
  const paths = [...abs.keys()].sort();
  return {
    paths,
    problems,
    skipped,
    read: async (path) => {
      const file = abs.get(path);
      if (!file) throw new Error(`not an input: ${path}`);
      const st = lstatSync(file);
      if (st.size > MAX_INPUT_BYTES) {
        throw Object.assign(new Error(`${Math.round(st.size / 2 ** 20)} MB is over the ${MAX_INPUT_BYTES / 2 ** 20} MB limit for one image`), { code: 'EFBIG' });
      }
      return readFileSync(file);
    },
  };
}

export interface AtomicPackSink extends PackSink {
  commit(): void;
  abort(): void;
}

const tempBeside = (out: string): string => join(dirname(resolve(out)), `.${basename(out)}.partial-${process.pid}`);

export function folderSink(out: string): AtomicPackSink {
  checkOutputParent(out);
  const tmp = tempBeside(out);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return {
    write: async (path, bytes) => {
      const p = join(tmp, path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, bytes);
    },
    commit: () => renameSync(tmp, resolve(out)),
    abort: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

export function zipSink(out: string): AtomicPackSink {
  checkOutputParent(out);
  const tmp = tempBeside(out);
  const fd = openSync(tmp, 'w');
  let failure: Error | null = null;
  let closed = false;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else writeSync(fd, chunk);
  });
  const close = (): void => {
    if (!closed) {
      closed = true;
      closeSync(fd);
    }
  };
  return {
    write: async (path, bytes) => {
      // PNGs are already deflated: store them; deflate the JSON.
      const entry = path.endsWith('.png') ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
      entry.mtime = ZIP_MTIME;
      zip.add(entry);
      entry.push(bytes, true);
      if (failure) throw failure;
    },
    commit: () => {
      zip.end();
      if (failure) throw failure;
      fsyncSync(fd);
      close();
      renameSync(tmp, resolve(out));
    },
    abort: () => {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/**
 * Throws a usage error (exit 1) when the folder that should hold the pack does not exist or is not a folder, so
 * the build stops before any work instead of failing at the end with ENOENT.
 */
export function checkOutputParent(out: string): void {
  const parent = dirname(resolve(out));
  const st = statSync(parent, { throwIfNoEntry: false });
  if (!st) {
    throw usageError(`--out ${out}: the folder ${parent} does not exist. Create it first (mkdir -p ${parent}) or choose an --out in an existing folder.`);
  }
  if (!st.isDirectory()) throw usageError(`--out ${out}: ${parent} is not a folder. Choose an --out inside a folder.`);
}

/** Whether the pack already exists (it is never overwritten); first checks its parent folder (`checkOutputParent`). */
export function outputExists(out: string): boolean {
  checkOutputParent(out);
  return existsSync(resolve(out));
}

/**
 * The input side of `npm run pack`: finding the files in the folders named on the command line (pack-output.ts
 * writes the pack). Only regular files inside the named folders are read; links and hidden entries are listed.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { PackInputs } from '../authoring/index.js';
import { MAX_INPUT_BYTES } from '../authoring/index.js';
import { countOf } from '../domain/index.js';

/** The path prefix an input's files get (relative to the input's parent): 'dept-chest-2026/' or 'dept/x.png'. */
export function inputPrefix(input: string): string {
  const p = resolve(input);
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ? `${basename(p)}/` : `${basename(dirname(p))}/${basename(p)}`;
}

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
  const lines = [`Skipped ${countOf(skipped.length, 'item')} in the input folders:`];
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

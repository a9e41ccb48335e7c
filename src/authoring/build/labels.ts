/**
 * Where each input's label comes from, most specific first: a row of the instructor's labels CSV (labels-csv.ts),
 * else a folder name on its path ('real/', 'synthetic/'), else the label the instructor gave the input it came from
 * (`--real <folder>`, `--synthetic <folder>`, or the browser's choice per dropped folder). A folder name that says
 * the opposite of the input's label is a conflict, not a guess.
 */
import { generatorIn } from '../ingest/raster/provenance-text.js';
import { normalisePath, parseLabelWord, type InputLabel, type LabelRow, type LabelTable } from './labels-csv.js';
import { countOf } from '../../domain/index.js';

export { normalisePath };

export type { InputLabel, LabelRow, LabelTable };

/** A label given to a whole input (a folder or file on the command line, a dropped folder): its paths' prefix. */
export interface InputRootLabel {
  /** 'dept-chest-2026/' for a folder, or a file's own path. */
  readonly prefix: string;
  readonly label: InputLabel;
}


/**
 * The keys a CSV row may use for an input path, most specific first: the path as the input is keyed (relative to the
 * input folder's parent, 'dept/a/x.png'), the path inside the input folder ('a/x.png'), and the base name ('x.png').
 */
export function labelKeysFor(path: string): string[] {
  const p = normalisePath(path);
  const parts = p.split('/');
  const keys = [p];
  if (parts.length > 2) keys.push(parts.slice(1).join('/'));
  keys.push(parts[parts.length - 1] as string);
  return [...new Set(keys)];
}

/** How the rows of a label table meet a set of input paths. */
export interface LabelMatches {
  /** For each input path the CSV row it takes (by its most specific key), or the files that row also matches. */
  readonly byPath: ReadonlyMap<string, { readonly key: string; readonly row: LabelRow; readonly files: readonly string[] }>;
  /** CSV keys (as written, normalised) that match no input file, in CSV order. */
  readonly unmatched: readonly string[];
}

const matchCache = new WeakMap<LabelTable, WeakMap<readonly string[], LabelMatches>>();

/** Matches every CSV row against every input path once (cached per table and path list). */
export function matchLabels(table: LabelTable, paths: readonly string[]): LabelMatches {
  const cached = matchCache.get(table)?.get(paths);
  if (cached) return cached;
  const filesByKey = new Map<string, string[]>();
  const keysByPath = new Map<string, string[]>();
  for (const path of paths) {
    const keys = labelKeysFor(path).filter((k) => table.has(k));
    keysByPath.set(path, keys);
    for (const k of keys) {
      const files = filesByKey.get(k);
      if (files) files.push(path);
      else filesByKey.set(k, [path]);
    }
  }
  const byPath = new Map<string, { key: string; row: LabelRow; files: string[] }>();
  for (const [path, keys] of keysByPath) {
    const key = keys[0];
    if (key !== undefined) byPath.set(path, { key, row: table.get(key) as LabelRow, files: filesByKey.get(key) ?? [path] });
  }
  const result: LabelMatches = { byPath, unmatched: [...table.keys()].filter((k) => !filesByKey.has(k)) };
  const perTable = matchCache.get(table) ?? new WeakMap<readonly string[], LabelMatches>();
  perTable.set(paths, result);
  matchCache.set(table, perTable);
  return result;
}

const listed = (items: readonly string[], max: number): string =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');

/**
 * Why a file cannot take its CSV row: the row names it by a key (usually the base name) that other input files share,
 * so labelling them all would guess. Null when the row is unambiguous or there is none.
 */
export function ambiguousLabel(path: string, table: LabelTable | null, paths: readonly string[]): string | null {
  if (!table) return null;
  const m = matchLabels(table, paths).byPath.get(path);
  if (!m || m.files.length < 2) return null;
  return `${m.key} in the labels CSV matches ${m.files.length} input files (${listed(m.files, 5)}); write the path instead (e.g. ${path}), one row per file.`;
}

/** The CSV rows that label no input file (a typo, a renamed file, a file not passed in). */
export function unmatchedLabelRows(table: LabelTable | null, paths: readonly string[]): readonly string[] {
  return table ? matchLabels(table, paths).unmatched : [];
}

/** A build-report warning for unmatched CSV rows, or null when every row labels a file. */
export function unmatchedLabelsWarning(table: LabelTable | null, paths: readonly string[], csvName = 'labels.csv'): string | null {
  const rows = unmatchedLabelRows(table, paths);
  if (rows.length === 0) return null;
  return (
    `${csvName}: ${countOf(rows.length, 'row')} ${rows.length === 1 ? 'matches' : 'match'} no input file: ${listed(rows, 10)}. Check the spelling; a row may give the path ` +
    `inside the input folder (a/x.png), the same with the folder's name (dept/a/x.png), or the base name (x.png).`
  );
}

/**
 * A build-report warning naming the synthetic/<folder>/ folders whose name is no generator this version knows (their
 * files without a CSV row are shown as made by 'an unnamed generator'), or null. The report stays beside the pack,
 * so it may name the folder; the pack may not.
 */
export function unnamedGeneratorWarning(table: LabelTable | null, paths: readonly string[], csvName = 'labels.csv'): string | null {
  const byPath = table ? matchLabels(table, paths).byPath : new Map<string, unknown>();
  const folders = [...new Set(paths.filter((p) => !byPath.has(p)).flatMap((p) => folderLabelFor(p)?.unnamedFolder ?? []))];
  if (folders.length === 0) return null;
  return (
    `${countOf(folders.length, 'folder')} under synthetic/ ${folders.length === 1 ? 'is' : 'are'} not named after a generator this version knows, so their images are shown as made by ` +
    `"an unnamed generator" (a folder name is never put in the pack: it may name a patient): ${listed(folders, 10)}. To name the generator, ` +
    `give it in ${csvName}'s generator column (file,label,generator).`
  );
}

/** The build report's warnings about the labels: unmatched CSV rows, generator folders with unknown names. */
export function labelWarnings(table: LabelTable | null, paths: readonly string[], csvName = 'labels.csv'): string[] {
  return [unmatchedLabelsWarning(table, paths, csvName), unnamedGeneratorWarning(table, paths, csvName)].filter((w): w is string => w !== null);
}

/** The label the instructor gave the input this path came from (the longest matching prefix), or null. */
export function rootLabelFor(path: string, roots: readonly InputRootLabel[] = []): InputLabel | null {
  const p = normalisePath(path);
  let best: InputRootLabel | null = null;
  for (const r of roots) {
    const prefix = normalisePath(r.prefix);
    if ((p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && (!best || prefix.length > best.prefix.length)) best = r;
  }
  return best?.label ?? null;
}

/**
 * synthetic/<generator>/file.png names the generator by its folder, but only by a name the metadata scans know
 * (provenance-text.ts: 'roentgen-v2' gives RoentGen): the folder's own text went into the manifest's truth, the
 * review and the exports, and a folder can be named after a patient (synthetic/SMITH_JOHN_ACC20260311/).
 */
function folderLabelFor(path: string): { label: InputLabel; folderGenerator?: string; unnamedFolder?: string } | null {
  const parts = normalisePath(path).split('/').slice(0, -1);
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = parseLabelWord(parts[i] as string);
    if (label) {
      const sub = label === 'synthetic' ? parts[i + 1] : undefined;
      if (!sub) return { label };
      const known = generatorIn(sub);
      return { label, ...(known ? { folderGenerator: known } : { unnamedFolder: `${parts.slice(0, i + 2).join('/')}/` }) };
    }
  }
  return null;
}

/**
 * Why a file's folder name and its input's label disagree (a 'synthetic/' folder inside an input given as --real),
 * or null. A CSV row for the file settles it, so this is asked only for files without one.
 */
export function rootLabelConflict(path: string, table: LabelTable | null, paths: readonly string[], roots: readonly InputRootLabel[] = []): string | null {
  if (table && matchLabels(table, paths).byPath.has(path)) return null;
  const folder = folderLabelFor(path);
  const root = rootLabelFor(path, roots);
  if (!folder || !root || folder.label === root) return null;
  return `its folder name says ${folder.label} but its input was given as ${root} (--${root}); move the file, or label it in the labels CSV.`;
}

/**
 * The CSV row for a file (by its path, its path inside the input folder, then its base name; see `labelKeysFor`),
 * else a label from the nearest labelled folder, else its input's label (`roots`). `paths` is every input path of
 * the build: a row that matches several of them labels none (null here; `ambiguousLabel` says why). Without `paths`
 * the file is taken alone.
 */
export function labelFor(
  path: string, table: LabelTable | null, paths: readonly string[] = [path], roots: readonly InputRootLabel[] = [],
): { row: LabelRow; from: 'csv' | 'folder' | 'input'; folderGenerator?: string } | null {
  if (table) {
    const m = matchLabels(table, paths).byPath.get(path) ?? matchLabels(table, [path]).byPath.get(path);
    if (m) return m.files.length > 1 ? null : { row: m.row, from: 'csv' };
  }
  const folder = folderLabelFor(path);
  if (folder) return { row: { label: folder.label }, from: 'folder', ...(folder.folderGenerator ? { folderGenerator: folder.folderGenerator } : {}) };
  const root = rootLabelFor(path, roots);
  return root ? { row: { label: root }, from: 'input' } : null;
}

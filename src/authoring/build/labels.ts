/**
 * Where each input's label comes from: a row of the instructor's CSV (file, label, generator, explanation, and
 * optionally attribution, licence, body_part, view), or else a folder name on its path ('real/', 'synthetic/').
 * CSV per RFC 4180 (quoted fields, doubled quotes, CRLF or LF).
 */
export type InputLabel = 'real' | 'synthetic';

export interface LabelRow {
  readonly label: InputLabel;
  readonly generator?: string;
  readonly explanation?: string;
  readonly attribution?: string;
  readonly licence?: string;
  readonly bodyPart?: string;
  readonly view?: string;
}

/** Keyed by the `file` column as written (normalised by `normalisePath`); `labelKeysFor` says which keys match a file. */
export type LabelTable = ReadonlyMap<string, LabelRow>;

const REAL_WORDS = new Set(['real', 'authentic', 'genuine']);
const SYNTHETIC_WORDS = new Set(['synthetic', 'fake', 'ai', 'generated', 'ai-generated']);
const MAX_FIELD = 2000;

export function parseLabelWord(word: string): InputLabel | null {
  const w = word.trim().toLowerCase();
  if (REAL_WORDS.has(w)) return 'real';
  if (SYNTHETIC_WORDS.has(w)) return 'synthetic';
  return null;
}

/** Splits CSV text into rows of fields (RFC 4180). Throws with the line number on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) throw new Error(`the labels CSV has a quote opened near line ${line} that is never closed`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const clean = (s: string | undefined): string | undefined => {
  // Control characters never reach the manifest: text is shown as text.
  const t = s?.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  return t ? t.slice(0, MAX_FIELD) : undefined;
};

/**
 * Parses the labels CSV. Needs a header row naming at least `file` and `label`. Every problem is collected and
 * thrown at once, with line numbers, so one edit fixes them all.
 */
export function parseLabelsCsv(text: string): LabelTable {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const col = (name: string): number => header.indexOf(name);
  if (col('file') < 0 || col('label') < 0) {
    throw new Error("the labels CSV needs a header row with at least the columns 'file' and 'label' (optional: generator, explanation, attribution, licence, body_part, view)");
  }
  const out = new Map<string, LabelRow>();
  const problems: string[] = [];
  rows.slice(1).forEach((r, i) => {
    const at = (name: string): string | undefined => (col(name) >= 0 ? clean(r[col(name)]) : undefined);
    const file = at('file');
    const word = at('label') ?? '';
    const label = parseLabelWord(word);
    if (!file) problems.push(`row ${i + 2}: the 'file' column is empty`);
    else if (!label) problems.push(`row ${i + 2} (${file}): label '${word}' is not one of real, authentic, synthetic, fake, ai`);
    else {
      const licence = at('licence') ?? at('license');
      const entry: LabelRow = {
        label,
        ...opt('generator', at('generator')),
        ...opt('explanation', at('explanation')),
        ...opt('attribution', at('attribution')),
        ...opt('licence', licence),
        ...opt('bodyPart', at('body_part')?.toUpperCase()),
        ...opt('view', at('view')?.toUpperCase()),
      };
      const key = normalisePath(file);
      if (out.has(key)) problems.push(`row ${i + 2}: '${file}' is listed twice`);
      out.set(key, entry);
    }
  });
  if (problems.length > 0) throw new Error(`the labels CSV has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return out;
}

const opt = <K extends string>(k: K, v: string | undefined): { [P in K]?: string } =>
  (v === undefined ? {} : { [k]: v }) as { [P in K]?: string };

export const normalisePath = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');

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
    `${csvName}: ${rows.length} row(s) match no input file: ${listed(rows, 10)}. Check the spelling; a row may give the path ` +
    `inside the input folder (a/x.png), the same with the folder's name (dept/a/x.png), or the base name (x.png).`
  );
}

/** The build report's warnings about the labels CSV: none, or the one from `unmatchedLabelsWarning`. */
export function labelWarnings(table: LabelTable | null, paths: readonly string[], csvName = 'labels.csv'): string[] {
  const w = unmatchedLabelsWarning(table, paths, csvName);
  return w === null ? [] : [w];
}

/**
 * The CSV row for a file (by its path, its path inside the input folder, then its base name; see `labelKeysFor`),
 * else a label from the nearest labelled folder. `paths` is every input path of the build: a row that matches
 * several of them labels none (null here; `ambiguousLabel` says why). Without `paths` the file is taken alone.
 */
export function labelFor(
  path: string, table: LabelTable | null, paths: readonly string[] = [path],
): { row: LabelRow; from: 'csv' | 'folder'; folderGenerator?: string } | null {
  const p = normalisePath(path);
  if (table) {
    const m = matchLabels(table, paths).byPath.get(path) ?? matchLabels(table, [path]).byPath.get(path);
    if (m) return m.files.length > 1 ? null : { row: m.row, from: 'csv' };
  }
  const parts = p.split('/').slice(0, -1);
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = parseLabelWord(parts[i] as string);
    if (label) {
      // synthetic/<generator>/file.png names the generator by its folder.
      const sub = label === 'synthetic' ? parts[i + 1] : undefined;
      return { row: { label }, from: 'folder', ...(sub ? { folderGenerator: sub } : {}) };
    }
  }
  return null;
}

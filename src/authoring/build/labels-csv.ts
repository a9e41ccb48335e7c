/**
 * The labels CSV: columns file,label[,generator,explanation,attribution,licence,body_part,view] with a header row,
 * RFC 4180 (quoted fields, doubled quotes, CRLF or LF). Spreadsheets save it as UTF-8 (with or without a BOM) or,
 * as Excel's "Unicode text", UTF-16: all are read. The file and each field are bounded, so a 150 MB field is a
 * message, not a process killed by the heap limit.
 */
export type InputLabel = 'real' | 'synthetic';
import { countOf } from '../../domain/index.js';

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

/** A CSV for 10,000 files with 2,000-character explanations is 20 MB; more is not a labels file. */
export const MAX_LABELS_BYTES = 32 * 1024 ** 2;
/** Longest field read; longer ones are cut here while parsing and reported. */
export const MAX_CSV_FIELD = 10_000;

/**
 * Decodes a labels file: a BOM says UTF-8, UTF-16LE or UTF-16BE; without one, NUL bytes in every other position
 * mean UTF-16 (ASCII text saved by Excel as "Unicode text"), else UTF-8.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_LABELS_BYTES) {
    throw new Error(`the labels CSV is ${Math.round(bytes.length / 2 ** 20)} MB, over the ${MAX_LABELS_BYTES / 2 ** 20} MB a labels file can need; check that this is the right file`);
  }
  const b0 = bytes[0], b1 = bytes[1];
  let encoding = 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) encoding = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) encoding = 'utf-16be';
  else if (bytes.length >= 4 && b1 === 0 && bytes[3] === 0 && b0 !== 0) encoding = 'utf-16le';
  else if (bytes.length >= 4 && b0 === 0 && bytes[2] === 0 && b1 !== 0) encoding = 'utf-16be';
  return new TextDecoder(encoding).decode(bytes);
}

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
  let tooLong = 0;
  const add = (ch: string): void => {
    if (field.length < MAX_CSV_FIELD) field += ch;
    else if (tooLong === 0) tooLong = line;
  };
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        add('"');
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        add(ch);
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
    } else add(ch);
  }
  if (quoted) throw new Error(`the labels CSV has a quote opened near line ${line} that is never closed`);
  if (tooLong > 0) throw new Error(`the labels CSV has a field longer than ${MAX_CSV_FIELD} characters near line ${tooLong}; a label, generator or explanation is far shorter. Check the file (an unclosed quote can swallow the rest of it)`);
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
  if (problems.length > 0) throw new Error(`the labels CSV has ${countOf(problems.length, 'problem')}:\n${problems.join('\n')}`);
  return out;
}

const opt = <K extends string>(k: K, v: string | undefined): { [P in K]?: string } =>
  (v === undefined ? {} : { [k]: v }) as { [P in K]?: string };


export const normalisePath = (p: string): string => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');

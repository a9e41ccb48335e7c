import { validateReaderStudy, type ReaderStudy, type StudyCase, type Truth } from './reader-study.js';
import { countOf } from '../count-words.js';

/**
 * LABMRMC ".lrc" files (University of Iowa MRMC software), read and written as RJafroc's
 * DfReadDataFile(format = "MRMC") reads them (ReadLrc in R/DfReadIowaFormats.R). The layout line by line, case ids and
 * "S" treatments: domain/README.md, Decisions.
 */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DIRECTIONS: Readonly<Record<string, 'L' | 'S'>> = { L: 'L', LARGE: 'L', S: 'S', SMALL: 'S' };

function fail(line: number, message: string): never {
  throw new Error(`parseLrc: line ${line}: ${message}`);
}

function parseTreatments(text: string, line: number): string[] {
  if (!text.includes('"')) {
    const ids = text.trim().split(/\s+/).filter((s) => s !== '');
    if (ids.length === 0) fail(line, 'expected the treatment ids, e.g. "0"<TAB>"1"; the line is empty');
    return ids;
  }
  const ids: string[] = [];
  const rest = text.replace(/"([^"]*)"/g, (_m, id: string) => {
    ids.push(id);
    return ' ';
  });
  if (rest.trim() !== '') fail(line, `unexpected text ${JSON.stringify(rest.trim())} between the quoted treatment ids`);
  if (ids.some((id) => id.trim() === '')) fail(line, 'a treatment id is empty ("")');
  return ids;
}

interface ReaderBlock {
  readonly id: string;
  readonly line: number;
  /** [case index in the block][treatment] */
  readonly negatives: { readonly ratings: number[]; readonly caseId: string | null; readonly line: number }[];
  readonly positives: { readonly ratings: number[]; readonly caseId: string | null; readonly line: number }[];
}

/** Parse the text of a .lrc file. Throws an Error naming the line and what is wrong. */
export function parseLrc(text: string): ReaderStudy {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('parseLrc: the file is empty');
  const lines = text.split(/\r\n|\r|\n/);
  const raw = (n: number): string | undefined => lines[n - 1];
  if (lines.length < 5) fail(lines.length, 'the file ends before any case (expected title, reader id, treatment ids, L/S line)');
  const title = (raw(1) as string).trim();
  const treatments = parseTreatments(raw(3) as string, 3);
  if (new Set(treatments).size !== treatments.length) fail(3, 'a treatment id appears twice');
  const I = treatments.length;
  const dirTokens = (raw(4) as string).trim().split(/\s+/).filter((s) => s !== '');
  if (dirTokens.length !== I) fail(4, `expected ${I} L/S entries (one per treatment on line 3), found ${dirTokens.length}`);
  const directions = dirTokens.map((d) => DIRECTIONS[d.toUpperCase()] ?? fail(4, `"${d}" is not L, LARGE, S or SMALL`));

  const blocks: ReaderBlock[] = [];
  let withIds: boolean | null = null;
  const nextNonBlank = (from: number): number => {
    let k = from;
    while (k <= lines.length && (raw(k) as string).trim() === '') k++;
    return k;
  };
  const readerId = (k: number): string => {
    const id = (raw(k) as string).trim();
    if (id === '') fail(k, 'the reader id is empty');
    if (id === '*') fail(k, 'expected a reader id, found "*"');
    if (blocks.some((b) => b.id === id)) fail(k, `reader id "${id}" appears twice (first on line ${blocks.find((b) => b.id === id)?.line})`);
    return id;
  };
  let block: ReaderBlock = { id: readerId(2), line: 2, negatives: [], positives: [] };
  let n = nextNonBlank(5);
  let section: 'negatives' | 'positives' = 'negatives';
  for (;;) {
    if (n > lines.length) {
      const where = section === 'negatives' ? 'cases without disease' : 'cases with disease';
      fail(lines.length, `the file ends inside reader "${block.id}"'s ${where}; expected a line "*"`);
    }
    const line = (raw(n) as string).trim();
    if (line === '#') {
      const which = section === 'negatives' ? 'cases without' : 'cases with';
      fail(n, `"#" inside reader "${block.id}"'s cases; expected "*" to close the ${which} disease first`);
    }
    if (line === '*') {
      if (section === 'negatives') {
        section = 'positives';
        n = nextNonBlank(n + 1);
        continue;
      }
      blocks.push(block);
      n = nextNonBlank(n + 1);
      if (n > lines.length) fail(lines.length, 'the file ends without the closing "#"');
      if ((raw(n) as string).trim() === '#') {
        const after = nextNonBlank(n + 1);
        if (after <= lines.length) fail(after, 'text after the closing "#"');
        break;
      }
      block = { id: readerId(n), line: n, negatives: [], positives: [] };
      section = 'negatives';
      n = nextNonBlank(n + 1);
      continue;
    }
    const tokens = line.split(/\s+/);
    if (tokens.length !== I && tokens.length !== I + 1) {
      fail(n, `expected ${I} rating${I > 1 ? 's' : ''} (one per treatment) and an optional case id, found ${tokens.length} fields`);
    }
    const hasId = tokens.length === I + 1;
    if (withIds === null) withIds = hasId;
    else if (withIds !== hasId) fail(n, withIds ? 'the case id is missing (earlier lines have one)' : 'a case id appears but earlier lines have none');
    const ratings = tokens.slice(0, I).map((t, i) => {
      if (!NUMBER.test(t)) fail(n, `rating "${t}" for treatment "${treatments[i]}" is not a number`);
      return Number(t);
    });
    block[section].push({ ratings, caseId: hasId ? (tokens[I] as string) : null, line: n });
    n = nextNonBlank(n + 1);
  }
  return assemble(title, treatments, directions, blocks);
}

/** Match every reader's cases to the first reader's and build ratings[t][r][c]. */
function assemble(title: string, treatments: string[], directions: ('L' | 'S')[], blocks: ReaderBlock[]): ReaderStudy {
  const first = blocks[0] as ReaderBlock;
  const cases: StudyCase[] = [];
  const index = new Map<string, number>();
  const add = (rows: ReaderBlock['negatives'], truth: Truth): void =>
    rows.forEach((row) => {
      const id = row.caseId ?? String(cases.length + 1);
      if (index.has(id)) fail(row.line, `case id "${id}" appears twice for reader "${first.id}"`);
      index.set(id, cases.length);
      cases.push({ id, truth });
    });
  add(first.negatives, 0);
  add(first.positives, 1);
  const ratings = treatments.map(() => blocks.map(() => new Array<number>(cases.length).fill(NaN)));
  blocks.forEach((b, j) => {
    for (const [rows, truth, name] of [
      [b.negatives, 0, 'without'],
      [b.positives, 1, 'with'],
    ] as const) {
      const expected = cases.filter((c) => c.truth === truth).length;
      if (rows.length !== expected) {
        fail(b.line, `reader "${b.id}" has ${countOf(rows.length, 'case')} ${name} disease, reader "${first.id}" has ${expected}`);
      }
      const seen = new Set<string>();
      rows.forEach((row, p) => {
        let k: number;
        if (row.caseId === null) {
          k = truth === 0 ? p : first.negatives.length + p;
        } else {
          const found = index.get(row.caseId);
          if (found === undefined) fail(row.line, `case id "${row.caseId}" is not among reader "${first.id}"'s cases`);
          if ((cases[found] as StudyCase).truth !== truth) {
            fail(row.line, `case "${row.caseId}" is listed ${name} disease here but not for reader "${first.id}"`);
          }
          if (seen.has(row.caseId)) fail(row.line, `case id "${row.caseId}" appears twice for reader "${b.id}"`);
          seen.add(row.caseId);
          k = found;
        }
        row.ratings.forEach((v, i) => {
          ((ratings[i] as number[][])[j] as number[])[k] = v;
        });
      });
    }
  });
  flipSmall(ratings, directions);
  return validateReaderStudy({ title, treatments, readers: blocks.map((b) => b.id), cases, ratings }, 'parseLrc');
}

/** RJafroc's ReadLrc: an "S" treatment's ratings become max + 1 − rating, max over the whole file. */
function flipSmall(ratings: number[][][], directions: readonly ('L' | 'S')[]): void {
  if (!directions.includes('S')) return;
  let max = -Infinity;
  for (const t of ratings) for (const r of t) for (const v of r) max = Math.max(max, v);
  directions.forEach((d, i) => {
    if (d !== 'S') return;
    for (const r of ratings[i] as number[][]) r.forEach((v, k) => (r[k] = max + 1 - v));
  });
}

function checkWritable(study: ReaderStudy): void {
  const fn = 'formatLrc';
  if (/[\r\n]/.test(study.title)) throw new Error(`${fn}: the title must be one line`);
  for (const t of study.treatments) {
    if (/["\r\n]/.test(t)) throw new Error(`${fn}: treatment id ${JSON.stringify(t)} holds a quote or a line break`);
  }
  for (const r of study.readers) {
    if (r !== r.trim() || /[\r\n]/.test(r) || r === '*' || r === '#') {
      throw new Error(`${fn}: reader id ${JSON.stringify(r)} cannot stand on its own line (spaces at an end, line break, "*" or "#")`);
    }
  }
  for (const c of study.cases) {
    if (/\s/.test(c.id)) throw new Error(`${fn}: case id ${JSON.stringify(c.id)} holds white space`);
  }
}

/**
 * Write a study as .lrc text (LF line ends, every treatment "L", case ids in the third column). Cases without
 * disease are written first, then those with disease, each in the study's order; so parseLrc(formatLrc(s)) equals s
 * when s already lists its negative cases first.
 */
export function formatLrc(study: ReaderStudy): string {
  validateReaderStudy(study, 'formatLrc');
  checkWritable(study);
  const out = [study.title, study.readers[0] as string];
  out.push(study.treatments.map((t) => `"${t}"\t`).join(''), study.treatments.map(() => 'L\t').join(''));
  study.readers.forEach((reader, j) => {
    if (j > 0) out.push(reader);
    for (const truth of [0, 1] as const) {
      study.cases.forEach((c, k) => {
        if (c.truth !== truth) return;
        out.push([...study.ratings.map((t) => String((t[j] as number[])[k])), c.id].join('\t'));
      });
      out.push('*');
    }
  });
  out.push('#');
  return `${out.join('\n')}\n`;
}

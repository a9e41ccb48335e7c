import { validateReaderStudy, type ReaderStudy, type StudyCase, type Truth } from './reader-study.js';

/**
 * The iMRMC input format (FDA/CDRH DIDSR iMRMC, github.com/DIDSR/iMRMC; read by its mrmc.core.InputFile and by
 * RJafroc's ReadImrmc): the first line is the study's title; header lines up to one beginning "BEGIN DATA:" may
 * state "NR: readers", "N0: cases without signal", "N1: cases with signal", "NM: modalities"; then one observation
 * per line, `readerID,caseID,modalityID,score`. A truth line has reader -1 (or "truth"), any modality (we write 0)
 * and score 0 or 1. iMRMC drops white space inside fields and a trailing comma or two; so does this reader.
 *
 * iMRMC also takes studies that are not fully crossed; ReaderStudy and the OR analysis here need every reader to
 * score every case in every modality, so a missing score is refused. RJafroc's ReadImrmc further wants numeric case
 * ids; for RJafroc prefer the .lrc file (lrc.ts).
 */

const TRUTH_READERS = new Set(['-1', 'truth']);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEADER_KEYS = ['NR', 'N0', 'N1', 'NM'] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
const HEADER_LINE = /^\s*(NR|N0|N1|NM)\s*:(.*)$/i;

function checkWritable(study: ReaderStudy): void {
  const fn = 'formatImrmc';
  const bad = (what: string, id: string): never => {
    throw new Error(`${fn}: ${what} id ${JSON.stringify(id)} holds a comma or white space, which iMRMC cannot keep`);
  };
  for (const t of study.treatments) if (/[,\s]/.test(t)) bad('treatment', t);
  for (const c of study.cases) if (/[,\s]/.test(c.id)) bad('case', c.id);
  for (const r of study.readers) {
    if (/[,\s]/.test(r)) bad('reader', r);
    if (TRUTH_READERS.has(r)) throw new Error(`${fn}: reader id "${r}" is the id iMRMC reserves for truth lines`);
  }
  if (/[\r\n]/.test(study.title)) throw new Error(`${fn}: the title must be one line`);
  if (/^\s*(?:BEGIN DATA:|N[R01M]:)/i.test(study.title)) {
    throw new Error(`${fn}: a title starting "${study.title.slice(0, 11)}" would be read as a header line`);
  }
}

/** Write a study as an iMRMC input file: title, NR/N0/N1/NM, BEGIN DATA:, truth lines, then the scores. */
export function formatImrmc(study: ReaderStudy): string {
  validateReaderStudy(study, 'formatImrmc');
  checkWritable(study);
  const n1 = study.cases.filter((c) => c.truth === 1).length;
  const out = [
    study.title,
    '',
    `NR: ${study.readers.length}`,
    `N0: ${study.cases.length - n1}`,
    `N1: ${n1}`,
    `NM: ${study.treatments.length}`,
    '',
    'BEGIN DATA:',
  ];
  for (const c of study.cases) out.push(`-1,${c.id},0,${c.truth}`);
  study.readers.forEach((r, j) =>
    study.cases.forEach((c, k) =>
      study.treatments.forEach((t, i) => out.push(`${r},${c.id},${t},${String(((study.ratings[i] as number[][])[j] as number[])[k])}`)),
    ),
  );
  return `${out.join('\n')}\n`;
}

function fail(line: number, message: string): never {
  throw new Error(`parseImrmc: line ${line}: ${message}`);
}

/** Parse an iMRMC input file into a fully crossed ReaderStudy. Throws an Error naming the line and the problem. */
export function parseImrmc(text: string): ReaderStudy {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('parseImrmc: the file is empty');
  // iMRMC's reader drops a trailing ",," or "," (spreadsheet exports add them).
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.replace(/,{1,2}\s*$/, ''));
  const begin = lines.findIndex((l) => /^\s*BEGIN DATA:/i.test(l));
  if (begin < 0) throw new Error('parseImrmc: no line "BEGIN DATA:" was found; is this an iMRMC input file?');
  const header: Partial<Record<HeaderKey, { value: number; line: number }>> = {};
  for (let n = 0; n < begin; n++) {
    const m = HEADER_LINE.exec(lines[n] as string);
    if (!m) continue;
    const key = (m[1] as string).toUpperCase() as HeaderKey;
    const v = (m[2] as string).trim();
    if (!/^\d+$/.test(v)) fail(n + 1, `${key}: must be followed by a whole number, found "${v}"`);
    header[key] = { value: Number(v), line: n + 1 };
  }
  // iMRMC takes the first line as the title; a file that starts with a header line has none.
  const title = begin === 0 || HEADER_LINE.test(lines[0] as string) ? '' : (lines[0] as string).trim();

  const truth = new Map<string, Truth>();
  const scores: { reader: string; caseId: string; treatment: string; score: number; line: number }[] = [];
  for (let n = begin + 1; n < lines.length; n++) {
    const l = lines[n] as string;
    if (l.trim() === '') continue;
    const f = l.split(',').map((s) => s.replace(/\s/g, ''));
    if (f.length !== 4) fail(n + 1, `expected 4 fields readerID,caseID,modalityID,score, found ${f.length}`);
    const [reader, caseId, treatment, scoreText] = f as [string, string, string, string];
    if (reader === '' || caseId === '' || treatment === '') fail(n + 1, 'an id is empty');
    if (!NUMBER.test(scoreText)) fail(n + 1, `score "${scoreText}" is not a number`);
    const score = Number(scoreText);
    if (TRUTH_READERS.has(reader)) {
      if (score !== 0 && score !== 1) fail(n + 1, `the truth of case "${caseId}" must be 0 or 1, found ${scoreText}`);
      if (truth.has(caseId)) fail(n + 1, `a second truth line for case "${caseId}"`);
      truth.set(caseId, score);
    } else {
      scores.push({ reader, caseId, treatment, score, line: n + 1 });
    }
  }
  if (truth.size === 0) throw new Error('parseImrmc: no truth lines (reader -1) after BEGIN DATA:');
  return assemble(title, truth, scores, header);
}

function assemble(
  title: string,
  truth: Map<string, Truth>,
  scores: readonly { reader: string; caseId: string; treatment: string; score: number; line: number }[],
  header: Partial<Record<HeaderKey, { value: number; line: number }>>,
): ReaderStudy {
  const cases: StudyCase[] = [...truth].map(([id, t]) => ({ id, truth: t }));
  const caseIndex = new Map(cases.map((c, k) => [c.id, k]));
  const readers = [...new Set(scores.map((s) => s.reader))];
  const treatments = [...new Set(scores.map((s) => s.treatment))];
  const ri = new Map(readers.map((r, j) => [r, j]));
  const ti = new Map(treatments.map((t, i) => [t, i]));
  const ratings = treatments.map(() => readers.map(() => new Array<number>(cases.length).fill(NaN)));
  for (const s of scores) {
    const k = caseIndex.get(s.caseId);
    if (k === undefined) fail(s.line, `case "${s.caseId}" has no truth line (reader -1)`);
    const row = (ratings[ti.get(s.treatment) as number] as number[][])[ri.get(s.reader) as number] as number[];
    if (!Number.isNaN(row[k])) fail(s.line, `a second score by reader "${s.reader}" for case "${s.caseId}" in modality "${s.treatment}"`);
    row[k] = s.score;
  }
  const n1 = cases.filter((c) => c.truth === 1).length;
  const found: Record<HeaderKey, number> = { NR: readers.length, N0: cases.length - n1, N1: n1, NM: treatments.length };
  for (const key of HEADER_KEYS) {
    const h = header[key];
    if (h && h.value !== found[key]) fail(h.line, `the header says ${key}: ${h.value} but the data have ${found[key]}`);
  }
  let missing = 0;
  let firstMissing = '';
  ratings.forEach((byReader, i) =>
    byReader.forEach((row, j) =>
      row.forEach((v, k) => {
        if (!Number.isNaN(v)) return;
        if (missing++ === 0) firstMissing = `reader "${readers[j]}", case "${cases[k]?.id}", modality "${treatments[i]}"`;
      }),
    ),
  );
  if (missing > 0) {
    throw new Error(
      `parseImrmc: the study is not fully crossed: ${missing} score${missing > 1 ? 's are' : ' is'} missing (first: ${firstMissing}); ` +
        'this analysis needs every reader to score every case in every modality',
    );
  }
  return validateReaderStudy({ title, treatments, readers, cases, ratings }, 'parseImrmc');
}

import { drillAnswerFromInteraction, type DrillLmsAnswer } from './drill-response.js';

/**
 * What an LMS gives back of a drill module, read into each learner's answers for the lead's drill report: Moodle's
 * SCORM interactions report (CSV or tab-separated), a JSON of the SCORM data model per learner (or our own export), or
 * the cmi5 AU's xAPI statements. Each answer is the response drill-response.ts wrote (README.md, Decisions).
 */
export interface LmsLearnerRecord {
  /** Where the answers came from: the file, and the row, attempt or registration. */
  readonly source: string;
  /** The learner's LMS id (SCORM student_id / learner_id, the cmi5 actor's account name), when the record names it. */
  readonly learnerId: string | null;
  readonly learnerName: string;
  /** The drill the record names (the cmi5 AU's publisher id holds it), or null. */
  readonly drillId: string | null;
  readonly answers: readonly DrillLmsAnswer[];
}

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or SCORM 2004 / xAPI ISO 8601 duration to milliseconds; null otherwise. */
export function durationMs(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const t = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(s);
  if (t) return Math.round(((Number(t[1]) * 60 + Number(t[2])) * 60 + Number(t[3])) * 1000);
  const iso = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
  if (!iso || s === 'P' || s.endsWith('T')) return null;
  const [d, h, m, sec] = iso.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return Math.round((((d * 24 + h) * 60 + m) * 60 + sec) * 1000);
}

/** Delimited text (RFC 4180 quoting, any one-character delimiter) to rows of cells. */
function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

/** Moodle's interactions report (text or CSV); null when the text is not one. */
export function readMoodleInteractions(text: string, name: string): LmsLearnerRecord[] | null {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const [header, ...rows] = parseDelimited(body, delimiter);
  if (!header) return null;
  const col = (re: RegExp): number => header.findIndex((h) => re.test(h.trim()));
  const responses = header.flatMap((h, i) => (/^Response \d+$/i.test(h.trim()) ? [{ i, n: h.trim().slice(9) }] : []));
  if (responses.length === 0) return null;
  const questionCol = new Map(header.flatMap((h, i) => (/^Question \d+$/i.test(h.trim()) ? [[h.trim().slice(9), i] as const] : [])));
  const nameCol = col(/^(Name|Full name|User full name)$/i);
  const first = col(/^First name$/i);
  const last = col(/^(Surname|Last name)$/i);
  const userCol = col(/^Username$/i);
  const attemptCol = col(/^Attempt$/i);
  const latest = new Map<string, { attempt: number; record: LmsLearnerRecord }>();
  for (const [r, row] of rows.entries()) {
    const cell = (i: number): string => (i >= 0 ? (row[i] ?? '').trim() : '');
    const learnerName = cell(nameCol) || [cell(first), cell(last)].filter(Boolean).join(' ') || `Row ${r + 2}`;
    const learnerId = cell(userCol) || null;
    const answers = responses.flatMap(({ i, n }) => {
      const a = drillAnswerFromInteraction(cell(questionCol.get(n) ?? -1) || null, cell(i), null);
      return a ? [a] : [];
    });
    if (answers.length === 0) continue;
    const attempt = Number(cell(attemptCol)) || 1;
    const key = learnerId ?? learnerName;
    const before = latest.get(key);
    if (!before || attempt > before.attempt) latest.set(key, { attempt, record: { source: `${name}, row ${r + 2} (attempt ${attempt})`, learnerId, learnerName, drillId: null, answers } });
  }
  return [...latest.values()].map((x) => x.record);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function interactionList(v: unknown): Json[] {
  const o = obj(v);
  const list = Array.isArray(v) ? v : Array.isArray(o?.['childArray']) ? (o?.['childArray'] as unknown[]) : o ? Object.keys(o).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => o[k]) : [];
  return list.flatMap((x) => (obj(x) ? [x as Json] : []));
}

function cmiLearner(o: Json, source: string): LmsLearnerRecord | null {
  const core = obj(o['core']);
  const learnerId = str(o['learnerId']) ?? str(core?.['student_id']) ?? str(o['learner_id']);
  const learnerName = str(o['learnerName']) ?? str(core?.['student_name']) ?? str(o['learner_name']) ?? learnerId ?? source;
  if (!('interactions' in o)) return null;
  const answers = interactionList(o['interactions']).flatMap((i) => {
    const a = drillAnswerFromInteraction(str(i['id']), String(i['student_response'] ?? i['learner_response'] ?? ''), durationMs(i['latency']));
    return a ? [a] : [];
  });
  return { source, learnerId, learnerName, drillId: null, answers };
}

/** xAPI "answered" statements of a drill AU, one record per learner (the latest answer per film counts). */
export function readDrillStatements(statements: readonly unknown[], name: string): LmsLearnerRecord[] {
  const byLearner = new Map<string, { name: string; id: string; drillId: string | null; films: Map<string, { at: string; a: DrillLmsAnswer }> }>();
  for (const raw of statements) {
    const s = obj(raw);
    const object = str(obj(s?.['object'])?.['id']) ?? '';
    const film = /\/test\/drill\/question\/([^/?#]+)$/.exec(object)?.[1];
    if (!s || !film || !/\/answered$/.test(str(obj(s['verb'])?.['id']) ?? '')) continue;
    const actor = obj(s['actor']);
    const id = str(obj(actor?.['account'])?.['name']) ?? str(actor?.['mbox']) ?? null;
    if (!id) continue;
    const result = obj(s['result']);
    const a = drillAnswerFromInteraction(`drill-${decodeURIComponent(film)}`, String(result?.['response'] ?? ''), durationMs(result?.['duration']));
    if (!a) continue;
    // The AU's publisher id names the drill (.../modules/<id>/au): the LMS puts it in every statement's
    // contextActivities.grouping through the context template (cmi5 sections 9.6.2.3 and 10.0).
    const grouping = obj(obj(s['context'])?.['contextActivities'])?.['grouping'];
    const publisher = Array.isArray(grouping) ? grouping.map((g) => str(obj(g)?.['id']) ?? '').find((g) => /\/modules\/[a-z0-9-]+\/au$/.test(g)) : undefined;
    const entry = byLearner.get(id) ?? { name: str(actor?.['name']) ?? id, id, drillId: publisher ? (/\/modules\/([a-z0-9-]+)\/au$/.exec(publisher)?.[1] ?? null) : null, films: new Map() };
    const at = str(s['timestamp']) ?? '';
    const before = entry.films.get(a.caseId);
    if (!before || before.at <= at) entry.films.set(a.caseId, { at, a });
    byLearner.set(id, entry);
  }
  return [...byLearner.values()].map((e) => ({
    source: `${name} (xAPI statements)`, learnerId: e.id, learnerName: e.name, drillId: e.drillId,
    answers: [...e.films.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)).map((x) => x.a),
  }));
}

/** Any of the three forms from a file's text; null when the file is none of them. */
export function readLmsRecords(text: string, name: string): LmsLearnerRecord[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return readMoodleInteractions(text, name);
  }
  const o = obj(json);
  const list: unknown[] | null = Array.isArray(json) ? json : Array.isArray(o?.['statements']) ? (o?.['statements'] as unknown[]) : null;
  if (list?.some((s) => obj(obj(s)?.['verb']) !== null)) return readDrillStatements(list, name);
  if (o?.['format'] === 'xray-trainer.lms-interactions' && Array.isArray(o['learners'])) {
    return (o['learners'] as unknown[]).flatMap((l, i) => (obj(l) ? [cmiLearner(l as Json, `${name}, learner ${i + 1}`)] : [])).filter((r): r is LmsLearnerRecord => r !== null);
  }
  const dumps = list ?? (o ? [o] : []);
  const records = dumps.flatMap((d, i) => (obj(d) ? [cmiLearner(d as Json, dumps.length > 1 ? `${name}, learner ${i + 1}` : name)] : [])).filter((r): r is LmsLearnerRecord => r !== null);
  return records.length > 0 && records.some((r) => r.answers.length > 0) ? records : null;
}

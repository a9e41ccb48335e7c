import { countOf, drillAnswersOf, parseStoredSession, restoreSession, type DrillRun, type StoredSession, type TechniqueSummary } from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { collectResults, expandZips, type InputFile, type RefusedFile } from './collect.js';
import { readersFromResults } from './cohort-readers.js';
import { planSessionDeck } from './deck-plan.js';
import { caseFacts, drillAnswerFrom, expectedHints } from './drill-facts.js';
import { verifyResultFile } from './result-file.js';
import type { SignedSession } from './session-schema.js';

/**
 * The drill report's intake: result files of one or many drills (loose, zipped, or a folder's contents), grouped by
 * the signed session each carries, each group collected as a training session's files are (collectResults: checked,
 * refused with a reason, the latest file per reader kept), and each case's truth taken from the drill's deck plan.
 * The game's own results export (J at the end of a drill opened by a plain link) is read too, marked unsigned.
 */
export interface DrillFileStatus {
  readonly name: string;
  readonly status: 'used' | 'refused' | 'superseded' | 'skipped';
  readonly message: string;
}

export interface DrillIntake {
  readonly runs: readonly DrillRun[];
  readonly files: readonly DrillFileStatus[];
  readonly notes: readonly string[];
}

export interface DrillIntakeDeps {
  /** The forgery techniques the game registers (the demo deck's plan depends on them). */
  readonly techniques: readonly TechniqueSummary[];
  /** A pack drill's manifest (the CLI's --pack, the browser's stored packs); null when it is not at hand. */
  readonly manifestFor: (packId: string) => Promise<PackManifest | null>;
}

/** The sessions of the game's results export (format xray-trainer-results), or null for any other file. */
const isGameExport = (f: InputFile): unknown => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
    if (!text.includes('"xray-trainer-results"')) return null;
    const json = JSON.parse(text) as { format?: unknown; sessions?: unknown };
    return json.format === 'xray-trainer-results' && Array.isArray(json.sessions) ? json.sessions : null;
  } catch {
    return null;
  }
};

/** The drill's own files that sit beside the results (the definition, the lead's key): passed over, named. */
function otherFormat(f: InputFile): string | null {
  const head = new TextDecoder().decode(f.bytes.subarray(0, 400));
  if (/"format"\s*:\s*"xray-trainer\.session"/.test(head)) return 'the drill definition (not a result file): passed over';
  if (/"format"\s*:\s*"xray-trainer\.instructor-key"/.test(head)) return "the lead's key (not a result file): passed over; keep it private";
  return null;
}

export async function readDrillResults(files: readonly InputFile[], deps: DrillIntakeDeps): Promise<DrillIntake> {
  const refused: RefusedFile[] = [];
  const status: DrillFileStatus[] = [];
  const notes: string[] = [];
  const runs: DrillRun[] = [];
  const exported: { name: string; sessions: unknown[] }[] = [];
  const groups = new Map<string, { session: SignedSession; files: InputFile[] }>();
  for (const f of expandZips(files, refused)) {
    const sessions = isGameExport(f);
    if (Array.isArray(sessions)) {
      exported.push({ name: f.name, sessions });
      continue;
    }
    const check = await verifyResultFile(f.bytes, null);
    const other = check.ok ? null : otherFormat(f);
    if (other) status.push({ name: f.name, status: 'skipped', message: other });
    else if (!check.ok) refused.push({ name: f.name, reason: check.reason, message: check.message });
    else {
      const g = groups.get(check.sessionSha256) ?? { session: check.file.result.session, files: [] };
      g.files.push(f);
      groups.set(check.sessionSha256, g);
    }
  }
  for (const r of refused) status.push({ name: r.name, status: 'refused', message: r.message });
  for (const g of groups.values()) runs.push(...(await signedRun(g.session, g.files, deps, status, notes)));
  runs.push(...exportedRuns(exported, status, notes));
  return { runs, files: status, notes };
}

async function signedRun(session: SignedSession, files: readonly InputFile[], deps: DrillIntakeDeps, status: DrillFileStatus[], notes: string[]): Promise<DrillRun[]> {
  const s = session.session;
  const refuseAll = (message: string): DrillRun[] => {
    for (const f of files) status.push({ name: f.name, status: 'refused', message });
    return [];
  };
  if (!s.mode.drill) return refuseAll(`A result file of "${s.title}", a training session, not a readiness drill: read it in the Debrief dashboard (B on the title screen), or with npm run cohort -- report on the command line.`);
  const manifest = s.deck.kind === 'pack' ? await deps.manifestFor(s.deck.packId) : null;
  if (s.deck.kind === 'pack' && !manifest) return refuseAll(`"${s.title}" plays case pack '${s.deck.packId}': give the pack (or its session bundle) so the report knows each film's truth.`);
  const c = await collectResults(files, session);
  for (const x of c.refused) status.push({ name: x.name, status: 'refused', message: x.message });
  for (const x of c.superseded) status.push({ name: x.name, status: 'superseded', message: `another file of the same reader (an earlier save, or a second attempt); ${x.keptName} is used instead` });
  const plan = await planSessionDeck(s, deps.techniques, manifest);
  const specs = plan.rounds.flat();
  const facts = caseFacts(specs, deps.techniques, manifest);
  let unknown = 0;
  let hintDisagrees = 0;
  const entries = readersFromResults(c.accepted);
  const readers = entries.map((e) => {
    const expected = expectedHints(s, facts, e.fingerprint);
    const answers = e.answers.flatMap((a) => {
      const d = drillAnswerFrom(a, facts.get(a.caseId));
      if (!d) unknown++;
      else if (s.mode.drill?.aiHint && (a.hint ?? null) !== (expected[a.caseId] ?? null)) hintDisagrees++;
      return d ? [d] : [];
    });
    return { readerId: e.readerId, answers };
  });
  for (const a of c.accepted) {
    const stale = a.file.result.deckPlanSha256 !== plan.planSha256 ? ' (made by a game that planned another deck: answers to unknown films left out)' : '';
    status.push({ name: a.name, status: 'used', message: `${a.file.result.reader.displayName}, ${countOf(a.file.result.answers.length, 'answer')}${a.file.result.complete ? '' : ', saved before the end'}${stale}` });
  }
  if (unknown > 0) notes.push(`"${s.title}": ${countOf(unknown, 'answer names', 'answers name')} films this drill's deck does not hold; left out.`);
  if (hintDisagrees > 0) notes.push(`"${s.title}": ${countOf(hintDisagrees, 'answer records', 'answers record')} an AI badge other than the one the drill assigns that reader; kept as recorded.`);
  return [{
    drillId: s.sessionId, title: s.title, date: s.mode.drill.opens ? `${s.mode.drill.opens}T00:00:00.000Z` : s.issuedAt,
    prevalence: s.mode.fakeShare, prompted: s.mode.answer === 'rating', hintAccuracy: s.mode.drill.aiHint?.accuracy ?? null,
    worklistSize: specs.length, worklistFakes: [...facts.values()].filter((f) => f.fake).length, readers,
  }];
}

/** Drills played by a plain link and saved from the game's own results: grouped by deck, seed and settings. Unsigned. */
function exportedRuns(files: readonly { name: string; sessions: unknown[] }[], status: DrillFileStatus[], notes: string[]): DrillRun[] {
  // One reader per stored session: the same export handed in twice (or two exports of one browser) holds the same
  // session id; the later save is kept, since it holds at least the answers of the earlier one.
  const byId = new Map<string, { readonly session: StoredSession; readonly file: string }>();
  const dropped: string[] = [];
  for (const f of files) {
    let used = 0;
    for (const raw of f.sessions) {
      const p = parseStoredSession(raw);
      if (!p.ok || !p.value.mode.drill || p.value.answers.length === 0) continue;
      used++;
      const seen = byId.get(p.value.id);
      if (!seen) {
        byId.set(p.value.id, { session: p.value, file: f.name });
        continue;
      }
      const later = p.value.updatedAt > seen.session.updatedAt ? { session: p.value, file: f.name } : seen;
      const earlier = later === seen ? { session: p.value, file: f.name } : seen;
      byId.set(p.value.id, later);
      dropped.push(`"${earlier.file}" holds a drill session also in "${later.file}" (the same session, saved ${later.session.updatedAt === earlier.session.updatedAt ? 'at the same time' : 'later there'}): counted once, from "${later.file}".`);
    }
    status.push(used > 0 ? { name: f.name, status: 'used', message: `${countOf(used, 'drill session')} from the game's results export (unsigned)` } : { name: f.name, status: 'refused', message: 'a results export with no readiness drill in it' });
  }
  notes.push(...dropped);
  const groups = new Map<string, StoredSession[]>();
  for (const { session } of byId.values()) {
    const key = `${session.deckId}|${session.seed}|${JSON.stringify(session.mode)}`;
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  if (groups.size > 0) notes.push("Drills read from the game's own results export are unsigned: nothing shows who made them or that they are unaltered. Run drills from a signed link for a report that counts.");
  return [...groups.values()].map((sessions) => {
    const first = sessions.reduce((a, b) => (a.startedAt <= b.startedAt ? a : b));
    const readers = sessions.map((st, i) => ({ readerId: `Unsigned reader ${i + 1}`, answers: drillAnswersOf(restoreSession(st).records) }));
    const fakes = new Set(readers.flatMap((r) => r.answers.filter((a) => a.fake).map((a) => a.caseId)));
    return {
      drillId: `link:${first.deckId}-${first.seed}`, title: first.mode.drill?.title ?? `Drill by link (deck ${first.deckId}, seed ${first.seed})`,
      date: new Date(first.startedAt).toISOString(), prevalence: first.mode.fakeShare, prompted: first.mode.answer === 'rating',
      hintAccuracy: first.mode.drill?.aiHint?.accuracy ?? null, worklistSize: first.rounds.flat().length, worklistFakes: fakes.size, readers,
    };
  });
}

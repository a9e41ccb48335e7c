import type { DrillAnswer, DrillRun } from '../domain/index.js';
import { expandZips, readDrillResults, type DrillFileStatus, type DrillIntake, type DrillIntakeDeps, type InputFile, type RefusedFile } from '../delivery/index.js';
import { isDrillModuleJson, parseDrillModule, type DrillModule } from './drill-module.js';
import { readLmsRecords, type LmsLearnerRecord } from './drill-records.js';
import { drillWorklist } from './drill-worklist.js';
import { countOf } from '../domain/index.js';

/**
 * The drill report's intake with the LMS's records beside the readers' result files: the drill's drill.json (from
 * the drill's zip; it says which films the drill had, and the deck says which were fakes), and what the LMS gives
 * back (drill-records.ts: Moodle's interactions report, a JSON of cmi.interactions per learner, xAPI statements).
 * Every other file goes to the result files' intake (delivery's readDrillResults). Each film's truth comes from the
 * deck on the lead's side, never from the LMS; each learner's AI badges are checked against their draw when the
 * records name the learner's LMS id.
 */
const decoder = new TextDecoder('utf-8');

function definitionOf(f: InputFile): DrillModule | 'not-a-drill' | string {
  if (!/"kind"\s*:\s*"drill"/.test(decoder.decode(f.bytes.subarray(0, 2000)))) return 'not-a-drill';
  try {
    const json: unknown = JSON.parse(decoder.decode(f.bytes));
    return isDrillModuleJson(json) ? parseDrillModule(json) : 'not-a-drill';
  } catch (e) {
    return `a drill.json that cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function readDrillRecords(files: readonly InputFile[], deps: DrillIntakeDeps): Promise<DrillIntake> {
  const refused: RefusedFile[] = [];
  const defs: DrillModule[] = [];
  const learners: { file: string; record: LmsLearnerRecord }[] = [];
  const status: DrillFileStatus[] = [];
  const rest: InputFile[] = [];
  for (const f of expandZips(files, refused)) {
    const d = definitionOf(f);
    if (typeof d === 'object') {
      if (!defs.some((x) => x.id === d.id)) defs.push(d);
      status.push({ name: f.name, status: 'skipped', message: `the definition of drill "${d.title}" (films and settings for the LMS records)` });
      continue;
    }
    if (d !== 'not-a-drill') {
      status.push({ name: f.name, status: 'refused', message: d });
      continue;
    }
    const text = decoder.decode(f.bytes);
    const records = /"xray-trainer\.(result|results|session|instructor-key)"/.test(text.slice(0, 400)) ? null : readLmsRecords(text, f.name);
    if (records) for (const record of records) learners.push({ file: f.name, record });
    else rest.push(f);
  }
  for (const r of refused) status.push({ name: r.name, status: 'refused', message: r.message });
  const fromFiles = rest.length > 0 ? await readDrillResults(rest, deps) : { runs: [], files: [], notes: [] };
  const notes = [...fromFiles.notes];
  const runs: DrillRun[] = [...fromFiles.runs];
  if (learners.length > 0) runs.push(...(await lmsRuns(defs, learners, deps, status, notes)));
  return { runs, files: [...status, ...fromFiles.files], notes };
}

async function lmsRuns(defs: readonly DrillModule[], learners: readonly { file: string; record: LmsLearnerRecord }[], deps: DrillIntakeDeps, status: DrillFileStatus[], notes: string[]): Promise<DrillRun[]> {
  const plans = await Promise.all(defs.map(async (d) => {
    const manifest = d.deck.kind === 'pack' ? await deps.manifestFor(d.deck.packId) : null;
    if (d.deck.kind === 'pack' && !manifest) return { d, plan: null };
    return { d, plan: drillWorklist(d, '', deps.techniques, manifest), manifest };
  }));
  const byDrill = new Map<string, { file: string; record: LmsLearnerRecord }[]>();
  const used = new Map<string, number>();
  for (const x of learners) {
    const films = new Set(x.record.answers.map((a) => a.caseId));
    // The drill these answers belong to: the one the records name, else the one whose worklist holds their films.
    const match = plans.find((p) => p.plan && (x.record.drillId ? p.d.id === x.record.drillId : [...films].every((f) => p.plan?.facts.has(f))));
    if (!match) {
      const why = defs.length === 0
        ? "LMS records of a drill need the drill's drill.json beside them (it is in the drill's zip), so the report knows each film"
        : plans.some((p) => !p.plan) ? "the drill plays a case pack: give the pack (--pack) so the report knows each film's truth" : 'no drill.json given holds these films';
      status.push({ name: `${x.record.source}: ${x.record.learnerName}`, status: 'refused', message: why });
      continue;
    }
    byDrill.set(match.d.id, [...(byDrill.get(match.d.id) ?? []), x]);
    used.set(x.file, (used.get(x.file) ?? 0) + 1);
  }
  for (const [file, n] of used) status.push({ name: file, status: 'used', message: `LMS records of ${countOf(n, 'learner')}` });
  const runs: DrillRun[] = [];
  for (const { d, plan, manifest } of plans) {
    const group = byDrill.get(d.id);
    if (!plan || !group) continue;
    // One entry per learner: the record with the most answers (a learner in two exports, or two attempts).
    const best = new Map<string, LmsLearnerRecord>();
    for (const { record } of group) {
      const key = record.learnerId ?? record.learnerName;
      const before = best.get(key);
      if (!before || record.answers.length > before.answers.length) best.set(key, record);
    }
    let unknown = 0;
    let badges = 0;
    let unchecked = 0;
    const readers = [...best.values()].map((r) => {
      const expected = r.learnerId !== null ? drillWorklist(d, r.learnerId, deps.techniques, manifest ?? null).hints : null;
      if (expected === null && d.mode.drill?.aiHint) unchecked++;
      const answers = r.answers.flatMap((a): DrillAnswer[] => {
        const fact = plan.facts.get(a.caseId);
        if (!fact) {
          unknown++;
          return [];
        }
        if (expected && d.mode.drill?.aiHint && (a.hint ?? null) !== (expected[a.caseId] ?? null)) badges++;
        const flagged = a.read !== undefined ? a.flagged === true : a.rating !== null && a.rating >= 4;
        return [{ caseId: a.caseId, fake: fact.fake, tellCategories: fact.tellCategories, flagged, read: a.read ?? null, tellNamed: a.tellNamed ?? null, hint: a.hint ?? null, timeMs: a.timeMs, timedOut: a.timedOut }];
      });
      return { readerId: r.learnerName, answers };
    });
    const ids = new Map<string, number>();
    const unique = readers.map((r) => {
      const n = (ids.get(r.readerId) ?? 0) + 1;
      ids.set(r.readerId, n);
      return n > 1 ? { ...r, readerId: `${r.readerId} (${n})` } : r;
    });
    if (unknown > 0) notes.push(`"${d.title}": ${countOf(unknown, 'answer')} in the LMS records ${unknown === 1 ? 'names a film' : 'name films'} this drill does not hold; left out.`);
    if (badges > 0) notes.push(`"${d.title}": ${countOf(badges, 'answer')} ${badges === 1 ? 'records' : 'record'} an AI badge other than the one the drill assigns that learner; kept as recorded.`);
    if (unchecked > 0) notes.push(`"${d.title}": the ${unchecked === 1 ? 'badge' : 'badges'} of ${countOf(unchecked, 'learner')} ${unchecked === 1 ? 'was' : 'were'} not checked: ${unchecked === 1 ? 'its' : 'their'} records name no LMS id (add the Username column to the LMS export).`);
    runs.push({
      drillId: `lms:${d.id}`, title: d.title, date: d.mode.drill?.opens ? `${d.mode.drill.opens}T00:00:00.000Z` : new Date().toISOString(), prevalence: d.mode.fakeShare,
      prompted: d.mode.answer === 'rating', hintAccuracy: d.mode.drill?.aiHint?.accuracy ?? null, worklistSize: plan.specs.length,
      worklistFakes: [...plan.facts.values()].filter((f) => f.fake).length, readers: unique,
    });
  }
  return runs;
}

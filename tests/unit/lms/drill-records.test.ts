import { describe, expect, it } from 'vitest';
import { drillReport } from '../../../src/domain/index.js';
import { drillResponse, drillWorklist, durationMs, encodeDrillModule, readDrillRecords, readLmsRecords, type DrillLmsAnswer } from '../../../src/lms/index.js';
import { demoDrill, scriptedAnswer } from '../../helpers/lms-drill.js';
import { TECHNIQUES } from '../../helpers/lms-module.js';

/**
 * The LMS's records of a drill module back into the lead's drill report: Moodle's SCORM interactions report (as its
 * "Text file" download writes it: tab-separated, PHP fputcsv quoting), a JSON of cmi.interactions per learner, and
 * the cmi5 AU's xAPI statements; each film's truth from the drill's deck, each learner's badges checked.
 */
const d = demoDrill({ mode: { casesPerRound: 10, fakeShare: 0.3, answer: 'rating', drill: { aiHint: { accuracy: 0.8 }, opens: '2026-06-01', closes: null, title: null, briefing: null } } });
const enc = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });
const deps = { techniques: TECHNIQUES, manifestFor: async () => null };

/** A learner's answers as their page gave them: their own order and badges. */
function answersOf(learnerId: string, n = 10): DrillLmsAnswer[] {
  const w = drillWorklist(d, learnerId, TECHNIQUES, null);
  return w.specs.slice(0, n).map((s, i) => scriptedAnswer(d, s.id, i, w.hints[s.id] ?? null));
}

/** PHP's fputcsv with a tab: a field with a space, tab or quote is quoted, quotes doubled. */
const php = (cells: readonly string[]): string => cells.map((c) => (/[\s"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t');

function moodleExport(): string {
  const header = ['Name', 'Email address', 'Username', 'Attempt', 'Started on', 'Last accessed on', 'Score', 'Readiness drill'];
  for (let i = 0; i < 10; i++) header.push(`Response ${i}`);
  const row = (name: string, email: string, user: string, attempt: number, answers: DrillLmsAnswer[]) =>
    php([name, email, user, String(attempt), 'Tuesday, 2 June 2026, 9:00 AM', 'Tuesday, 2 June 2026, 9:30 AM', 'Completed', 'Completed', ...answers.map(drillResponse), ...Array(10 - answers.length).fill('')]);
  return `${[php(header), row('Ada Lovelace', 'ada@example.org', 'alovelace', 1, answersOf('alovelace', 4)), row('Ada Lovelace', 'ada@example.org', 'alovelace', 2, answersOf('alovelace')),
    row('Łukasz Kowalski', 'lk@example.org', 'lkowalski', 1, answersOf('lkowalski'))].join('\n')}\n`;
}

describe('the LMS records of a drill module', () => {
  it("reads Moodle's interactions report: the last attempt per learner, the learner's username as their LMS id", () => {
    const r = readLmsRecords(moodleExport(), 'moodle.txt');
    expect(r?.map((x) => [x.learnerName, x.learnerId, x.answers.length])).toEqual([['Ada Lovelace', 'alovelace', 10], ['Łukasz Kowalski', 'lkowalski', 10]]);
    expect(r?.[0]?.answers).toEqual(answersOf('alovelace'));
    // The same export saved from a spreadsheet as CSV.
    const csv = moodleExport().split('\n').map((l) => l.split('\t').map((c) => c.replace(/^"|"$/g, '')).map((c) => (/[,"]/.test(c) || c.includes(' ') ? `"${c}"` : c)).join(',')).join('\n');
    expect(readLmsRecords(csv, 'moodle.csv')?.map((x) => x.answers.length)).toEqual([10, 10]);
  });

  it('reads a JSON of cmi.interactions per learner (SCORM 1.2 and 2004 data models, our own list) and xAPI statements', () => {
    const cmi12 = { core: { student_id: 'alovelace', student_name: 'Lovelace, Ada' }, interactions: Object.fromEntries(answersOf('alovelace').map((a, i) => [String(i), { id: `drill-${a.caseId}`, student_response: drillResponse(a), latency: '0000:00:02.00' }])) };
    const cmi2004 = { learner_id: 'lkowalski', learner_name: 'Kowalski, Łukasz', interactions: { childArray: answersOf('lkowalski').map((a) => ({ id: `drill-${a.caseId}`, learner_response: drillResponse(a), latency: 'PT2S' })) } };
    const both = readLmsRecords(JSON.stringify([cmi12, cmi2004]), 'cmi.json');
    expect(both?.map((x) => [x.learnerId, x.answers.length])).toEqual([['alovelace', 10], ['lkowalski', 10]]);
    const ours = readLmsRecords(JSON.stringify({ format: 'xray-trainer.lms-interactions', learners: [{ learnerId: 'x1', learnerName: 'X', interactions: answersOf('x1').map((a) => ({ id: `drill-${a.caseId}`, student_response: drillResponse(a) })) }] }), 'ours.json');
    expect(ours?.[0]?.answers).toEqual(answersOf('x1'));
    const au = 'https://w3id.org/xapi/xray-trainer/modules/june-chest-drill/au';
    const statements = answersOf('lkowalski').map((a, i) => ({
      actor: { objectType: 'Agent', name: 'Łukasz Kowalski', account: { homePage: 'https://lms.example.org', name: 'lkowalski' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: `${au}/test/drill/question/${a.caseId}` },
      result: { response: drillResponse(a), duration: 'PT2S' }, timestamp: `2026-06-02T09:0${i}:00.000Z`, context: { contextActivities: { grouping: [{ id: au }] } },
    }));
    const fromLrs = readLmsRecords(JSON.stringify({ statements, more: '' }), 'lrs.json');
    expect(fromLrs).toEqual([{ source: 'lrs.json (xAPI statements)', learnerId: 'lkowalski', learnerName: 'Łukasz Kowalski', drillId: 'june-chest-drill', answers: answersOf('lkowalski') }]);
    expect(durationMs('0001:02:03.5')).toBe(3_723_500);
    expect(durationMs('PT1M2.5S')).toBe(62_500);
  });

  it('feeds the drill report beside the drill.json: counts match the answers, badges checked, refused without drill.json', async () => {
    const intake = await readDrillRecords([file('drill.json', encodeDrillModule(d)), file('moodle.txt', moodleExport())], deps);
    expect(intake.runs).toHaveLength(1);
    const run = intake.runs[0]!;
    expect(run).toMatchObject({ drillId: `lms:${d.id}`, title: 'June chest drill', prevalence: 0.3, prompted: true, hintAccuracy: 0.8, worklistSize: 10 });
    expect(run.readers.map((r) => [r.readerId, r.answers.length])).toEqual([['Ada Lovelace', 10], ['Łukasz Kowalski', 10]]);
    const fakes = drillWorklist(d, '', TECHNIQUES, null).facts;
    const flaggedFakes = answersOf('lkowalski').filter((a) => fakes.get(a.caseId)?.fake && a.rating !== null && a.rating >= 4).length;
    const rep = drillReport(intake.runs);
    const me = rep.runs[0]!.readers.find((r) => r.readerId === 'Łukasz Kowalski')!;
    expect(me.fakesFlagged).toBe(flaggedFakes);
    expect(me.shown).toBe(10);
    expect(intake.notes).toEqual([]);
    expect(intake.files.find((f) => f.name === 'moodle.txt')).toMatchObject({ status: 'used', message: 'LMS records of 2 learners' });
    // A badge the learner's draw did not give is reported; records without a drill.json are refused with the reason.
    const lines = moodleExport().trimEnd().split('\n');
    lines[3] = (lines[3] as string).replace(/hint=(authentic|manipulated)/, (m) => (m.endsWith('authentic') ? 'hint=manipulated' : 'hint=authentic'));
    const tampered = lines.join('\n');
    expect((await readDrillRecords([file('drill.json', encodeDrillModule(d)), file('m.txt', tampered)], deps)).notes[0]).toMatch(/1 answer records an AI badge other than the one the drill assigns/);
    const alone = await readDrillRecords([file('moodle.txt', moodleExport())], deps);
    expect(alone.runs).toEqual([]);
    expect(alone.files[0]?.message).toMatch(/need the drill's drill\.json beside them/);
  });
});

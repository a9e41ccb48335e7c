import { describe, expect, it } from 'vitest';
import { drillReport } from '../../../src/domain/index.js';
import { readDrillResults, ResultBodySchema, verifyResultFile } from '../../../src/delivery/index.js';
import { answersFor, asBytes, asJson, readerSaves, signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { drillReaderSaves, signedDrill } from '../../helpers/drill-readers.js';

const deps = { techniques: TECHNIQUE_IDS, manifestFor: async () => null };

describe('drill result files', () => {
  it('carry the drill settings (prevalence among them), the read, flag, named tell and badge, and verify', async () => {
    const d = await signedDrill({ cases: 20, prevalence: 0.1 });
    const r = await drillReaderSaves(d, 'Ana', (f) => ({ flag: f.fake, read: 'abnormal', tell: f.tellCategories[0] ?? null }));
    const check = await verifyResultFile(r.bytes, null);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.file.result.session.session.mode).toMatchObject({ id: 'drill', fakeShare: 0.1, answer: 'read-and-flag', drill: { aiHint: null } });
    expect(check.file.result.answers[0]).toMatchObject({ rating: null, read: 'abnormal', timedOut: false, hint: null });
  });

  it('are refused when a drill answer lacks its fields, or a training session\'s answer has them', async () => {
    const d = await signedDrill({ cases: 4, prevalence: 0.25 });
    const r = await drillReaderSaves(d, 'Ana', () => ({ flag: false }));
    const doc = asJson(r.bytes) as { result: { answers: Record<string, unknown>[] } };
    delete doc.result.answers[0]!['hint'];
    expect(JSON.stringify(ResultBodySchema.safeParse(doc.result).error?.issues)).toMatch(/needs tellNamed and hint/);
    const training = asJson((await readerSaves(await signedSession(), 'Ana', await answersFor(await signedSession(), () => 3))).bytes) as typeof doc;
    training.result.answers[0]!['hint'] = null;
    training.result.answers[0]!['tellNamed'] = null;
    expect(JSON.stringify(ResultBodySchema.safeParse(training.result).error?.issues)).toMatch(/belong to readiness drills only/);
    // A read-and-flag answer times out exactly when it has no read.
    doc.result.answers[0]!['hint'] = null;
    doc.result.answers[0]!['timedOut'] = true;
    expect(JSON.stringify(ResultBodySchema.safeParse(doc.result).error?.issues)).toMatch(/timedOut must be true exactly when there is no rating/);
  });
});

describe('the drill report from result files', () => {
  it("a training session's result file is refused with where to read it: the Debrief dashboard first, then the command line", async () => {
    const session = await signedSession();
    const r = await readerSaves(session, 'Ana', await answersFor(session, () => 3));
    const intake = await readDrillResults([{ name: 'ana.json', bytes: r.bytes }], deps);
    const message = intake.files.find((f) => f.name === 'ana.json')?.message ?? '';
    expect(message).toMatch(/a training session, not a readiness drill: read it in the Debrief dashboard \(B on the title screen\)/);
    expect(message.indexOf('Debrief dashboard')).toBeLessThan(message.indexOf('npm run cohort'));
  });

  it('counts exactly what the readers answered, per reader and for the department', async () => {
    const d = await signedDrill({ cases: 20, prevalence: 0.1, seed: 11 });
    // Seed 11 gives this worklist 2 fakes (a binomial draw: seed 7 gives none).
    const ana = await drillReaderSaves(d, 'Ana', (f) => ({ flag: f.fake, tell: f.tellCategories[0] ?? null, seconds: f.fake ? 30 : 10 }));
    const ben = await drillReaderSaves(d, 'Ben', (f) => ({ flag: f.position % 5 === 0 }));
    const intake = await readDrillResults([{ name: 'ana.json', bytes: ana.bytes }, { name: 'ben.json', bytes: ben.bytes }], deps);
    expect(intake.files.map((f) => f.status)).toEqual(['used', 'used']);
    const run = drillReport(intake.runs).runs[0]!;
    const fakes = ana.films.filter((f) => f.fake).length;
    expect(run.run).toMatchObject({ prevalence: 0.1, worklistSize: 20, worklistFakes: fakes, prompted: false });
    const a = run.readers.find((x) => x.readerId === 'Ana')!;
    expect(a).toMatchObject({ fakesShown: fakes, fakesFlagged: fakes, tellNamedRight: fakes, falseFlags: 0, medianSecondsToFlag: fakes > 0 ? 30 : null });
    const b = run.readers.find((x) => x.readerId === 'Ben')!;
    const benFlags = ben.films.filter((f) => f.position % 5 === 0);
    expect(b.fakesFlagged + b.falseFlags).toBe(benFlags.length);
    expect(b.fakesFlagged).toBe(benFlags.filter((f) => f.fake).length);
    expect(run.department).toMatchObject({ shown: 40, fakesShown: 2 * fakes, fakesFlagged: a.fakesFlagged + b.fakesFlagged });
  });

  it('gives each reader the same films in their own order', async () => {
    const d = await signedDrill({ cases: 20, prevalence: 0.1 });
    const orders = await Promise.all(['A', 'B', 'C', 'D'].map(async (n) => (await drillReaderSaves(d, n, () => ({ flag: false }))).films.map((f) => f.caseId)));
    for (const o of orders) expect([...o].sort()).toEqual([...orders[0]!].sort());
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(1);
  });

  it('reads the hint arm: conditions per reader balanced, and accuracy under a right, wrong and absent badge', async () => {
    const d = await signedDrill({ cases: 40, prevalence: 0.2, prompted: true, aiHint: 0.8, seed: 3 });
    // A reader who follows the badge when there is one and is right otherwise: automation bias at its purest.
    const r = await drillReaderSaves(d, 'Follower', (f) => ({ flag: f.hint ? f.hint === 'manipulated' : f.fake }));
    expect(r.films.filter((f) => f.hint).length).toBe(20);
    const hintedFakes = r.films.filter((f) => f.hint && f.fake).length;
    expect(Math.abs(hintedFakes - r.films.filter((f) => f.fake).length / 2)).toBeLessThanOrEqual(1);
    const run = drillReport((await readDrillResults([{ name: 'f.json', bytes: r.bytes }], deps)).runs).runs[0]!;
    expect(run.department.byHint.right.accuracy).toBe(1);
    expect(run.department.byHint.wrong.accuracy).toBe(0);
    expect(run.department.byHint.none.accuracy).toBe(1);
    expect(run.department.byHint.right.n + run.department.byHint.wrong.n).toBe(20);
    expect(intakeNotes(await readDrillResults([{ name: 'f.json', bytes: r.bytes }], deps))).toEqual([]);
  });

  it('takes several drills at once, oldest first in the trend, and passes over the drill\'s own files', async () => {
    const june = await signedDrill({ title: 'June', issuedAt: Date.parse('2026-06-01T09:00:00Z'), sessionId: '11111111-1111-4111-8111-111111111111' });
    const may = await signedDrill({ title: 'May', issuedAt: Date.parse('2026-05-01T09:00:00Z'), sessionId: '22222222-2222-4222-8222-222222222222', seed: 9 });
    const files = [
      { name: 'june-ana.json', bytes: (await drillReaderSaves(june, 'Ana', (f) => ({ flag: f.fake }))).bytes },
      { name: 'may-ana.json', bytes: (await drillReaderSaves(may, 'Ana', () => ({ flag: false }))).bytes },
      { name: 'drill.json', bytes: asBytes(june) },
      { name: 'junk.json', bytes: new TextEncoder().encode('{"hello":') },
    ];
    const intake = await readDrillResults(files, deps);
    expect(drillReport(intake.runs).trend.map((t) => t.title)).toEqual(['May', 'June']);
    expect(intake.files.find((f) => f.name === 'drill.json')?.status).toBe('skipped');
    expect(intake.files.find((f) => f.name === 'junk.json')).toMatchObject({ status: 'refused', message: expect.stringMatching(/cut short/) });
  });
});

const intakeNotes = (i: { notes: readonly string[] }): readonly string[] => i.notes;

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { answersCsv, readersCsv, studyFor } from '../../../src/app/dashboard-exports.js';
import { cohortOf, dashboardFigures, deckTruths } from '../../../src/app/dashboard-figures.js';
import { addToIntake, collectIntake, EMPTY_INTAKE } from '../../../src/app/dashboard-intake.js';
import { canonicalJson, planSessionDeck, readersFromResults, utf8, type SignedSession } from '../../../src/delivery/index.js';
import { formatLrc } from '../../../src/domain/index.js';
import { answersFor, asBytes, asJson, readerSaves, signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';

/**
 * The dashboard's pure parts: sorting what was dropped, collecting one session (and its pre/post partner), and the
 * figures, miss rates and exports the screen shows. The truth comes from the deck, never from a reader's file.
 */
async function cohort(session: SignedSession, rules: readonly ((i: number, fake: boolean) => number | null)[]) {
  const files = [];
  for (const [n, rule] of rules.entries()) {
    const saved = await readerSaves(session, ['Ana', 'Ben', '=HYPERLINK("x")'][n] ?? `R${n}`, await answersFor(session, rule));
    files.push({ name: `reader-${n + 1}.json`, bytes: saved.bytes, key: saved.key });
  }
  return files;
}

const figuresFor = async (session: SignedSession, files: { name: string; bytes: Uint8Array }[]) => {
  const intake = await addToIntake(EMPTY_INTAKE, files);
  const collected = await collectIntake(intake, null);
  const plan = await planSessionDeck(session.session, TECHNIQUE_IDS, null);
  return { intake, collected, plan, figures: dashboardFigures({ collected, plan, truths: deckTruths(plan, TECHNIQUE_IDS, null, new Map()), partnerTruths: null, lrsEntries: [] }) };
};

describe('the dashboard takes files and shows each reader, the group and the cases', () => {
  it('computes each reader\'s accuracy from their answers and the deck, refuses a tampered file and names a duplicate', async () => {
    const s = await signedSession({}, { casesPerRound: 10, fakeShare: 0.4 });
    const files = await cohort(s, [() => 6, () => 1, (_i, fake) => (fake ? 5 : 2)]);
    const tampered = asJson(files[0]!.bytes);
    ((tampered.result as { answers: { rating: number }[] }).answers[0] as { rating: number }).rating = 1;
    const again = await readerSaves(s, 'Ben', await answersFor(s, () => 1), { key: files[1]!.key, finishedAt: Date.parse('2026-03-02T10:00:00Z') });
    const zip = zipSync({ 'late/ben-again.json': again.bytes, 'notes.txt': utf8('not a result') });
    const { figures, intake } = await figuresFor(s, [...files, { name: 'edited.json', bytes: asBytes(tampered) }, { name: 'class.zip', bytes: zip }, { name: 'photo.png', bytes: new Uint8Array([137, 80]) }]);
    expect(intake.passedOver).toEqual(['photo.png']);
    expect(figures.readers?.map((r) => [r.name, r.figures.accuracy])).toEqual([['Ana', 0.4], ['Ben', 0.6], ['=HYPERLINK("x")', 1]]);
    expect(figures.refused?.map((r) => [r.name, r.reason])).toEqual([['edited.json', 'tampered']]);
    expect(figures.superseded).toEqual([{ name: 'reader-2.json', keptName: 'class.zip/late/ben-again.json' }]);
    expect(figures.group?.meanAuc).not.toBeNull();
    expect(figures.group?.ci95).not.toBeNull();
    // Ana called everything fake: every fake's tells count as caught by her, missed by Ben.
    expect(figures.missRates?.byArtifact.every((g) => g.readings === 3 * g.cases && g.missed === g.cases)).toBe(true);
    expect(figures.cases?.[0]).toMatchObject({ fooled: 1, answered: 3 });
    expect(figures.cases?.filter((c) => c.truth === 'fake').every((c) => c.tells.length > 0 && c.level !== null)).toBe(true);
  });

  it('takes session.json to collect one session only, and refuses the files of another as foreign', async () => {
    const s = await signedSession({}, { casesPerRound: 6 });
    const other = await signedSession({ sessionId: '11111111-2222-4333-8444-555555555555', title: 'Another day' }, { casesPerRound: 6 });
    const mine = await cohort(s, [() => 6, () => 1]);
    const theirs = await cohort(other, [() => 6, () => 6, () => 6]);
    const intake = await addToIntake(EMPTY_INTAKE, [...mine, ...theirs.map((f) => ({ ...f, name: `other-${f.name}` })), { name: 'session.json', bytes: canonicalJson(s) }]);
    expect(intake.sessions).toHaveLength(1);
    const c = await collectIntake(intake, null);
    expect(c.main.session?.session.title).toBe('Tuesday deepfake reading');
    expect(c.main.accepted).toHaveLength(2);
    expect(c.main.refused.map((r) => r.reason)).toEqual(['foreign-session', 'foreign-session', 'foreign-session']);
  });

  it('gives the pre/post change with the OR test when both paired sessions are dropped, matching readers by key', async () => {
    const pre = await signedSession({ pairing: { id: 'ct-2026', role: 'pre' } }, { casesPerRound: 10 });
    const post = await signedSession({ sessionId: '22222222-2222-4333-8444-555555555555', pairing: { id: 'ct-2026', role: 'post' }, issuedAt: '2026-03-09T09:00:00.000Z' }, { casesPerRound: 10 });
    const rules = [(i: number, f: boolean) => (i % 3 === 0 ? 3 : f ? 5 : 2), (i: number, f: boolean) => (i % 4 === 0 ? 4 : f ? 4 : 3), (i: number) => (i % 2 ? 6 : 1)];
    const before = await cohort(pre, rules);
    const after = [];
    for (const [n, f] of before.entries()) {
      const saved = await readerSaves(post, `after-${n}`, await answersFor(post, (_i, fake) => (fake ? 6 : 1)), { key: f.key });
      after.push({ name: `post-${n}.json`, bytes: saved.bytes });
    }
    const intake = await addToIntake(EMPTY_INTAKE, [...before, ...after]);
    const collected = await collectIntake(intake, null);
    expect(collected.main.session?.session.pairing?.role).toBe('post');
    expect(collected.main.refused).toEqual([]);
    expect(collected.partner?.accepted).toHaveLength(3);
    const planOf = (x: SignedSession) => planSessionDeck(x.session, TECHNIQUE_IDS, null);
    const [pp, qp] = [await planOf(post), await planOf(pre)];
    const f = dashboardFigures({ collected, plan: pp, truths: deckTruths(pp, TECHNIQUE_IDS, null, new Map()), partnerTruths: deckTruths(qp, TECHNIQUE_IDS, null, new Map()), lrsEntries: [] });
    expect(f.prePost?.readers).toHaveLength(3);
    expect(f.prePost?.post?.auc).toBe(1);
    expect(f.prePost?.change).toBeGreaterThan(0);
    expect(f.prePost?.f).not.toBeNull();
    expect(f.prePost?.preTitle).toBe('Tuesday deepfake reading');
  });

  it('exports CSV with formula injection neutralised and names hidden on request, and a study RJafroc reads', async () => {
    const s = await signedSession({}, { casesPerRound: 6 });
    const files = await cohort(s, [() => 6, () => 1, (_i, fake) => (fake ? 5 : 2)]);
    const { collected, plan, figures } = await figuresFor(s, files);
    const truths = deckTruths(plan, TECHNIQUE_IDS, null, new Map());
    const entries = readersFromResults(collected.main.accepted);
    const csv = answersCsv(entries, cohortOf(entries, truths).readers, false);
    expect(csv.split('\r\n')[0]).toBe('reader,fingerprint,file,case,truth,rating,timed_out,time_ms,marks,localised,fooled,tools,round,index_in_round');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const hidden = answersCsv(entries, cohortOf(entries, truths).readers, true);
    expect(hidden).not.toMatch(/Ana|Ben|HYPERLINK|reader-\d\.json/);
    expect(hidden.split('\r\n')[1]).toMatch(/^R1,,,demo-7-r1c/);
    const byReader = readersCsv(figures.readers ?? [], true, false);
    expect(byReader.split('\r\n').slice(1, 4).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['R1,6,3,0.5', 'R2,6,3,0.5', 'R3,6,3,1']);
    const study = studyFor('Tuesday', [{ treatment: 'session', readers: cohortOf(entries, truths, true).readers.map((r, i) => ({ ...r, readerId: `R${i + 1}` })) }]);
    expect(formatLrc(study).split('\n').slice(0, 4)).toEqual(['Tuesday', 'R1', '"session"\t', 'L\t']);
  });
});

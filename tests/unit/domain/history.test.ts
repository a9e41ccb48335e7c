import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS, caseId, circlePolygon, continuePastReview, createSession, exportCsv, exportJson, getMode, openCaseProgress, parseStoredSession,
  restoreSession, toStoredSession, transition, type CaseTruth, type SessionEvent, type SessionState,
} from '../../../src/domain/index.js';

const real: CaseTruth = { kind: 'authentic', authenticityCues: ['rotated'] };
const fake: CaseTruth = {
  kind: 'forged',
  recipe: [{ techniqueId: 'pasted-lesion', level: 'subtle', seed: 9 }],
  tells: [{ artifactId: 'A9', regions: [circlePolygon(50, 50, 10, 8)], strength: 0.6, explanation: 'pasted, "sharp", edge', howToSee: 'zoom' }],
};
const run = (s: SessionState, ...events: SessionEvent[]): SessionState => events.reduce(transition, s);
const META = { id: 's1', startedAt: 1_700_000_000_000, generator: 'demo deck 2 (simulator 1, forgery 1)' };

function played(feedback: 'after-round' | 'after-case' | 'end-of-session' = 'after-round'): SessionState {
  const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 2, secondsPerCase: 20, feedback };
  let s = createSession({ mode, deckId: 'demo', seed: 4, rounds: [[caseId('a'), caseId('b')], [caseId('c'), caseId('d')]] });
  const next = (x: SessionState): SessionState => (x.phase === 'caseReview' || x.phase === 'timedOut' ? transition(x, { type: 'NEXT' }) : x);
  s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, { type: 'TOOL_USED', tool: 'zoom' },
    { type: 'TOGGLE_MARK', point: { x: 52, y: 49 }, tolerancePx: 5 }, { type: 'RATE', rating: 6 }, { type: 'CONFIRM', now: 3000 });
  s = next(s);
  s = run(s, { type: 'CASE_SHOWN', now: 5000, truth: real }, { type: 'TICK', now: 25_000 });
  s = next(next(s));
  if (s.phase === 'roundReview') s = transition(s, { type: 'CONTINUE' });
  s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 30_000, truth: real }, { type: 'RATE', rating: 2 }, { type: 'CONFIRM', now: 31_500 });
  s = next(s);
  return run(s, { type: 'CASE_SHOWN', now: 40_000, truth: fake }, { type: 'TOGGLE_MARK', point: { x: 1, y: 1 }, tolerancePx: 5 }, { type: 'RATE', rating: 3 });
}

describe('stored sessions', () => {
  for (const feedback of ['after-round', 'after-case', 'end-of-session'] as const) {
    it(`a past session under review goes from one round's review to the next round's review, then its summary (feedback ${feedback})`, () => {
      const opened = { ...restoreSession(toStoredSession(played(feedback), META, 45_000)), phase: 'roundReview' as const, round: 0 };
      const second = continuePastReview(opened);
      expect([second.phase, second.round]).toEqual(['roundReview', 1]);
      expect(continuePastReview(second).phase).toBe('summary');
      // A round without answers has nothing to review: it is passed over.
      const unanswered = { ...opened, records: opened.records.filter((r) => r.round === 0) };
      expect(continuePastReview(unanswered).phase).toBe('summary');
    });
  }

  for (const feedback of ['after-round', 'after-case', 'end-of-session'] as const) {
    it(`restore to the same place with the same answers, scores and streaks (feedback ${feedback})`, () => {
      const live = played(feedback);
      const stored = toStoredSession(live, META, 45_000);
      expect(stored.openCase).toMatchObject({ caseId: 'd', startedAt: 40_000, marks: [{ x: 1, y: 1 }], rating: 3 });
      expect(parseStoredSession(JSON.parse(JSON.stringify(stored)))).toMatchObject({ ok: true });
      const back = restoreSession(stored);
      expect(back.phase).toBe('loading');
      expect([back.round, back.caseIndex]).toEqual([1, 1]);
      expect(back.records.map((r) => [r.rating, r.timeMs, r.timedOut, r.toolsUsed, r.answeredAt])).toEqual(
        live.records.map((r) => [r.rating, r.timeMs, r.timedOut, r.toolsUsed, r.answeredAt]),
      );
      expect(back.points).toBe(live.points);
      expect(back.bestStreak).toBe(live.bestStreak);
      expect(back.records[0]?.score.localised).toBe(true);
    });
  }

  it('gives the open case back with the time left by the stored clock (running while closed unless paused)', () => {
    const live = played();
    const stored = toStoredSession(live, META, 45_000);
    const back = restoreSession(stored);
    expect(openCaseProgress(stored, back, 52_000)).toMatchObject({ elapsedMs: 12_000, rating: 3, marks: [{ x: 1, y: 1 }] });
    const paused = toStoredSession(transition(live, { type: 'PAUSE', now: 44_000 }), META, 45_000);
    expect(openCaseProgress(paused, restoreSession(paused), 999_000)?.elapsedMs).toBe(4000);
  });

  it('migrates a version-1 record: default mode settings, the open case starts afresh, the generator unknown', () => {
    const v3 = toStoredSession(played(), META, 45_000);
    const { openCase: _o, generator: _g, hints: _hi, ...rest } = v3;
    const { tools: _t, lenses: _l, showScore: _s, levels: _v, focus: _f, answer: _a, hooks: _h, ...mode1 } = v3.mode;
    const answers1 = v3.answers.map(({ read: _r, flagged: _fl, tellNamed: _tn, hint: _hn, ...a }) => a);
    const v1 = { ...rest, answers: answers1, schemaVersion: 1, mode: mode1, openCaseId: 'd' };
    const r = parseStoredSession(JSON.parse(JSON.stringify(v1)));
    expect(r).toMatchObject({
      ok: true,
      value: { schemaVersion: 3, openCase: { caseId: 'd', startedAt: null, read: null, flagged: false }, generator: expect.stringMatching(/unknown/), hints: {} },
    });
    if (r.ok) expect(r.value.answers.every((a) => a.read === null && a.flagged === null && a.hint === null)).toBe(true);
    if (r.ok) expect(r.value.mode.tools).toContain('windowLevel');
  });

  it('refuses a corrupt version-1 record with its path instead of throwing (null answers, tells, points)', () => {
    const v1 = { ...toStoredSession(played(), META, 2), schemaVersion: 1 } as Record<string, unknown>;
    const answer = (v1['answers'] as Record<string, unknown>[])[0] as Record<string, unknown>;
    const tell = (truthTells: unknown) => ({ ...answer, truth: { ...(answer['truth'] as object), tells: truthTells } });
    const square = [{ x: 0, y: 0 }, null, { x: 300, y: 300 }, { x: 0, y: 300 }];
    for (const [answers, path] of [
      [[null], 'answers.0'], [[tell([null])], 'answers.0.truth.tells.0'], [[{ ...answer, truth: null }], 'answers.0.truth'],
      [[tell([{ regions: [square] }])], 'answers.0.truth.tells.0.regions'],
    ] as const) {
      const r = parseStoredSession({ ...v1, answers });
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining(`at ${path}:`) });
    }
  });

  it('refuses a corrupt or newer record with a reason, and an answer out of order', () => {
    const stored = toStoredSession(played(), META, 2);
    expect(parseStoredSession({ ...stored, answers: [{ ...stored.answers[0], rating: 9 }] })).toMatchObject({ ok: false, error: expect.stringMatching(/answers\.0\.rating/) });
    expect(parseStoredSession({ ...stored, schemaVersion: 99 })).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
    expect(parseStoredSession('nonsense')).toMatchObject({ ok: false });
    const swapped = { ...stored, answers: stored.answers.map((a, i) => (a.round === 0 ? { ...a, indexInRound: 1 - i } : a)) };
    expect(() => restoreSession(swapped)).toThrow(/does not fit the session order/);
  });

  it('exports JSON that reads back, and CSV with one row per answer, quoted where needed', () => {
    const stored = toStoredSession(played(), { ...META, startedAt: Date.UTC(2026, 10, 25) }, 2);
    const json = JSON.parse(exportJson([stored])) as { sessions: unknown[] };
    expect(parseStoredSession(json.sessions[0])).toMatchObject({ ok: true, value: stored });
    const lines = exportCsv([stored]).text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 3);
    const first = lines[1]?.split(',') ?? [];
    expect(first.slice(0, 9)).toEqual(['s1', '2026-11-25T00:00:00.000Z', 'practice', 'demo', '4', '1', '1', 'a', 'fake']);
    expect(lines[1]).toMatch(/,6,0.95,true,true,false,3000,52\.0:49\.0,true,\d+,zoom,false$/);
    expect(lines[2]).toMatch(/,real,,,,,,,false,true,20000,,false,-50,,false$/);
  });
});

describe('results CSV and spreadsheets', () => {
  it('leaves out a session whose answers do not fit its case order, with the reason, and exports the others', () => {
    const good = toStoredSession(played(), META, 2);
    const bad = { ...good, id: 's2', answers: good.answers.map((a, i) => (a.round === 0 ? { ...a, indexInRound: 1 - i } : a)) };
    const csv = exportCsv([bad, good]);
    expect(csv.skipped).toEqual([{ id: 's2', reason: expect.stringMatching(/does not fit the session order/) }]);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 3);
  });

  it('neutralises text cells a spreadsheet would run as a formula (from an imported results file), and leaves numbers alone', () => {
    const stored = toStoredSession(played(), { ...META, id: '=HYPERLINK("http://evil","x")' }, 2);
    const hostile = { ...stored, deckId: '@SUM(1+1)', mode: { ...stored.mode, id: '-2+3' as never } };
    const row = exportCsv([hostile]).text.split('\r\n')[1] ?? '';
    expect(row.startsWith(`"'=HYPERLINK(""http://evil"",""x"")",`)).toBe(true);
    expect(row).toContain(",'-2+3,'@SUM(1+1),");
    expect(exportCsv([stored]).text.split('\r\n')[2]).toMatch(/,-50,,false$/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS, caseId, circlePolygon, createSession, exportCsv, exportJson, getMode, parseStoredSession,
  restoreSession, toStoredSession, transition, type CaseTruth, type SessionEvent, type SessionState,
} from '../../../src/domain/index.js';

const real: CaseTruth = { kind: 'authentic', authenticityCues: ['rotated'] };
const fake: CaseTruth = {
  kind: 'forged',
  recipe: [{ techniqueId: 'pasted-lesion', level: 'subtle', seed: 9 }],
  tells: [{ artifactId: 'A9', regions: [circlePolygon(50, 50, 10, 8)], strength: 0.6, explanation: 'pasted, "sharp", edge', howToSee: 'zoom' }],
};
const run = (s: SessionState, ...events: SessionEvent[]): SessionState => events.reduce(transition, s);

function played(): SessionState {
  const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 2, secondsPerCase: 20 };
  let s = createSession({ mode, deckId: 'demo', seed: 4, rounds: [[caseId('a'), caseId('b')], [caseId('c'), caseId('d')]] });
  s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, { type: 'TOOL_USED', tool: 'zoom' },
    { type: 'TOGGLE_MARK', point: { x: 52, y: 49 }, tolerancePx: 5 }, { type: 'ANSWER', rating: 6, now: 3000 }, { type: 'NEXT' },
    { type: 'CASE_SHOWN', now: 5000, truth: real, interrupted: true }, { type: 'TICK', now: 25_000 }, { type: 'NEXT' },
    { type: 'CONTINUE' }, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 30_000, truth: real }, { type: 'ANSWER', rating: 2, now: 31_500 },
    { type: 'NEXT' }, { type: 'CASE_SHOWN', now: 40_000, truth: fake });
  return s;
}

describe('stored sessions', () => {
  it('restore to the same place with the same answers, scores and streaks', () => {
    const live = played();
    const stored = toStoredSession(live, { id: 's1', startedAt: 1_700_000_000_000 }, 1_700_000_100_000, [1, 2, 3]);
    expect(stored.openCaseId).toBe('d');
    expect(parseStoredSession(JSON.parse(JSON.stringify(stored)))).toMatchObject({ ok: true });
    const back = restoreSession(stored);
    expect(back.phase).toBe('loading');
    expect([back.round, back.caseIndex]).toEqual([1, 1]);
    expect(back.records.map((r) => [r.rating, r.timeMs, r.timedOut, r.interrupted, r.toolsUsed])).toEqual(
      live.records.map((r) => [r.rating, r.timeMs, r.timedOut, r.interrupted, r.toolsUsed]),
    );
    expect(back.points).toBe(live.points);
    expect(back.bestStreak).toBe(live.bestStreak);
    expect(back.records[0]?.score.localised).toBe(true);
  });

  it('refuses a corrupt or newer record with a reason, and an answer out of order', () => {
    const stored = toStoredSession(played(), { id: 's1', startedAt: 1 }, 2, []);
    expect(parseStoredSession({ ...stored, answers: [{ ...stored.answers[0], rating: 9 }] })).toMatchObject({ ok: false, error: expect.stringMatching(/answers\.0\.rating/) });
    expect(parseStoredSession({ ...stored, schemaVersion: 99 })).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
    expect(parseStoredSession('nonsense')).toMatchObject({ ok: false });
    const swapped = { ...stored, answers: stored.answers.map((a, i) => (a.round === 0 ? { ...a, indexInRound: 1 - i } : a)) };
    expect(() => restoreSession(swapped)).toThrow(/does not fit the session order/);
  });

  it('exports JSON that reads back, and CSV with one row per answer, quoted where needed', () => {
    const stored = toStoredSession(played(), { id: 's1', startedAt: Date.UTC(2026, 10, 25) }, 2, []);
    const json = JSON.parse(exportJson([stored])) as { sessions: unknown[] };
    expect(parseStoredSession(json.sessions[0])).toMatchObject({ ok: true, value: stored });
    const lines = exportCsv([stored]).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 3);
    const first = lines[1]?.split(',') ?? [];
    expect(first.slice(0, 9)).toEqual(['s1', '2026-11-25T00:00:00.000Z', 'practice', 'demo', '4', '1', '1', 'a', 'fake']);
    expect(lines[1]).toMatch(/,6,0.95,true,true,false,3000,52\.0:49\.0,true,\d+,zoom,false$/);
    expect(lines[2]).toMatch(/,real,,,,,,,false,true,20000,,false,-50,,true$/);
  });
});

describe('results CSV and spreadsheets', () => {
  it('neutralises text cells a spreadsheet would run as a formula (from an imported results file), and leaves numbers alone', () => {
    const stored = toStoredSession(played(), { id: '=HYPERLINK("http://evil","x")', startedAt: 0 }, 2, []);
    const hostile = { ...stored, deckId: '@SUM(1+1)', mode: { ...stored.mode, id: '-2+3' as never } };
    const row = exportCsv([hostile]).split('\r\n')[1] ?? '';
    expect(row.startsWith(`"'=HYPERLINK(""http://evil"",""x"")",`)).toBe(true);
    expect(row).toContain(",'-2+3,'@SUM(1+1),");
    expect(exportCsv([stored]).split('\r\n')[2]).toMatch(/,-50,,true$/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  caseId, createSession, getMode, parseStoredSession, restoreSession, summarise, toStoredSession, transition, withSettings,
  type CaseTruth, type SessionEvent, type SessionState,
} from '../../../../src/domain/index.js';

const AUTHENTIC: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const FAKE: CaseTruth = {
  kind: 'forged', recipe: [{ techniqueId: 'uniform-grain', level: 'subtle', seed: 1 }],
  tells: [{ artifactId: 'T1', regions: [[{ x: 0, y: 0 }, { x: 9, y: 0 }, { x: 9, y: 9 }]], strength: 0.5, explanation: 'grain', howToSee: 'noise lens' }],
};
const ids = ['a', 'b', 'c'].map(caseId);

function drill(prompted: boolean): SessionState {
  const mode = withSettings(getMode('drill'), { casesPerRound: 3, ...(prompted ? { answer: 'rating' as const, drill: { ...getMode('drill').drill!, aiHint: { accuracy: 0.8 } } } : {}) });
  return createSession({ mode, deckId: 'demo', seed: 1, rounds: [ids], hints: { a: 'authentic', c: 'manipulated' } });
}
const run = (s: SessionState, ...events: SessionEvent[]): SessionState => events.reduce(transition, s);
const show = (truth: CaseTruth, at: number): SessionEvent => ({ type: 'CASE_SHOWN', now: at, truth });

describe('a read-and-flag case (the unprompted drill)', () => {
  it('needs a read to move on, ignores ratings, and records the read, flag, tell and badge', () => {
    let s = run(drill(false), { type: 'START_ROUND' }, show(FAKE, 0), { type: 'RATE', rating: 6 }, { type: 'CONFIRM', now: 1000 });
    expect(s.phase).toBe('reading');
    expect(s.rating).toBeNull();
    s = run(s, { type: 'NAME_TELL', category: 'texture-noise' });
    expect(s.tellNamed).toBeNull(); // no tell before the film is flagged
    s = run(s, { type: 'READ', read: 'abnormal' }, { type: 'FLAG', flagged: true }, { type: 'NAME_TELL', category: 'texture-noise' }, { type: 'CONFIRM', now: 4000 });
    expect(s.phase).toBe('loading');
    expect(s.records[0]).toMatchObject({ read: 'abnormal', flagged: true, tellNamed: 'texture-noise', hint: 'authentic', timedOut: false, timeMs: 4000, rating: null });
    expect(s.records[0]!.score).toMatchObject({ correct: true, total: 0 });
  });

  it('clears the named tell when the flag is taken back, and keeps the last choice when the clock runs out', () => {
    let s = run(drill(false), { type: 'START_ROUND' }, show(AUTHENTIC, 0), { type: 'FLAG', flagged: true }, { type: 'NAME_TELL', category: 'metadata' }, { type: 'FLAG', flagged: false });
    expect(s.tellNamed).toBeNull();
    s = run(s, { type: 'READ', read: 'normal' }, { type: 'TICK', now: 120_000 });
    expect(s.records[0]).toMatchObject({ read: 'normal', flagged: false, timedOut: false, hint: 'authentic' });
    s = run(s, show(AUTHENTIC, 130_000), { type: 'FLAG', flagged: true }, { type: 'TICK', now: 250_000 });
    expect(s.phase).toBe('timedOut');
    // Case b shows no badge: it is not among the hinted cases.
    expect(s.records[1]).toMatchObject({ read: null, flagged: true, timedOut: true, hint: null });
  });

  it('counts flags in the summary: a flagged fake is a true positive, an unflagged authentic film a true negative', () => {
    const s = run(drill(false), { type: 'START_ROUND' },
      show(FAKE, 0), { type: 'READ', read: 'normal' }, { type: 'FLAG', flagged: true }, { type: 'CONFIRM', now: 10 },
      show(AUTHENTIC, 20), { type: 'READ', read: 'normal' }, { type: 'CONFIRM', now: 30 },
      show(AUTHENTIC, 40), { type: 'READ', read: 'abnormal' }, { type: 'FLAG', flagged: true }, { type: 'CONFIRM', now: 50 });
    expect(s.phase).toBe('roundReview');
    expect(summarise(s.records)).toMatchObject({ answered: 3, tp: 1, tn: 1, fp: 1, fn: 0, correct: 2 });
  });
});

describe('a prompted drill case', () => {
  it('names a tell only while the rating calls the film fake', () => {
    let s = run(drill(true), { type: 'START_ROUND' }, show(FAKE, 0), { type: 'RATE', rating: 5 }, { type: 'NAME_TELL', category: 'texture-noise' });
    expect(s.tellNamed).toBe('texture-noise');
    s = run(s, { type: 'RATE', rating: 2 });
    expect(s.tellNamed).toBeNull();
    s = run(s, { type: 'READ', read: 'normal' }, { type: 'FLAG', flagged: true }, { type: 'RATE', rating: 4 }, { type: 'NAME_TELL', category: 'frequency' }, { type: 'CONFIRM', now: 5 });
    expect(s.records[0]).toMatchObject({ rating: 4, tellNamed: 'frequency', hint: 'authentic' });
    expect(s.records[0]).not.toHaveProperty('read');
  });
});

describe('stored drill sessions', () => {
  it('keep the reads, flags, tells and badges through storage and a replay', () => {
    const s = run(drill(false), { type: 'START_ROUND' },
      show(FAKE, 0), { type: 'READ', read: 'abnormal' }, { type: 'FLAG', flagged: true }, { type: 'NAME_TELL', category: 'texture-noise' }, { type: 'CONFIRM', now: 1500 },
      show(AUTHENTIC, 2000), { type: 'FLAG', flagged: true }, { type: 'TICK', now: 122_000 }, { type: 'NEXT' },
      show(AUTHENTIC, 130_000), { type: 'READ', read: 'normal' }, { type: 'FLAG', flagged: true });
    const stored = toStoredSession(s, { id: 'x', startedAt: 0, generator: 'g' }, 131_000);
    const parsed = parseStoredSession(JSON.parse(JSON.stringify(stored)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.hints).toEqual({ a: 'authentic', c: 'manipulated' });
    expect(parsed.value.openCase).toMatchObject({ caseId: 'c', read: 'normal', flagged: true, tellNamed: null });
    const back = restoreSession(parsed.value);
    expect(back.records.map(({ score: _s, ...r }) => r)).toEqual(s.records.map(({ score: _s, ...r }) => r));
    expect(back.records.map((r) => r.score.correct)).toEqual([true, false]);
  });
});

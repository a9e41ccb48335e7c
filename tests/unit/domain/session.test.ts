import { describe, expect, it } from 'vitest';
import {
  caseId, createSession, getMode, remainingMs, summarise, transition, visibleScore, type CaseTruth, type GameMode, type SessionEvent,
  type SessionState,
} from '../../../src/domain/index.js';

const real: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const fake: CaseTruth = { kind: 'forged', recipe: [], tells: [] };

function start(casesPerRound = 3, rounds = 2, patch: Partial<GameMode> = {}): SessionState {
  const mode = { ...getMode('practice'), casesPerRound, rounds, secondsPerCase: 20, ...patch };
  const ids = Array.from({ length: rounds }, (_, r) => Array.from({ length: casesPerRound }, (_, i) => caseId(`c${r}-${i}`)));
  return createSession({ mode, deckId: 'demo', seed: 7, rounds: ids });
}
const run = (s: SessionState, ...events: SessionEvent[]): SessionState => events.reduce(transition, s);
const give = (rating: 1 | 2 | 3 | 4 | 5 | 6, now: number): SessionEvent[] => [{ type: 'RATE', rating }, { type: 'CONFIRM', now }];

describe('session state machine', () => {
  it('plays a round: brief, read, answer, time out, review, then the next round', () => {
    let s = start();
    expect(s.phase).toBe('briefing');
    s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 1000, truth: fake }, ...give(6, 5000));
    expect(s).toMatchObject({ phase: 'loading', caseIndex: 1 });
    expect(s.records[0]).toMatchObject({ rating: 6, timeMs: 4000, timedOut: false, answeredAt: 5000 });
    s = run(s, { type: 'CASE_SHOWN', now: 10_000, truth: real }, { type: 'TICK', now: 29_999 });
    expect(s.phase).toBe('reading');
    expect(remainingMs(s, 29_999)).toBe(1);
    s = run(s, { type: 'TICK', now: 30_000 });
    expect(s.phase).toBe('timedOut');
    expect(s.records[1]).toMatchObject({ rating: null, timedOut: true, timeMs: 20_000 });
    s = run(s, { type: 'NEXT' }, { type: 'CASE_SHOWN', now: 40_000, truth: real }, ...give(1, 41_000));
    expect(s.phase).toBe('roundReview');
    expect(summarise(s.records)).toMatchObject({ cases: 3, answered: 2, correct: 2, timedOut: 1, accuracy: 1, sensitivity: 1, specificity: 1 });
    s = run(s, { type: 'CONTINUE' });
    expect(s).toMatchObject({ phase: 'briefing', round: 1 });
  });

  it('keeps a rating tentative until Enter, and lets it change', () => {
    let s = run(start(), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, { type: 'RATE', rating: 2 });
    expect(s).toMatchObject({ phase: 'reading', rating: 2, records: [] });
    s = run(s, { type: 'RATE', rating: 5 });
    expect(s.rating).toBe(5);
    s = run(s, { type: 'CONFIRM', now: 3000 });
    expect(s.records[0]?.rating).toBe(5);
    expect(transition(s, { type: 'CONFIRM', now: 4000 })).toBe(s);
  });

  it('a confirm without a rating does nothing, and the clock running out keeps the last rating', () => {
    let s = run(start(), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake });
    expect(transition(s, { type: 'CONFIRM', now: 10 })).toBe(s);
    s = run(s, { type: 'RATE', rating: 4 }, { type: 'TICK', now: 20_000 });
    expect(s.records[0]).toMatchObject({ rating: 4, timedOut: false, timeMs: 20_000 });
    expect(s.phase).toBe('loading');
  });

  it('gives the truth after each case when the mode says so', () => {
    let s = run(start(2, 1, { feedback: 'after-case' }), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, ...give(6, 10));
    expect(s.phase).toBe('caseReview');
    s = run(s, { type: 'NEXT' });
    expect(s).toMatchObject({ phase: 'loading', caseIndex: 1 });
    s = run(s, { type: 'CASE_SHOWN', now: 100, truth: real }, { type: 'TICK', now: 30_000 }, { type: 'NEXT' });
    expect(s.phase).toBe('caseReview');
    s = run(s, { type: 'NEXT' });
    expect(s.phase).toBe('roundReview');
  });

  it('with feedback at the end, rounds follow without a review, then every round is reviewed', () => {
    let s = start(1, 2, { feedback: 'end-of-session' });
    s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, ...give(6, 10));
    expect(s).toMatchObject({ phase: 'briefing', round: 1 });
    expect(visibleScore(s)?.points).toBe(0);
    s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 20, truth: real }, ...give(1, 30));
    expect(s).toMatchObject({ phase: 'roundReview', round: 0 });
    expect(visibleScore(s)?.points).toBe(s.points);
    s = run(s, { type: 'CONTINUE' });
    expect(s).toMatchObject({ phase: 'roundReview', round: 1 });
    s = run(s, { type: 'CONTINUE' });
    expect(s.phase).toBe('summary');
  });

  it('shows the running score only as far as the feedback has revealed it', () => {
    let s = run(start(2, 2), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake }, ...give(6, 10));
    expect(s.points).toBeGreaterThan(0);
    expect(visibleScore(s)).toEqual({ points: 0, streak: 0, bestStreak: 0 });
    s = run(s, { type: 'CASE_SHOWN', now: 20, truth: real }, ...give(1, 30));
    expect(s.phase).toBe('roundReview');
    expect(visibleScore(s)?.points).toBe(s.points);
    const hidden = start(1, 1, { showScore: false });
    expect(visibleScore(hidden)).toBeNull();
  });

  it('pauses only when the mode allows it, and a pause holds the clock', () => {
    let s = run(start(), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real }, { type: 'PAUSE', now: 5000 });
    expect(remainingMs(s, 60_000)).toBe(15_000);
    s = run(s, { type: 'RESUME', now: 60_000 });
    expect(remainingMs(s, 61_000)).toBe(14_000);
    const strict = run(start(1, 1, { allowPause: false }), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real });
    expect(transition(strict, { type: 'PAUSE', now: 10 })).toBe(strict);
  });

  it('does not record a tool the mode withholds', () => {
    let s = run(start(1, 1, { tools: ['zoom'] }), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real });
    s = run(s, { type: 'TOOL_USED', tool: 'invert' }, { type: 'TOOL_USED', tool: 'zoom' }, { type: 'TOOL_USED', tool: 'zoom' });
    expect(s.toolsUsed).toEqual(['zoom']);
  });

  it('resumes a case with the time that was left, its marks and its rating', () => {
    let s = run(start(), { type: 'START_ROUND' }, {
      type: 'CASE_SHOWN', now: 100_000, truth: fake, resumed: { elapsedMs: 12_000, marks: [{ x: 1, y: 2 }], rating: 5, toolsUsed: ['zoom'] },
    });
    expect(remainingMs(s, 100_000)).toBe(8000);
    expect(s).toMatchObject({ marks: [{ x: 1, y: 2 }], rating: 5, toolsUsed: ['zoom'], interrupted: true });
    s = run(s, { type: 'TICK', now: 108_000 });
    expect(s.records[0]).toMatchObject({ rating: 5, interrupted: true, timeMs: 20_000 });
  });

  it('does not start the clock until the image is on screen', () => {
    const s = run(start(), { type: 'START_ROUND' }, { type: 'TICK', now: 999_999 });
    expect(s.phase).toBe('loading');
  });
});

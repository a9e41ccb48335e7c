import { describe, expect, it } from 'vitest';
import {
  caseId, createSession, getMode, remainingMs, summarise, transition, type CaseTruth, type SessionEvent,
  type SessionState,
} from '../../../src/domain/index.js';

const real: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const fake: CaseTruth = { kind: 'forged', recipe: [], tells: [] };

function start(casesPerRound = 3, rounds = 2): SessionState {
  const mode = { ...getMode('practice'), casesPerRound, rounds, secondsPerCase: 20 };
  const ids = Array.from({ length: rounds }, (_, r) => Array.from({ length: casesPerRound }, (_, i) => caseId(`c${r}-${i}`)));
  return createSession({ mode, deckId: 'demo', seed: 7, rounds: ids });
}
const run = (s: SessionState, ...events: SessionEvent[]): SessionState => events.reduce(transition, s);

describe('session state machine', () => {
  it('plays a round: brief, read, answer, time out, review, then the next round', () => {
    let s = start();
    expect(s.phase).toBe('briefing');
    s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 1000, truth: fake });
    expect(s.phase).toBe('reading');
    s = run(s, { type: 'ANSWER', rating: 6, now: 5000 });
    expect(s.phase).toBe('answered');
    expect(s.records[0]).toMatchObject({ rating: 6, timeMs: 4000, timedOut: false });
    s = run(s, { type: 'NEXT' }, { type: 'CASE_SHOWN', now: 10_000, truth: real }, { type: 'TICK', now: 29_999 });
    expect(s.phase).toBe('reading');
    expect(remainingMs(s, 29_999)).toBe(1);
    s = run(s, { type: 'TICK', now: 30_000 });
    expect(s.phase).toBe('timedOut');
    expect(s.records[1]).toMatchObject({ rating: null, timedOut: true, timeMs: 20_000 });
    s = run(s, { type: 'NEXT' }, { type: 'CASE_SHOWN', now: 40_000, truth: real }, { type: 'ANSWER', rating: 1, now: 41_000 });
    s = run(s, { type: 'NEXT' });
    expect(s.phase).toBe('roundReview');
    expect(summarise(s.records)).toMatchObject({ cases: 3, correct: 2, timedOut: 1, sensitivity: 1, specificity: 0.5 });
    s = run(s, { type: 'CONTINUE' });
    expect(s).toMatchObject({ phase: 'briefing', round: 1 });
  });

  it('ends in the summary after the last round', () => {
    let s = start(1, 1);
    s = run(s, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real }, { type: 'ANSWER', rating: 2, now: 1 });
    s = run(s, { type: 'NEXT' }, { type: 'CONTINUE' });
    expect(s.phase).toBe('summary');
  });

  it('ignores answers outside the reading phase and keys pressed twice', () => {
    const s0 = start();
    expect(transition(s0, { type: 'ANSWER', rating: 3, now: 0 })).toBe(s0);
    let s = run(s0, { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real }, { type: 'ANSWER', rating: 2, now: 10 });
    const again = transition(s, { type: 'ANSWER', rating: 6, now: 20 });
    expect(again).toBe(s);
    expect(s.records).toHaveLength(1);
  });

  it('does not start the clock until the image is on screen', () => {
    const s = run(start(), { type: 'START_ROUND' }, { type: 'TICK', now: 999_999 });
    expect(s.phase).toBe('loading');
  });

  it('places up to three marks and removes one clicked again', () => {
    let s = run(start(), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: fake });
    for (const x of [10, 100, 200, 300]) s = transition(s, { type: 'TOGGLE_MARK', point: { x, y: 5 }, tolerancePx: 8 });
    expect(s.marks.map((m) => m.x)).toEqual([10, 100, 200]);
    s = transition(s, { type: 'TOGGLE_MARK', point: { x: 103, y: 7 }, tolerancePx: 8 });
    expect(s.marks.map((m) => m.x)).toEqual([10, 200]);
    s = transition(s, { type: 'ANSWER', rating: 5, now: 100 });
    expect(s.records[0]?.marks).toHaveLength(2);
  });

  it('pausing stops the countdown and resuming continues it', () => {
    let s = run(start(), { type: 'START_ROUND' }, { type: 'CASE_SHOWN', now: 0, truth: real }, { type: 'PAUSE', now: 5000 });
    expect(remainingMs(s, 60_000)).toBe(15_000);
    expect(transition(s, { type: 'TICK', now: 60_000 }).phase).toBe('reading');
    s = run(s, { type: 'RESUME', now: 65_000 });
    expect(remainingMs(s, 70_000)).toBe(10_000);
  });

  it('keeps a running streak and points', () => {
    let s = run(start(3, 1), { type: 'START_ROUND' });
    for (const [truth, rating] of [[fake, 6], [real, 1], [real, 5]] as const) {
      s = run(s, { type: 'CASE_SHOWN', now: 0, truth }, { type: 'ANSWER', rating, now: 1 }, { type: 'NEXT' });
    }
    expect(s.bestStreak).toBe(2);
    expect(s.streak).toBe(0);
    expect(s.points).toBe(s.records.reduce((a, r) => a + r.score.total, 0));
  });
});

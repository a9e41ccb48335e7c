import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, toStoredSession, transition, type CaseTruth, type SessionState } from '../../../src/domain/index.js';
import { learningCurve, roundLearning, summaryLearning, type PlotPrimitive } from '../../../src/presenters/index.js';

/**
 * User audit (shots 1920-07, 1920-08): round 2's figures drew rounds 1 and 2 under "sessions (2)"; the summary of the
 * same two-round session drew nothing and asked for "two sessions (or rounds)". One rule now feeds both screens.
 */
const R = { x: 0, y: 0, width: 300, height: 200 };
const REAL: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const axis = (prims: readonly PlotPrimitive[]): string[] => prims.flatMap((p) => (p.kind === 'text' ? [p.text] : []));

/** A practice session of two rounds of one real image each, rated 2 then 5 (right, then wrong), ended. */
function twoRounds(): SessionState {
  let s = createSession({ mode: { ...getMode('practice'), rounds: 2, casesPerRound: 1 }, deckId: 'demo', seed: 1, rounds: [[caseId('a')], [caseId('b')]] });
  for (const rating of [2, 5] as const) {
    s = transition(s, { type: 'START_ROUND' });
    s = transition(s, { type: 'CASE_SHOWN', now: 0, truth: REAL });
    s = transition(s, { type: 'RATE', rating });
    s = transition(s, { type: 'CONFIRM', now: 1000 });
    s = transition(s, { type: 'CONTINUE' });
  }
  return s;
}

describe('the learning curve of a session', () => {
  it('round 2 figures plot the rounds and say so', () => {
    const s = twoRounds();
    expect(s.phase).toBe('summary');
    const rounds = roundLearning(s, 1);
    expect(rounds).toEqual({ unit: 'round', points: [{ accuracy: 1, auc: null }, { accuracy: 0, auc: null }] });
    const labels = axis(learningCurve(rounds.points, R, rounds.unit).primitives);
    expect(labels).toContain('rounds of this session (2)');
    expect(labels.join(' ')).not.toMatch(/sessions \(2\)/);
  });

  it('the summary of a first two-round session shows the same curve as its last round, not an empty plot', () => {
    const s = twoRounds();
    const summary = summaryLearning(s, []);
    expect(summary).toEqual(roundLearning(s, 1));
    expect(learningCurve(summary.points, R, summary.unit).empty).toBeNull();
  });

  it('once a session is behind, the summary runs over sessions, this one last, and says so', () => {
    const s = twoRounds();
    const other = { ...s, config: { ...s.config, seed: s.config.seed + 1 } };
    const past = { ...toStoredSession(other, { id: 'p', startedAt: 1, generator: 'test' }, 2), status: 'complete' as const };
    const summary = summaryLearning(s, [past]);
    expect(summary.unit).toBe('session');
    expect(summary.points).toHaveLength(2);
    expect(axis(learningCurve(summary.points, R, summary.unit).primitives)).toContain('your sessions (2)');
    // A one-round first session has nothing to compare yet, and says what it waits for.
    const one = { ...s, config: { ...s.config, rounds: [s.config.rounds[0] ?? []] } };
    expect(learningCurve(summaryLearning(one, []).points, R, 'session').empty).toBe('Appears once you have finished two sessions.');
  });

  it('a past session reviewed to its summary counts once, after the sessions before it', () => {
    const s = twoRounds();
    const stored = (x: typeof s, id: string, startedAt: number) => ({ ...toStoredSession(x, { id, startedAt, generator: 'test' }, startedAt + 1), status: 'complete' as const });
    const earlier = stored({ ...s, config: { ...s.config, seed: s.config.seed + 1 } }, 'earlier', 1);
    const later = stored({ ...s, config: { ...s.config, seed: s.config.seed + 2 } }, 'later', 300);
    const reviewed = stored(s, 'reviewed', 100);
    expect(summaryLearning(s, [earlier, reviewed, later]).points).toHaveLength(2);
    expect(summaryLearning(s, [reviewed]).points).toEqual(roundLearning(s, 1).points);
  });
});

import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, transition, type SessionEvent, type SessionState } from '../../../src/domain/index.js';
import { sessionAnnouncement, timeAnnouncement } from '../../../src/presenters/index.js';

describe('the accessible status line', () => {
  it('announces the case number, each answer in words, time-outs and the round result', () => {
    const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 1, secondsPerCase: 10 };
    let s: SessionState = createSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
    const said: string[] = [];
    const step = (e: SessionEvent): void => {
      const next = transition(s, e);
      const text = sessionAnnouncement(s, next);
      if (text) said.push(text);
      s = next;
    };
    step({ type: 'START_ROUND' });
    step({ type: 'CASE_SHOWN', now: 0, truth: { kind: 'authentic', authenticityCues: [] } });
    step({ type: 'RATE', rating: 5 });
    step({ type: 'RATE', rating: 2 });
    step({ type: 'CONFIRM', now: 1000 });
    step({ type: 'CASE_SHOWN', now: 2000, truth: { kind: 'forged', recipe: [], tells: [] } });
    step({ type: 'TICK', now: 12_000 });
    step({ type: 'NEXT' });
    // Nothing says right or wrong before the round review, the mode's feedback.
    expect(said).toEqual([
      'Case 1 of 2, round 1 of 1. 10 seconds.',
      'Rating 5, probably fake. Enter gives it.',
      'Rating 2, probably real. Enter gives it.',
      'Answer given: probably real.',
      // A prepared next case follows at once: its announcement repeats the answer, which it would otherwise cut off.
      'Answer given: probably real. Case 2 of 2, round 1 of 1. 10 seconds.',
      "Time's up: no answer was given for this case.",
      'Round 1 review: 1 of 1 answered correctly, 1 timed out, 34 points. Sensitivity n/a, specificity 100%.',
    ]);
  });

  it('announces time at 30, 20, 10 and each of the last five seconds, once each', () => {
    const said: string[] = [];
    let prev = 45_000;
    for (let t = 45_000; t >= 0; t -= 100) {
      const text = timeAnnouncement(prev, t);
      if (text) said.push(text);
      prev = t;
    }
    expect(said).toEqual(['30 seconds left.', '20 seconds left.', '10 seconds left.', '5 seconds left.', '4 seconds left.', '3 seconds left.', '2 seconds left.', '1 second left.']);
  });
});

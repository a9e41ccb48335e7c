import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, transition, type SessionEvent, type SessionState } from '../../../src/domain/index.js';
import { computeLayout, sessionAnnouncement, timeAnnouncement } from '../../../src/presenters/index.js';

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
    step({ type: 'ANSWER', rating: 2, now: 1000 });
    step({ type: 'NEXT' });
    step({ type: 'CASE_SHOWN', now: 2000, truth: { kind: 'forged', recipe: [], tells: [] } });
    step({ type: 'TICK', now: 12_000 });
    step({ type: 'NEXT' });
    expect(said).toEqual([
      'Case 1 of 2, round 1 of 1. 10 seconds.',
      'Answer locked: probably real.',
      'Case 2 of 2, round 1 of 1. 10 seconds.',
      "Time's up: this case counts as wrong.",
      'Round 1 complete: 1 of 2 correct, 34 points. Sensitivity 0%, specificity 100%.',
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

describe('layout', () => {
  it('puts the panel beside the viewer on a wide window and below it on a narrow one; nothing overlaps', () => {
    for (const [w, h] of [[1400, 900], [1024, 700], [800, 900], [600, 500]] as const) {
      const L = computeLayout(w, h);
      const overlapX = L.viewer.x < L.panel.x + L.panel.width && L.panel.x < L.viewer.x + L.viewer.width;
      const overlapY = L.viewer.y < L.panel.y + L.panel.height && L.panel.y < L.viewer.y + L.viewer.height;
      expect(overlapX && overlapY, `${w}x${h}`).toBe(false);
      expect(L.viewer.width).toBeGreaterThan(200);
      expect(L.viewer.height).toBeGreaterThan(100);
      expect(L.viewer.x + L.viewer.width).toBeLessThanOrEqual(w);
    }
  });
});

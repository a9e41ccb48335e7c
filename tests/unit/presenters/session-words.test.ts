import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, transition, withSettings, type CaseTruth, type GameMode, type SessionState } from '../../../src/domain/index.js';
import { reviewHeading, sessionAnnouncement, whereLine } from '../../../src/presenters/index.js';

const AUTHENTIC: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const start = (mode: GameMode, n: number, rounds = 1): SessionState =>
  createSession({ mode: withSettings(mode, { casesPerRound: n, rounds }), deckId: 'demo', seed: 1, rounds: Array.from({ length: rounds }, (_, r) => Array.from({ length: n }, (_, i) => caseId(`c${r}-${i}`))) });

/** Every sentence and top bar a drill's reader meets on the way through three films, and at the review. */
function drillWords(mode: GameMode): { briefing: string; where: string[]; said: string[]; review: string; reviewWhere: string } {
  let s = start(mode, 3);
  const briefing = sessionAnnouncement(null, s) ?? '';
  const where: string[] = [];
  const said: string[] = [];
  s = transition(s, { type: 'START_ROUND' });
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = transition(s, { type: 'CASE_SHOWN', now: i * 1000, truth: AUTHENTIC });
    said.push(sessionAnnouncement(before, s) ?? '');
    where.push(whereLine(s, null));
    s = transition(s, mode.answer === 'rating' ? { type: 'RATE', rating: 2 } : { type: 'READ', read: 'normal' });
    const given = s;
    s = transition(s, { type: 'CONFIRM', now: i * 1000 + 500 });
    said.push(sessionAnnouncement(given, s) ?? '');
  }
  return { briefing, where, said, review: reviewHeading(s), reviewWhere: whereLine(s, s.records[0] ?? null) };
}

describe('a drill speaks of films in one worklist', () => {
  it('unprompted: the status line, the top bar and the review say films, never cases or rounds, and name no fakes', () => {
    const w = drillWords(getMode('readiness'));
    expect(w.briefing).toBe('Reading exercise: 3 films, 120 seconds each. Press Enter to start.');
    expect(w.where).toEqual(['Reading exercise | Film 1/3', 'Reading exercise | Film 2/3', 'Reading exercise | Film 3/3']);
    expect(w.said[0]).toBe('Film 1 of 3. 120 seconds.');
    expect(w.review).toBe('Review of the worklist');
    expect(w.reviewWhere).toBe('Reading exercise | Review | Film 1 of 3');
    const before = [w.briefing, ...w.where, ...w.said.slice(0, -1)].join('\n');
    expect(before).not.toMatch(/\bcases?\b|\bround\b|fake/i);
    expect(w.said.at(-1)).toMatch(/^Answer given: read normal, not flagged\. Review of the worklist: /);
  });

  it('prompted: films too', () => {
    const w = drillWords(withSettings(getMode('readiness'), { answer: 'rating' }));
    expect([w.briefing, ...w.where, ...w.said, w.review, w.reviewWhere].join('\n')).not.toMatch(/\bcases?\b|\bround\b/i);
  });

  it('practice keeps its cases and rounds', () => {
    let s = start(getMode('practice'), 2, 3);
    expect(sessionAnnouncement(null, s)).toBe('Practice, round 1 of 3: 2 cases, 45 seconds each. Press Enter to start.');
    s = transition(transition(s, { type: 'START_ROUND' }), { type: 'CASE_SHOWN', now: 0, truth: AUTHENTIC });
    expect(whereLine(s, null)).toBe('Practice | Round 1/3 | Case 1/2');
    expect(reviewHeading(s)).toBe('Round 1 review');
  });

  it('the review of a round stopped after one answer says how many were answered', () => {
    let s = transition(start(getMode('practice'), 8), { type: 'START_ROUND' });
    s = transition(transition(s, { type: 'CASE_SHOWN', now: 0, truth: AUTHENTIC }), { type: 'RATE', rating: 2 });
    s = transition(s, { type: 'CONFIRM', now: 500 });
    const stopped: SessionState = { ...s, phase: 'roundReview' };
    expect(whereLine(stopped, stopped.records[0] ?? null)).toBe('Practice | Review of round 1 | Case 1 of 8, 1 answered');
  });
});

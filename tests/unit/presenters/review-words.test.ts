/**
 * User audit, December 2026: leaving a reviewed past session announced "Session stopped"; its status line said
 * "Enter moves to the next round" under a "Finish the session" button, in another date format than the list; a CME
 * module said "the score is the share of correct calls" yet showed points, a streak and "Points: -566".
 */
import { describe, expect, it } from 'vitest';
import { createResultsActions } from '../../../src/app/results-actions.js';
import { createCaseLibrary } from '../../../src/decks/index.js';
import { createStatusLine } from '../../../src/directors/status-line.js';
import {
  caseId, createSession, getMode, keepsPoints, summarise, toStoredSession, transition, visibleScore, withSettings, type CaseRecord, type GameMode, type SessionState, type StoredSession,
} from '../../../src/domain/index.js';
import { cmeRatingLines, historyLine, onwardLabel, reviewText, sessionAnnouncement, sessionWhen, summaryLines } from '../../../src/presenters/index.js';
import { createGameStore } from '../../../src/store/index.js';

const REAL = { kind: 'authentic', authenticityCues: [] } as const;

/** One round of two real images, both answered 5 (wrong); the session ends in its round review. */
function played(mode: GameMode): SessionState {
  let s = createSession({ mode: { ...mode, casesPerRound: 2, rounds: 1 }, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
  s = transition(s, { type: 'START_ROUND' });
  for (const now of [0, 2000]) {
    s = transition(s, { type: 'CASE_SHOWN', now, truth: REAL });
    s = transition(s, { type: 'RATE', rating: 5 });
    s = transition(s, { type: 'CONFIRM', now: now + 1000 });
    if (s.phase === 'caseReview') s = transition(s, { type: 'NEXT' });
  }
  return s;
}

const cmeMode = (id: string, feedback: GameMode['feedback']): GameMode =>
  withSettings(getMode('practice'), { id, name: 'Post-test', hooks: 'cme', feedback, rounds: 1, casesPerRound: 2, showScore: false });

describe('a past session under review', () => {
  it('the way on says where it leads, for the button and the status line alike', () => {
    const s = played(getMode('practice'));
    expect(s.phase).toBe('roundReview');
    expect(onwardLabel(s, false)).toBe('Finish the session');
    expect(onwardLabel(s, true)).toBe("See the session's figures");
    expect(onwardLabel(played(cmeMode('cme-post', 'end-of-session')), false)).toBe('See your result');
    const two = { ...s, config: { ...s.config, rounds: [...s.config.rounds, [caseId('c')]] } };
    // A past session's next round is reviewed, not played; a round without answers is passed over.
    expect(onwardLabel(two, true)).toBe("See the session's figures");
    const answered = { ...two, records: [...two.records, { ...(two.records[0] as CaseRecord), caseId: caseId('c'), round: 1, indexInRound: 0 }] };
    expect(onwardLabel(answered, true)).toBe('Review round 2');
    expect(onwardLabel(answered, false)).toBe('Next round');
  });

  it('opening one says the list\'s date and the button\'s words; closing it says "Review closed", not "Session stopped"', async () => {
    const stored: StoredSession = { ...toStoredSession(played(getMode('practice')), { id: 'past', startedAt: Date.UTC(2026, 11, 7, 7, 58), generator: 'test' }, 9), status: 'complete' };
    const store = createGameStore({ now: () => 5 });
    const said: string[] = [];
    const library = createCaseLibrary({ prepare: async () => { throw new Error('not needed'); }, dispose: () => undefined }, 4);
    const actions = createResultsActions({
      store, library, settingsKey: 'k', say: (t) => void said.push(t), now: () => 7,
      repo: { put: async () => undefined, list: async () => ({ sessions: [stored], unreadable: [] }), deleteAll: async () => undefined },
      persistence: { flush: async () => undefined, stop: () => undefined } as never,
      planFor: async () => [[{ id: caseId('a') }, { id: caseId('b') }] as never],
      generatorFor: async () => 'test',
    });
    const el = { textContent: '' } as HTMLElement;
    const line = createStatusLine(el, store);
    store.getState().setPastSessions([stored]);
    actions.openForReview(0);
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().reviewOnly).toBe(true);
    const opening = said.find((t) => t.startsWith('Reviewing')) ?? '';
    expect(opening).toBe(`Reviewing the session of ${sessionWhen(stored.startedAt)}: round 1. Enter: See the session's figures.`);
    expect(historyLine(stored).startsWith(`${sessionWhen(stored.startedAt)}: `)).toBe(true);
    store.getState().quitSession();
    expect(el.textContent).toMatch(/^Review closed: the session is unchanged and stays in your results and history\./);
    expect(el.textContent).not.toMatch(/stopped/);
    line.dispose();
  });

  it('a live session quit before its end is still "Session stopped"', () => {
    const s = played(getMode('practice'));
    expect(sessionAnnouncement(s, null)).toMatch(/^Session stopped: it stays in your results and history\./);
    expect(sessionAnnouncement(s, null, true)).toMatch(/^Review closed/);
  });
});

describe('a CME module keeps no points: its score is the share of correct calls, as it says', () => {
  it('no running points or streak, no points in the review, the round line or the announcement', () => {
    const practice = played(cmeMode('cme-practice', 'after-case'));
    const post = played(cmeMode('cme-post', 'end-of-session'));
    expect(cmeRatingLines(post.config.mode).join(' ')).toMatch(/the score is the share of correct calls/);
    expect(keepsPoints(post.config.mode)).toBe(false);
    expect(visibleScore(practice)).toBeNull();
    expect(visibleScore({ ...post, phase: 'summary' })).toBeNull();
    const rec = post.records[0];
    if (!rec) throw new Error('no record');
    expect(reviewText(rec, false).points).toBeNull();
    expect(summaryLines(summarise(post.records), false).join(' ')).not.toMatch(/Points/);
    const before = { ...post, phase: 'reading' as const };
    expect(sessionAnnouncement(before, post)).toMatch(/^Round 1 review: 0 of 2 answered correctly\. /);
    // Practice keeps its points and streak.
    expect(visibleScore(played(getMode('practice')))?.points).toBeLessThan(0);
  });
});

/**
 * Results and history while a session is under way: the list and the exports must not show its outcome before its
 * mode does, an unprompted drill must not be named before its review, and an unfinished session opens only when the
 * reader confirms that opening it ends it.
 */
import { describe, expect, it } from 'vitest';
import { createResultsActions } from '../../../src/app/results-actions.js';
import { createCaseLibrary } from '../../../src/decks/index.js';
import {
  caseId, createSession, endedSessions, getMode, hidesPurpose, toStoredSession, transition, type GameMode, type StoredSession,
} from '../../../src/domain/index.js';
import { keyToIntent } from '../../../src/input/index.js';
import { historyLine } from '../../../src/presenters/index.js';
import { createGameStore } from '../../../src/store/index.js';

function played(mode: GameMode, id: string): StoredSession {
  let s = createSession({ mode: { ...mode, casesPerRound: 2, rounds: 1 }, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
  s = transition(s, { type: 'START_ROUND' });
  s = transition(s, { type: 'CASE_SHOWN', now: 0, truth: { kind: 'authentic', authenticityCues: [] } });
  s = transition(s, { type: 'RATE', rating: 2 });
  s = transition(s, { type: 'CONFIRM', now: 1000 });
  return toStoredSession(s, { id, startedAt: 1, generator: 'test' }, 2);
}

describe('the results list during a session', () => {
  it('shows no figures for an unfinished session, and its figures once it has ended', () => {
    const open = played(getMode('practice'), 'p');
    expect(open.status).toBe('in-progress');
    expect(historyLine(open)).toMatch(/1 of 2 answered \(in progress; its figures show when it ends\)$/);
    expect(historyLine(open)).not.toMatch(/accuracy|points/);
    expect(historyLine({ ...open, status: 'abandoned' })).toMatch(/\(stopped\); accuracy 100%, \d+ points$/);
  });

  it('counts a time-out apart, as the summary does ("1 of 2 answered, 1 timed out"), not as answered (user audit)', () => {
    let s = createSession({ mode: { ...getMode('practice'), casesPerRound: 2, rounds: 1 }, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
    s = transition(s, { type: 'START_ROUND' });
    s = transition(s, { type: 'CASE_SHOWN', now: 0, truth: { kind: 'authentic', authenticityCues: [] } });
    s = transition(s, { type: 'RATE', rating: 2 });
    s = transition(s, { type: 'CONFIRM', now: 1000 });
    s = transition(s, { type: 'CASE_SHOWN', now: 2000, truth: { kind: 'authentic', authenticityCues: [] } });
    s = transition(s, { type: 'TICK', now: 2000 + s.config.mode.secondsPerCase * 1000 + 1 });
    const stored = toStoredSession(s, { id: 't', startedAt: 1, generator: 'test' }, 2);
    expect(stored.answers.map((a) => a.timedOut)).toEqual([false, true]);
    expect(historyLine(stored)).toMatch(/\. 1 of 2 answered, 1 timed out \(in progress; /);
    expect(historyLine({ ...stored, status: 'complete' })).toMatch(/\. 1 of 2 answered, 1 timed out \(complete\); accuracy 100%, /);
  });

  it('names an unprompted drill under way as its reader saw it', () => {
    const line = historyLine(played(getMode('drill'), 'd'));
    expect(line).toMatch(/Reading exercise/);
    expect(line).not.toMatch(/drill|fake|synthetic/i);
  });

  it('exports leave unfinished sessions out and count them', () => {
    const open = played(getMode('practice'), 'p');
    const done = { ...played(getMode('practice'), 'q'), status: 'complete' as const };
    expect(endedSessions([open, done])).toEqual({ sessions: [done], unfinished: 1 });
  });
});

describe('an unprompted drill before its review', () => {
  it('offers neither the atlas nor the results list, by key or from the menu; a prompted drill and practice do', () => {
    let s = createSession({ mode: getMode('drill'), deckId: 'demo', seed: 1, rounds: [[caseId('a')]] });
    expect(hidesPurpose(s)).toBe(true);
    for (const screen of ['game', 'menu'] as const) {
      for (const key of ['a', 'r']) expect(keyToIntent(key, { phase: 'briefing', screen, purposeHidden: true })).toBeNull();
    }
    expect(keyToIntent('a', { phase: 'briefing', screen: 'game' })).toEqual({ type: 'atlas' });
    s = { ...s, phase: 'roundReview' };
    expect(hidesPurpose(s)).toBe(false);
    expect(hidesPurpose({ ...s, config: { ...s.config, mode: { ...getMode('drill'), answer: 'rating' } }, phase: 'reading' })).toBe(false);
    expect(hidesPurpose({ ...s, config: { ...s.config, mode: getMode('practice') }, phase: 'reading' })).toBe(false);
  });
});

describe('opening an unfinished session for review', () => {
  it('asks first; opened again, it is ended (stopped) and reviewed', async () => {
    const open = played(getMode('practice'), 'left-earlier');
    const store = createGameStore({ now: () => 5 });
    const puts: StoredSession[] = [];
    const library = createCaseLibrary({ prepare: async () => { throw new Error('not needed'); }, dispose: () => undefined }, 4);
    const actions = createResultsActions({
      store, library, settingsKey: 'k', say: () => undefined, now: () => 7,
      repo: { put: async (s) => void puts.push(s), list: async () => ({ sessions: [open], unreadable: [] }), deleteAll: async () => undefined },
      persistence: { flush: async () => undefined, stop: () => undefined } as never,
      planFor: async () => [[{ id: caseId('a') }, { id: caseId('b') }] as never],
      generatorFor: async () => 'test',
    });
    store.getState().setPastSessions([open]);
    actions.openForReview(0);
    expect(store.getState().screen.error).toMatch(/^End this unfinished session\?\n.*truth of every answer/);
    expect(store.getState().session).toBeNull();
    store.getState().setError(null);
    actions.openForReview(0);
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
    expect(puts).toEqual([{ ...open, status: 'abandoned', openCase: null, updatedAt: 7 }]);
    expect(store.getState().session?.phase).toBe('roundReview');
  });
});

import { describe, expect, it } from 'vitest';
import { caseId, getMode, withSettings, type CaseTruth, type Phase } from '../../../src/domain/index.js';
import { closeModuleTestsAtTheirEnd, MODULE_MODE_IDS } from '../../../src/app/index.js';
import { createGameStore } from '../../../src/store/index.js';

/**
 * A module's pre-test must end without anything seeing its review (the verdicts would tell the answers): the closing
 * subscriber comes first, and every later subscriber (screens, sound, status line) sees the session go straight from
 * the last case to none. The post-test ends after its review.
 */
const REAL: CaseTruth = { kind: 'authentic', authenticityCues: [] };

function play(modeId: string, feedback: 'end-of-session' | 'after-case', hooks: 'cme' | 'practice' = 'cme') {
  let now = 1_000;
  const store = createGameStore({ now: () => now });
  const ends = closeModuleTestsAtTheirEnd(store);
  const ended: number[] = [];
  ends.onEnd((s) => ended.push(s.records.length));
  const seen: (Phase | null)[] = [];
  store.subscribe((st) => st.session?.phase ?? null, (p) => seen.push(p));
  const mode = withSettings(getMode('practice'), { id: modeId, hooks, feedback, rounds: 1, casesPerRound: 2, showScore: false });
  store.getState().startSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] }, { id: 's', startedAt: 0, generator: 'g' });
  const st = () => store.getState();
  st().startRound();
  for (let i = 0; i < 2; i++) {
    st().caseShown(REAL);
    now += 1000;
    st().rate(2);
    st().confirm();
    if (st().session?.phase === 'caseReview') st().next();
  }
  return { store, seen, ended };
}

describe('closing a module test at its end', () => {
  it('closes the pre-test at its last answer: no later subscriber ever sees its review', () => {
    const { store, seen, ended } = play(MODULE_MODE_IDS.pre, 'end-of-session');
    expect(store.getState().session).toBeNull();
    expect(seen).not.toContain('roundReview');
    expect(seen.at(-1)).toBeNull();
    expect(ended).toEqual([2]);
  });

  it('keeps the post-test open for its review, and closes it before its summary', () => {
    const { store, seen, ended } = play(MODULE_MODE_IDS.post, 'end-of-session');
    expect(store.getState().session?.phase).toBe('roundReview');
    expect(ended).toEqual([]);
    store.getState().continueSession();
    expect(store.getState().session).toBeNull();
    expect(seen).not.toContain('summary');
    expect(ended).toEqual([2]);
  });

  it("leaves the game's own sessions alone", () => {
    const { store, ended } = play('practice', 'end-of-session', 'practice');
    expect(store.getState().session?.phase).toBe('roundReview');
    expect(ended).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ARTIFACT_CATEGORIES, caseId, getMode, SIGN_KEYS, withSettings, type CaseTruth } from '../../../src/domain/index.js';
import { dispatchIntent, keyToIntent, type IntentDeps, type KeyContext } from '../../../src/input/index.js';
import { createGameStore } from '../../../src/store/index.js';

const reading: KeyContext = { phase: 'reading', screen: 'game' };
const AUTHENTIC: CaseTruth = { kind: 'authentic', authenticityCues: [] };

describe('the kinds of sign in a drill have keys of their own', () => {
  it('one letter each, none of them a key a film being read already uses (1/2, 1-6, F, viewer, header, lenses)', () => {
    const keys = ARTIFACT_CATEGORIES.map((c) => SIGN_KEYS[c]);
    expect(new Set(keys).size).toBe(ARTIFACT_CATEGORIES.length);
    for (const k of keys) {
      expect(k, k).toMatch(/^[A-Z]$/);
      for (const ctx of [reading, { ...reading, module: true }, { ...reading, purposeHidden: true, atlasBarred: true }]) {
        expect(keyToIntent(k.toLowerCase(), ctx), `${k} is free while reading`).toBeNull();
      }
    }
  });

  it('while the sign list is open each letter names its sign, and 1 and 2 still give the read', () => {
    const open = { ...reading, signsOpen: true, purposeHidden: true, atlasBarred: true };
    for (const c of ARTIFACT_CATEGORIES) expect(keyToIntent(SIGN_KEYS[c].toLowerCase(), open)).toEqual({ type: 'nameTell', category: c });
    expect(keyToIntent('2', open)).toEqual({ type: 'rate', rating: 2 });
    expect(keyToIntent('u', { ...open, phase: 'roundReview' })).toBeNull();
  });

  it("pressing a sign's key names it, again takes it back, and the read stays as it was", () => {
    const store = createGameStore({ now: () => 0 });
    const deps: IntentDeps = { store, startSession: () => undefined, toTitle: () => undefined };
    const mode = withSettings(getMode('readiness'), { casesPerRound: 2 });
    store.getState().startSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] }, { id: 's', startedAt: 0, generator: 'test' });
    store.getState().startRound();
    store.getState().caseShown(AUTHENTIC);
    dispatchIntent({ type: 'rate', rating: 1 }, deps);
    dispatchIntent({ type: 'flag' }, deps);
    dispatchIntent({ type: 'nameTell', category: 'texture-noise' }, deps);
    expect(store.getState().session).toMatchObject({ read: 'normal', flagged: true, tellNamed: 'texture-noise' });
    dispatchIntent({ type: 'nameTell', category: 'texture-noise' }, deps);
    expect(store.getState().session).toMatchObject({ read: 'normal', flagged: true, tellNamed: null });
  });
});

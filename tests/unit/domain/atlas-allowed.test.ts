import { describe, expect, it } from 'vitest';
import { atlasAllowed, getMode, withSettings, type GameMode } from '../../../src/domain/index.js';
import { keyToIntent } from '../../../src/input/index.js';
import { trainingSettings } from '../../../src/delivery/index.js';

const at = (mode: GameMode, phase: string) => ({ config: { mode }, phase });
const cmeTest = withSettings(getMode('practice'), { id: 'cme-pre', rounds: 1, feedback: 'end-of-session', allowPause: false, showScore: false, hooks: 'cme' });
const cmePractice = withSettings(cmeTest, { id: 'cme-practice', feedback: 'after-case', allowPause: true });
const drill = getMode('readiness');
const prompted = withSettings(drill, { answer: 'rating' });

describe('the artifact atlas during a test or a drill', () => {
  it('is barred while a CME test or any readiness drill is read, from its briefing to its last answer', () => {
    for (const mode of [cmeTest, drill, prompted]) {
      for (const phase of ['briefing', 'loading', 'reading', 'timedOut']) expect(atlasAllowed(at(mode, phase)), `${mode.id} ${phase}`).toBe(false);
    }
  });

  it('opens again at their review, and any time in practice, training, a module practice round and on the title screen', () => {
    for (const mode of [cmeTest, drill, prompted]) expect(atlasAllowed(at(mode, 'roundReview')), mode.id).toBe(true);
    for (const mode of [getMode('practice'), getMode('tell-drill'), trainingSettings(), cmePractice]) expect(atlasAllowed(at(mode, 'reading')), mode.id).toBe(true);
    expect(atlasAllowed(null)).toBe(true);
  });

  it('A does nothing in the game or its menu while barred, in a module too', () => {
    for (const screen of ['game', 'menu'] as const) {
      expect(keyToIntent('a', { phase: 'reading', screen, module: true, atlasBarred: true })).toBeNull();
      expect(keyToIntent('a', { phase: 'briefing', screen, atlasBarred: true })).toBeNull();
    }
    expect(keyToIntent('a', { phase: 'reading', screen: 'menu' })).toEqual({ type: 'atlas' });
  });
});

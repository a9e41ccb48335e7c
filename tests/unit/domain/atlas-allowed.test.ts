import { describe, expect, it } from 'vitest';
import { atlasAllowed, getMode, withSettings, type GameMode } from '../../../src/domain/index.js';
import { keyToIntent } from '../../../src/input/index.js';
import { trainingSettings } from '../../../src/delivery/index.js';
import { helpRows } from '../../../src/presenters/index.js';
import { atlasOpenNow, type GameState } from '../../../src/store/index.js';

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

  it("stays closed on a CME module's pages before its pre-test and on a drill module's pages; opens from the teaching on", () => {
    expect(atlasAllowed(null, { drill: false, beforePreTest: true })).toBe(false);
    expect(atlasAllowed(null, { drill: true, beforePreTest: false })).toBe(false);
    expect(atlasAllowed(null, { drill: false, beforePreTest: false })).toBe(true);
    const page = (step: string, test: string | null, drill: object | null = null): GameState =>
      ({ session: null, cme: { module: { step, test, drill } } }) as unknown as GameState;
    expect(['loading', 'start'].map((step) => atlasOpenNow(page(step, null)))).toEqual([false, false]);
    expect(atlasOpenNow(page('resume', 'pre')), 'back into the pre-test').toBe(false);
    expect(atlasOpenNow(page('resume', 'post')), 'back into the post-test, after the teaching').toBe(true);
    expect(['teaching', 'post-result', 'evaluation', 'certificate'].map((step) => atlasOpenNow(page(step, null)))).toEqual([true, true, true, true]);
    expect(atlasOpenNow(page('start', null, { title: 'Worklist' })), "a drill module's start page").toBe(false);
    expect(atlasOpenNow({ session: null, cme: { module: null } } as unknown as GameState), 'the title screen').toBe(true);
    // A on the page does nothing, and its help does not list it.
    expect(keyToIntent('a', { phase: 'title', screen: 'game', module: true, atlasBarred: true })).toBeNull();
    expect(keyToIntent('a', { phase: 'title', screen: 'game', module: true })).toEqual({ type: 'atlas' });
    expect(helpRows({ session: null, module: true, atlas: false }).map(([k]) => k)).not.toContain('A');
    expect(helpRows({ session: null, module: true, atlas: true }).map(([k]) => k)).toContain('A');
  });
});

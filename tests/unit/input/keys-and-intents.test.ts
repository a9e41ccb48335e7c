import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, transition, type CaseTruth } from '../../../src/domain/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { dispatchIntent, keyToIntent, type Intent } from '../../../src/input/index.js';

const fake: CaseTruth = { kind: 'forged', recipe: [], tells: [] };
const real: CaseTruth = { kind: 'authentic', authenticityCues: [] };

function game() {
  let t = 0;
  const store = createGameStore({ now: () => t });
  let started = 0;
  let titled = 0;
  const press = (key: string): void => {
    const st = store.getState();
    const intent = keyToIntent(key, { phase: st.session?.phase ?? 'title', menuOpen: st.ui.menuOpen });
    if (intent) dispatchIntent(intent, deps);
  };
  const deps = {
    store,
    startSession: () => {
      started++;
      const mode = { ...getMode('practice'), casesPerRound: 2, rounds: 1, secondsPerCase: 10 };
      store.getState().startSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a'), caseId('b')]] });
    },
    toTitle: () => {
      titled++;
      store.getState().quitSession();
    },
  };
  return { store, press, advance: (ms: number) => (t += ms), counts: () => ({ started, titled }) };
}

describe('the stable controls drive the game', () => {
  it('Enter starts practice from the title, then the round; digits rate only while reading', () => {
    const g = game();
    g.press('Enter');
    expect(g.counts().started).toBe(1);
    expect(g.store.getState().session?.phase).toBe('briefing');
    g.press('3');
    expect(g.store.getState().session?.records).toHaveLength(0);
    g.press('Enter');
    g.store.getState().caseShown(fake);
    g.advance(2500);
    g.press('5');
    expect(g.store.getState().session?.records[0]).toMatchObject({ rating: 5, timeMs: 2500 });
    g.press('Enter');
    g.store.getState().caseShown(real);
    g.press('2');
    g.press('Enter');
    expect(g.store.getState().session?.phase).toBe('roundReview');
    g.press('ArrowRight');
    expect(g.store.getState().ui.reviewIndex).toBe(1);
    g.press('ArrowRight');
    expect(g.store.getState().ui.reviewIndex).toBe(0);
    g.press('t');
    expect(g.store.getState().ui.tellsVisible).toBe(false);
    g.press('c');
    expect(g.store.getState().ui.compare).toBe('original');
    g.press('Enter');
    expect(g.store.getState().session?.phase).toBe('summary');
    g.press('Enter');
    expect(g.counts().titled).toBe(1);
    expect(g.store.getState().session).toBeNull();
  });

  it('I, Space, M, P, S and Esc act on the view, sound and menu; Esc pauses the clock', () => {
    const g = game();
    g.press('Enter');
    g.press('Enter');
    g.store.getState().caseShown(real);
    g.press('i');
    g.press('m');
    g.press('p');
    expect(g.store.getState().view).toMatchObject({ inverted: true, magnifier: true, preset: 'wide' });
    g.press(' ');
    expect(g.store.getState().view).toMatchObject({ inverted: false, preset: 'default', resetCount: 1 });
    g.press('s');
    expect(g.store.getState().settings.muted).toBe(true);
    g.press('Escape');
    expect(g.store.getState().ui.menuOpen).toBe(true);
    expect(g.store.getState().session?.pausedAt).not.toBeNull();
    g.press('4');
    expect(g.store.getState().session?.records).toHaveLength(0);
    g.press('Escape');
    expect(g.store.getState().session?.pausedAt).toBeNull();
  });

  it('every menu button has its key: R results, A atlas, +/- volume, Q quits to the title and Q does nothing outside the menu', () => {
    const g = game();
    g.press('Enter');
    g.press('Enter');
    g.store.getState().caseShown(real);
    g.press('q');
    expect(g.store.getState().session?.phase).toBe('reading');
    g.press('Escape');
    const volume = g.store.getState().settings.volume;
    g.press('+');
    expect(g.store.getState().settings.volume).toBeCloseTo(volume + 0.1);
    g.press('-');
    expect(g.store.getState().settings.volume).toBeCloseTo(volume);
    g.press('4');
    expect(g.store.getState().session?.records).toHaveLength(0);
    expect(keyToIntent('r', { phase: 'reading', menuOpen: true })).toEqual({ type: 'history' });
    expect(keyToIntent('A', { phase: 'reading', menuOpen: true })).toEqual({ type: 'atlas' });
    g.press('q');
    expect(g.store.getState().session).toBeNull();
    expect(g.store.getState().ui.menuOpen).toBe(false);
  });

  it('compare and flicker do nothing on a real case', () => {
    const g = game();
    g.press('Enter');
    g.press('Enter');
    g.store.getState().caseShown(real);
    g.press('1');
    g.press('Enter');
    g.store.getState().caseShown(real);
    g.press('1');
    g.press('Enter');
    g.press('c');
    g.press('f');
    expect(g.store.getState().ui).toMatchObject({ compare: 'fake', flicker: false });
  });

  it('volume persists through the settings storage and is clamped', () => {
    const saved: unknown[] = [];
    const store = createGameStore({ now: () => 0, settingsStorage: { load: () => ({ volume: 0.3, muted: true }), save: (s) => saved.push(s) } });
    expect(store.getState().settings).toEqual({ volume: 0.3, muted: true });
    const intent: Intent = { type: 'volume', delta: 0.1 };
    for (let i = 0; i < 12; i++) dispatchIntent(intent, { store, startSession: () => undefined, toTitle: () => undefined });
    expect(store.getState().settings.volume).toBe(1);
    expect(saved.at(-1)).toEqual({ volume: 1, muted: true });
  });

  it('ignores stored settings that are not valid', () => {
    const store = createGameStore({ now: () => 0, settingsStorage: { load: () => ({ volume: 7 as number, muted: 'yes' as unknown as boolean }), save: () => undefined } });
    expect(store.getState().settings).toEqual({ volume: 0.6, muted: false });
  });
});

describe('a session can be built straight from the domain as well', () => {
  it('transition is what the store uses', () => {
    const mode = { ...getMode('practice'), casesPerRound: 1, rounds: 1 };
    const s = createSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('x')]] });
    expect(transition(s, { type: 'START_ROUND' }).phase).toBe('loading');
  });
});

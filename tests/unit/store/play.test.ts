import { describe, expect, it } from 'vitest';
import { headerScore, reviewedRecord } from '../../../src/store/index.js';
import { TELL_CENTRE, testGame } from '../../helpers/test-game.js';

describe('playing with the keys (store, key map, intents)', () => {
  it('Enter starts practice from the title, then the round; a digit chooses a rating that Enter gives', () => {
    const g = testGame();
    g.key('Enter');
    expect(g.state().phase).toBe('briefing');
    g.key('3');
    expect(g.state().records).toHaveLength(0);
    g.key('Enter');
    g.show();
    g.advance(2500);
    g.key('5');
    g.key('2');
    expect(g.state()).toMatchObject({ phase: 'reading', rating: 2, records: [] });
    g.key('Enter');
    expect(g.state().records[0]).toMatchObject({ rating: 2, timeMs: 2500 });
  });

  it('start practice with seed 7: answer 6 on case 1, let the clock run out on case 2, review, summary, title', () => {
    const g = testGame();
    g.startPractice({ seed: 7, cases: 2, seconds: 10 });
    g.key('Enter');
    g.show();
    g.answer(6);
    g.show();
    g.advance(10_000);
    expect(g.state().phase).toBe('timedOut');
    expect(g.state().records[1]).toMatchObject({ rating: null, timedOut: true });
    g.key('Enter');
    expect(g.state().phase).toBe('roundReview');
    g.key('ArrowRight');
    expect(g.store.getState().screen.review.index).toBe(1);
    g.key('ArrowRight');
    expect(g.store.getState().screen.review.index).toBe(0);
    g.key('t');
    expect(g.store.getState().screen.review.tellsVisible).toBe(false);
    g.key('Enter');
    expect(g.state().phase).toBe('summary');
    g.key('Enter');
    expect(g.store.getState().session).toBeNull();
  });

  it('a screen over a case pauses its clock, and closing it resumes; the menu does not pause a no-pause mode', () => {
    const g = testGame();
    g.startPractice({ cases: 1, seconds: 10 });
    g.key('Enter');
    g.show();
    g.advance(2000);
    for (const [open, close] of [['Escape', 'Escape'], ['h', 'h']] as const) {
      g.key(open);
      expect(g.state().pausedAt).not.toBeNull();
      g.advance(60_000);
      g.key(close);
      expect(g.store.getState().screen.name).toBe('game');
      expect(g.state().pausedAt).toBeNull();
    }
    g.store.getState().setError('Something\nwent wrong');
    expect(g.state().pausedAt).not.toBeNull();
    g.key('Enter');
    expect(g.store.getState().screen.error).toBeNull();
    g.advance(7900);
    expect(g.state().phase).toBe('reading');
    const strict = testGame();
    strict.startPractice({ cases: 1, seconds: 10, mode: { allowPause: false } });
    strict.key('Enter');
    strict.show();
    strict.key('Escape');
    strict.advance(10_000);
    expect(strict.state().phase).toBe('timedOut');
  });

  it('help opened from the menu returns to the menu; one screen at a time', () => {
    const g = testGame();
    g.startPractice();
    g.key('Escape');
    g.key('h');
    expect(g.store.getState().screen).toMatchObject({ name: 'help', back: 'menu' });
    g.key('Escape');
    expect(g.store.getState().screen.name).toBe('menu');
    g.key('r');
    expect(g.store.getState().screen.name).toBe('history');
    g.key('Escape');
    expect(g.store.getState().screen.name).toBe('menu');
  });

  it('tools and lenses the mode withholds do nothing', () => {
    const g = testGame();
    g.startPractice({ mode: { tools: ['zoom'], lenses: ['noise'] } });
    g.key('Enter');
    g.show();
    g.key('i');
    g.key('m');
    g.key('q');
    expect(g.store.getState().view).toMatchObject({ inverted: false, magnifier: false, lens: null });
    g.key('n');
    expect(g.store.getState().view.lens).toBe('noise');
    expect(g.state().toolsUsed).toEqual(['lens']);
  });

  it('the header shows no running points before the round review in an after-round mode, and the streak only after each case', () => {
    const g = testGame();
    g.startPractice({ cases: 2, seconds: 30 });
    g.key('Enter');
    g.show();
    const truth = g.truthOnScreen();
    g.answer(truth.kind === 'authentic' ? 1 : 6);
    expect(g.state().points).toBeGreaterThan(0);
    expect(headerScore(g.store.getState())).toEqual({ points: 0, streak: 0, bestStreak: 0 });
    const after = testGame();
    after.startPractice({ cases: 2, mode: { feedback: 'after-case' } });
    after.key('Enter');
    after.show();
    after.answer(after.truthOnScreen().kind === 'authentic' ? 1 : 6);
    expect(after.state().phase).toBe('caseReview');
    expect(reviewedRecord(after.store.getState())?.score.correct).toBe(true);
    expect(headerScore(after.store.getState())).toMatchObject({ points: after.state().points, streak: 1 });
  });

  it('only a mark inside a tell with a place on the image earns the localisation bonus', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const g = testGame();
      g.startPractice({ seed, cases: 6 });
      g.key('Enter');
      for (let i = 0; i < 6; i++) {
        g.show();
        const truth = g.truthOnScreen();
        g.store.getState().toggleMark(TELL_CENTRE, 1);
        g.answer(truth.kind === 'authentic' ? 1 : 6);
        const rec = g.state().records[i];
        const whole = truth.kind === 'forged' && truth.tells.every((t) => t.extent === 'whole-image');
        expect(rec?.score.localised).toBe(truth.kind === 'forged' && !whole);
      }
    }
  });

  it('Up and Down in the packs list stop at the ends instead of wrapping into another deck', () => {
    const g = testGame();
    g.store.getState().setPackList([
      { id: 'a', title: 'A', author: '', licence: '', cases: 1, fakes: 0, flaggedCases: 0, reviewed: true },
    ]);
    g.key('k');
    g.key('ArrowUp');
    expect(g.store.getState().packs.index).toBe(0);
    g.key('ArrowDown');
    g.key('ArrowDown');
    expect(g.store.getState().packs.index).toBe(1);
  });
});

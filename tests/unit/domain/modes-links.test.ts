import { describe, expect, it } from 'vitest';
import { GameModeSchema, MODES, createRng, fakesInRound, getMode, parseDeepLink, shuffled } from '../../../src/domain/index.js';

const reader = (q: string): [string, string][] => [...new URLSearchParams(q)];

describe('modes are validated data', () => {
  it('every shipped mode passes the schema', () => {
    for (const m of Object.values(MODES)) expect(GameModeSchema.parse(m)).toEqual(m);
  });
  it('an unknown mode names the known ones', () => {
    expect(() => getMode('ranked')).toThrow(/Known modes: practice, tell-drill/);
  });
  it('fakes per round follow the share', () => {
    expect(fakesInRound(6, 0.5, false)).toBe(3);
    expect([fakesInRound(5, 0.5, false), fakesInRound(5, 0.5, true)]).toEqual([2, 3]);
  });
});

describe('deep links', () => {
  it('names every problem of its parameters at once: an unknown name and a bad value together', () => {
    const r = parseDeepLink(reader('mode=practice&cases=abc&foo=1&seconds=x'));
    expect(r.ok).toBe(false);
    const error = r.ok ? '' : r.error;
    expect(error).toMatch(/^Deep link: the game does not know the parameter "foo"\. Known: .*\. "cases" must be a whole number from 1 to 200, got "abc"\. "seconds" must be a whole number from 5 to 600, got "x"\.$/);
  });

  it('start practice with overrides', () => {
    const r = parseDeepLink(reader('?mode=practice&deck=demo&seed=7&cases=4&seconds=20'));
    expect(r).toMatchObject({ ok: true, link: { deckId: 'demo', seed: 7, mode: { casesPerRound: 4, secondsPerCase: 20, rounds: 3 } } });
  });
  it('no mode means no deep link', () => {
    expect(parseDeepLink(reader(''))).toEqual({ ok: true, link: null });
  });
  it('accepts every mode setting', () => {
    const r = parseDeepLink(reader('?mode=practice&prevalence=0.05&feedback=end-of-session&pause=0&score=0&tools=zoom,pan&lenses=none&levels=expert&tell=A9&rounds=1&cases=40'));
    expect(r).toMatchObject({
      ok: true,
      link: { mode: { fakeShare: 0.05, feedback: 'end-of-session', allowPause: false, showScore: false, tools: ['zoom', 'pan'], lenses: [], levels: ['expert'], focus: { artifactId: 'A9' }, casesPerRound: 40 } },
    });
    expect(parseDeepLink(reader('?mode=practice&category=frequency'))).toMatchObject({ ok: true, link: { mode: { focus: { category: 'frequency' } } } });
    expect(parseDeepLink(reader('?mode=practice&prevalence=0'))).toMatchObject({ ok: true, link: { mode: { fakeShare: 0 } } });
  });
  it.each([
    ['?mode=practice&seconds=abc', /"seconds" must be a whole number/],
    ['?mode=practice&cases=0', /"cases" must be from 1 to 200/],
    ['?mode=blitz', /Unknown game mode "blitz"/],
    ['?mode=practice&deck=../x', /"deck" must be a deck id/],
    ['?mode=practice&fakes=3', /does not know the parameter "fakes".*prevalence/],
    ['?mode=practice&prevalance=0.1', /does not know the parameter "prevalance"/],
    ['?mode=practice&prevalence=1.5', /"prevalence" must be a share from 0 to 1/],
    ['?mode=practice&feedback=never', /"feedback" must be one of after-case, after-round, end-of-session/],
    ['?mode=practice&tools=zoom,laser', /"tools" must be a comma-separated list/],
    ['?mode=practice&tell=Z9', /"tell" must be an artifact id/],
    ['?mode=practice&seed=1&seed=2', /"seed" is given twice/],
    ['?seed=4', /without "mode"/],
  ])('%s is refused with a clear message', (q, msg) => {
    const r = parseDeepLink(reader(q));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('seeded rng', () => {
  it('is reproducible and forks independently', () => {
    const a = createRng(7);
    const b = createRng(7);
    expect([a.next(), a.next(), a.normal()]).toEqual([b.next(), b.next(), b.normal()]);
    expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
    expect(createRng(7).fork('x').next()).not.toBe(createRng(7).fork('y').next());
    expect(createRng(8).next()).not.toBe(createRng(7).next());
  });
  it('produces roughly uniform and normal values', () => {
    const r = createRng(1);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.97);
    expect(sd).toBeLessThan(1.03);
    expect(shuffled([1, 2, 3, 4, 5], createRng(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

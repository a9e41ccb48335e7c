import { describe, expect, it } from 'vitest';
import { GameModeSchema, MODES, createRng, fakesInRound, getMode, parseDeepLink, shuffled } from '../../../src/domain/index.js';

const reader = (q: string) => {
  const p = new URLSearchParams(q);
  return (n: string) => p.get(n);
};

describe('modes are validated data', () => {
  it('every shipped mode passes the schema', () => {
    for (const m of Object.values(MODES)) expect(GameModeSchema.parse(m)).toEqual(m);
  });
  it('an unknown mode names the known ones', () => {
    expect(() => getMode('ranked')).toThrow(/Known modes: practice/);
  });
  it('fakes per round follow the share', () => {
    expect(fakesInRound(6, 0.5, false)).toBe(3);
    expect([fakesInRound(5, 0.5, false), fakesInRound(5, 0.5, true)]).toEqual([2, 3]);
  });
});

describe('deep links', () => {
  it('start practice with overrides', () => {
    const r = parseDeepLink(reader('?mode=practice&deck=demo&seed=7&cases=4&seconds=20'));
    expect(r).toMatchObject({ ok: true, link: { deckId: 'demo', seed: 7, mode: { casesPerRound: 4, secondsPerCase: 20, rounds: 3 } } });
  });
  it('no mode means no deep link', () => {
    expect(parseDeepLink(reader(''))).toEqual({ ok: true, link: null });
  });
  it.each([
    ['?mode=practice&seconds=abc', /"seconds" must be a whole number/],
    ['?mode=practice&cases=0', /"cases" must be between 1 and 50/],
    ['?mode=blitz', /Unknown game mode "blitz"/],
    ['?mode=practice&deck=../x', /"deck" must be a deck id/],
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

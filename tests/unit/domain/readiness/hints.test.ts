import { describe, expect, it } from 'vitest';
import { assignHints, hintCondition, type HintCase } from '../../../../src/domain/index.js';

/** A worklist of n films with k fakes (the ids say which, for the test's own bookkeeping only). */
const worklist = (n: number, k: number): HintCase[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, fake: i < k }));

describe('the AI-hint arm is balanced', () => {
  it('gives each reader a badge on exactly half the films, half of the fakes and half of the authentic films', () => {
    for (const [n, k] of [[40, 2], [20, 2], [21, 3], [40, 0], [7, 7]] as const) {
      for (let r = 0; r < 50; r++) {
        const cases = worklist(n, k);
        const hints = assignHints(cases, 0.8, `reader-${r}`);
        const ids = Object.keys(hints);
        expect(Math.abs(ids.length - n / 2)).toBeLessThanOrEqual(0.5);
        const hintedFakes = ids.filter((id) => cases.find((c) => c.id === id)?.fake).length;
        expect(Math.abs(hintedFakes - k / 2)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is right on the lead\'s share within the fakes and within the authentic films, over readers', () => {
    const cases = worklist(40, 4);
    const tally = { fake: [0, 0], authentic: [0, 0] };
    for (let r = 0; r < 800; r++) {
      const hints = assignHints(cases, 0.8, `reader-${r}`);
      for (const c of cases) {
        const h = hints[c.id];
        if (!h) continue;
        const slot = tally[c.fake ? 'fake' : 'authentic'];
        slot[hintCondition(c.fake ? 'fake' : 'authentic', h) === 'right' ? 0 : 1]! += 1;
      }
    }
    const share = (t: number[]) => t[0]! / (t[0]! + t[1]!);
    // Errors fall on both kinds: a wrong "authentic" badge on fakes and a wrong "manipulated" badge on authentic films.
    expect(share(tally.fake)).toBeGreaterThan(0.76);
    expect(share(tally.fake)).toBeLessThan(0.84);
    expect(share(tally.authentic)).toBeGreaterThan(0.78);
    expect(share(tally.authentic)).toBeLessThan(0.82);
  });

  it('shows every film with and without a badge across readers, about equally', () => {
    const cases = worklist(20, 2);
    const hinted = new Map(cases.map((c) => [c.id, 0]));
    const readers = 600;
    for (let r = 0; r < readers; r++) for (const id of Object.keys(assignHints(cases, 0.8, `key-${r}`))) hinted.set(id, (hinted.get(id) ?? 0) + 1);
    for (const [, n] of hinted) expect(Math.abs(n / readers - 0.5)).toBeLessThan(0.08);
  });

  it('is the same for one reader after a reload and differs between readers', () => {
    const cases = worklist(40, 3);
    expect(assignHints(cases, 0.8, 'AAAA-BBBB')).toEqual(assignHints(cases, 0.8, 'AAAA-BBBB'));
    expect(assignHints(cases, 0.8, 'AAAA-BBBB')).not.toEqual(assignHints(cases, 0.8, 'CCCC-DDDD'));
  });

  it('follows the accuracy at its ends, and names the three conditions', () => {
    const cases = worklist(10, 4);
    const always = assignHints(cases, 1, 'x');
    const never = assignHints(cases, 0, 'x');
    for (const c of cases) {
      if (always[c.id]) expect(hintCondition(c.fake ? 'fake' : 'authentic', always[c.id])).toBe('right');
      if (never[c.id]) expect(hintCondition(c.fake ? 'fake' : 'authentic', never[c.id])).toBe('wrong');
    }
    expect(hintCondition('fake', null)).toBe('none');
    expect(() => assignHints(cases, 1.5, 'x')).toThrow(/accuracy must be from 0 to 1/);
  });
});

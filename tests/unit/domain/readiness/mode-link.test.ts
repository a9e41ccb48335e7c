import { describe, expect, it } from 'vitest';
import {
  binomialProbability, createRng, drillAvailability, GameModeSchema, getMode, MODES, parseDeepLink, worklistFakeCount,
} from '../../../../src/domain/index.js';
import { planDemoDeck } from '../../../../src/decks/index.js';
import { TECHNIQUES } from '../../../helpers/test-game.js';

const link = (q: string) => parseDeepLink([...new URLSearchParams(q)]);

describe('the readiness-drill mode', () => {
  it('is MODES.readiness, id "drill", with the issue\'s defaults', () => {
    const m = getMode('drill');
    expect(m).toBe(MODES.readiness);
    expect(m).toMatchObject({ casesPerRound: 40, fakeShare: 0.05, rounds: 1, feedback: 'end-of-session', showScore: false, answer: 'read-and-flag', lenses: [] });
    expect(m.drill).toEqual({ aiHint: null, opens: null, closes: null, title: null, briefing: null });
  });

  it('refuses settings that would make it something else, naming each', () => {
    const base = getMode('drill');
    const issues = (patch: object) => GameModeSchema.safeParse({ ...base, ...patch }).error?.issues.map((i) => i.message).join(' | ') ?? '';
    expect(issues({ rounds: 2 })).toMatch(/"rounds" must be 1/);
    expect(issues({ fakeShare: 0.6 })).toMatch(/"prevalence" of a readiness drill must be from 0 to 0.5/);
    expect(issues({ feedback: 'after-case' })).toMatch(/feedback only at the end/);
    expect(issues({ showScore: true })).toMatch(/no running score/);
    expect(issues({ drill: { ...base.drill, aiHint: { accuracy: 0.8 } } })).toMatch(/"aiHint" needs a prompted drill/);
    expect(issues({ answer: 'rating', drill: { ...base.drill, aiHint: { accuracy: 0.8 } } })).toBe('');
    expect(issues({ drill: { ...base.drill, opens: '2026-06-10', closes: '2026-06-01' } })).toMatch(/"closes" \(2026-06-01\) is before "opens" \(2026-06-10\): set closes on or after opens/);
  });

  it('is open on the days from opens to closes, both included', () => {
    const d = { ...getMode('drill').drill!, opens: '2026-06-01', closes: '2026-06-14' };
    expect(['2026-05-31', '2026-06-01', '2026-06-14', '2026-06-15'].map((t) => drillAvailability(d, t))).toEqual(['not-yet-open', 'open', 'open', 'closed']);
  });
});

describe('drill deep links', () => {
  it('take every drill setting beside every mode setting', () => {
    const r = link('?mode=drill&deck=demo&seed=3&cases=20&prevalence=0.1&prompted=1&aiHint=0.8&opens=2026-06-01&closes=2026-06-14&seconds=90&title=Chest%20list&briefing=Report%20as%20usual.');
    expect(r).toMatchObject({
      ok: true,
      link: {
        deckId: 'demo', seed: 3,
        mode: { id: 'drill', casesPerRound: 20, fakeShare: 0.1, answer: 'rating', secondsPerCase: 90, drill: { aiHint: { accuracy: 0.8 }, opens: '2026-06-01', closes: '2026-06-14', title: 'Chest list', briefing: 'Report as usual.' } },
      },
    });
    expect(link('?mode=drill')).toMatchObject({ ok: true, link: { mode: { casesPerRound: 40, fakeShare: 0.05, answer: 'read-and-flag' } } });
    expect(link('?mode=drill&prevalence=0')).toMatchObject({ ok: true, link: { mode: { fakeShare: 0 } } });
    expect(link('?mode=drill&cases=200')).toMatchObject({ ok: true, link: { mode: { casesPerRound: 200 } } });
  });

  it.each([
    ['?mode=drill&prevalence=0.6', /"prevalence" of a readiness drill must be from 0 to 0.5/],
    ['?mode=drill&prevalence=-0.1', /"prevalence" must be a share from 0 to 1/],
    ['?mode=drill&cases=201', /"cases" must be from 1 to 200/],
    ['?mode=drill&prompted=yes', /"prompted" must be 0/],
    ['?mode=drill&prompted=1&aiHint=1.2', /"aiHint" must be the share/],
    ['?mode=drill&aiHint=0.8', /"aiHint" needs a prompted drill: remove "aiHint", or set prompted=1/],
    ['?mode=drill&opens=2026-13-01', /"opens" must be a date|"opens" is not a real date/],
    ['?mode=drill&opens=2026-06-10&closes=2026-06-01', /"closes" \(2026-06-01\) is before "opens" \(2026-06-10\): set closes on or after opens/],
    ['?mode=drill&feedback=after-case', /feedback only at the end \(set feedback=end-of-session, or leave it out\)/],
    ['?mode=drill&score=1', /no running score \(set score=0, or leave it out\)/],
    ['?mode=drill&rounds=2', /"rounds" must be 1: a readiness drill is one worklist \(set rounds=1, or leave it out\)/],
    ['?mode=drill&tell=A9', /remove "tell" or "category"/],
    ['?mode=drill&seconds=4', /"seconds" must be from 5/],
    ['?mode=practice&prompted=1', /"prompted" belongs to readiness drills/],
    ['?mode=drill&prevalance=0.1', /does not know the parameter "prevalance"/],
    ['?mode=drill&title=%07bell', /"title" has control characters/],
  ])('%s is refused by name', (q, msg) => {
    const r = link(q);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(msg);
  });
});

describe('the worklist holds a varying number of fakes', () => {
  it('draws the count per film: Binomial(n, p) in mean and spread', () => {
    const rng = createRng(11);
    const counts = Array.from({ length: 4000 }, () => worklistFakeCount(40, 0.05, rng));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length;
    expect(mean).toBeCloseTo(2, 1);
    expect(variance).toBeCloseTo(40 * 0.05 * 0.95, 0);
    // The share of empty worklists is the binomial's P(0) = 0.95^40 (about 13%): a reader cannot count on one fake.
    expect(counts.filter((k) => k === 0).length / counts.length).toBeCloseTo(binomialProbability(40, 0, 0.05), 1);
    expect(worklistFakeCount(40, 0, rng)).toBe(0);
  });

  it('plans the same worklist for a seed and different counts across seeds', () => {
    const mode = { ...getMode('drill'), casesPerRound: 40, fakeShare: 0.1 };
    const fakes = (seed: number) => planDemoDeck(seed, mode, TECHNIQUES).rounds[0]!.filter((c) => c.forgery).length;
    expect(fakes(5)).toBe(fakes(5));
    const seen = new Set(Array.from({ length: 30 }, (_, i) => fakes(i)));
    expect(seen.size).toBeGreaterThan(3);
    const practice = { ...getMode('practice'), rounds: 1, casesPerRound: 40, fakeShare: 0.1 };
    expect(new Set(Array.from({ length: 10 }, (_, i) => planDemoDeck(i, practice, TECHNIQUES).rounds[0]!.filter((c) => c.forgery).length))).toEqual(new Set([4]));
  });
});

import type { Rng } from '../rng.js';

/**
 * How many fakes a drill's worklist holds. Prevalence is a property of the worklist as a whole, not a quota: each film
 * is a fake with probability p, independently, so the count is Binomial(n, p) and varies from drill to drill as it
 * would on a clinical list. A quota (round(n p), as the practice decks deal) would let a reader who knows p stop
 * looking once they have flagged that many; with a binomial count they cannot (at n = 40, p = 0.05 the worklist holds
 * no fake 13% of the time, one 27%, two 28%, three or more 32%). A control drill (p = 0) holds none.
 */
export function worklistFakeCount(n: number, p: number, rng: Rng): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`worklistFakeCount: n must be a whole number >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new Error(`worklistFakeCount: p must be from 0 to 1, got ${p}`);
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** P(K = k) for K ~ Binomial(n, p): the chance a worklist of n films at prevalence p holds exactly k fakes. */
export function binomialProbability(n: number, k: number, p: number): number {
  if (k < 0 || k > n) return 0;
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/**
 * The largest share of fakes at which a worklist's fakes count as rare: one film in ten. The low-prevalence studies
 * the report compares with measured misses at 1% and 10% against 50% (README, "Running a readiness drill"), so a
 * debrief may speak of rare fakes only up to there; a drill whose worklist held more was not that test.
 */
export const RARE_FAKE_SHARE = 0.1;

/** Whether this worklist's fakes were rare (some, at most RARE_FAKE_SHARE of its films). */
export const fakesWereRare = (fakes: number, films: number): boolean => fakes > 0 && films > 0 && fakes / films <= RARE_FAKE_SHARE;

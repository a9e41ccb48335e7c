import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';
import { normalQuantile } from '../metrics/normal-quantile.js';

/**
 * The t and F distributions with non-integer degrees of freedom (Hillis's ddf are never whole numbers), taken from
 * stdlib (stdlib-js, Apache-2.0, maintained; each function is its own small package, so only these ship). Writing
 * the regularised incomplete beta function and its inverse by hand would be the riskiest code in this folder.
 *
 * Past 1e7 degrees of freedom the t and F distributions equal their limits (normal; chi-square/ndf) to within
 * 3e-7, while stdlib's routines lose accuracy far out (its F CDF drifts past ~1e9 denominator df and returns NaN at
 * Infinity, its t quantile collapses to 0 past ~1e16 df). Such df arise when a mean square is zero up to rounding
 * (readers with equal AUCs), so from LIMIT on the limiting distribution is used.
 */
const LIMIT = 1e7;

/** The p quantile of Student's t with `df` > 0 degrees of freedom (Infinity allowed). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new Error(`tQuantile: df must be > 0, got ${df}`);
  return df >= LIMIT ? normalQuantile(p) : tQuantileStdlib(p, df);
}

/** P(F > f) for F with (ndf, ddf) degrees of freedom, ddf may be Infinity: the p-value of an F test. */
export function fUpperTail(f: number, ndf: number, ddf: number): number {
  if (!(f >= 0)) throw new Error(`fUpperTail: F must be ≥ 0, got ${f}`);
  if (!(ndf > 0) || !(ddf > 0)) throw new Error(`fUpperTail: df must be > 0, got (${ndf}, ${ddf})`);
  if (f === Infinity) return 0;
  return ddf >= LIMIT ? 1 - chisquareCdf(f * ndf, ndf) : 1 - fCdf(f, ndf, ddf);
}

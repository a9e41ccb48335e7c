import { fUpperTail, tQuantile } from './distributions.js';
import { jackknifeAucs, jackknifeCovariance } from './jackknife.js';
import { countByTruth, validateReaderStudy, type ReaderStudy } from './reader-study.js';

/**
 * Obuchowski-Rockette random-reader random-case analysis of the empirical AUC with jackknife covariances and Hillis's
 * ddf, as RJafroc's St(..., method = "OR", covEstMethod = "Jackknife") and OR-DBM MRMC compute it. Hand-written because
 * no JavaScript library does it; t and F come from stdlib (distributions.ts). Formulas and sources (Obuchowski &
 * Rockette 1995; Hillis 2007; Hillis, Obuchowski & Berbaum 2008): domain/README.md, Decisions.
 */

export interface OrVarianceComponents {
  readonly var: number;
  /** Null with one treatment. */
  readonly cov1: number | null;
  /** Null with one reader. */
  readonly cov2: number | null;
  /** Null with one treatment or one reader. */
  readonly cov3: number | null;
}

export interface OrMeanSquares {
  readonly msT: number | null;
  readonly msR: number | null;
  readonly msTR: number | null;
}

export interface OrTreatmentEstimate {
  readonly treatment: string;
  /** Reader-averaged AUC θᵢ. */
  readonly auc: number;
  /** MS(R)ᵢ and Cov2ᵢ; null with one reader. */
  readonly msR: number | null;
  readonly cov2: number | null;
  /** Standard error, Hillis df and 95% CI for the population of readers and cases; null when unavailable. */
  readonly se: number | null;
  readonly df: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Why se, df and ci95 are null, in words for the dashboard; null when they are given. */
  readonly unavailable: string | null;
}

export interface OrDifference {
  readonly treatmentA: string;
  readonly treatmentB: string;
  /** θ_A − θ_B, reader-averaged. */
  readonly estimate: number;
  readonly se: number | null;
  readonly df: number | null;
  readonly t: number | null;
  /** Two-sided p of H0: θ_A = θ_B. */
  readonly p: number | null;
  readonly ci95: readonly [number, number] | null;
}

export interface OrTest {
  readonly f: number;
  readonly ndf: number;
  readonly ddf: number;
  readonly p: number;
}

export interface OrAnalysis {
  readonly treatments: readonly string[];
  readonly readers: readonly string[];
  readonly nNegative: number;
  readonly nPositive: number;
  /** aucs[i][j]: empirical AUC of treatment i, reader j. */
  readonly aucs: readonly (readonly number[])[];
  readonly perTreatment: readonly OrTreatmentEstimate[];
  readonly varianceComponents: OrVarianceComponents;
  readonly meanSquares: OrMeanSquares;
  /** The F test of equal treatments; null with one treatment, one reader, or no variability at all. */
  readonly test: OrTest | null;
  /** Every pair i < i′ in treatment order; the estimate is given even when the rest is not. */
  readonly differences: readonly OrDifference[];
  /** Why `test` is null; null when it is given. */
  readonly testUnavailable: string | null;
}

/** Below this a variance (AUC², so at most 0.25) is taken as zero; real ones are above 1e-10 for any K < 1000. */
const TINY = 1e-14;

const NEEDS_READERS = (J: number): string =>
  `a confidence interval across readers needs 2 or more readers; this study has ${J}`;
const NO_SPREAD =
  'every reader has the same AUC and removing any one case changes nothing (for example all readers perfect), ' +
  'so the data show no variability to build an interval from; more cases or readers are needed';

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
const avg = (v: readonly number[]): number | null => (v.length === 0 ? null : mean(v));

/** Run the OR analysis. Throws if the study is malformed or has fewer than 2 cases of a class. */
export function orAnalysis(study: ReaderStudy): OrAnalysis {
  validateReaderStudy(study, 'orAnalysis');
  const { aucs, loo } = jackknifeAucs(study);
  const I = study.treatments.length;
  const J = study.readers.length;
  const cov = (i: number, j: number, i2: number, j2: number): number =>
    jackknifeCovariance((loo[i] as number[][])[j] as number[], (loo[i2] as number[][])[j2] as number[]);

  const diag: number[] = [];
  const c1: number[] = [];
  const c2: number[] = [];
  const c3: number[] = [];
  const c2ByTreatment: number[][] = aucs.map(() => []);
  for (let i = 0; i < I; i++) {
    for (let j = 0; j < J; j++) {
      for (let i2 = 0; i2 < I; i2++) {
        for (let j2 = 0; j2 < J; j2++) {
          const v = cov(i, j, i2, j2);
          if (i === i2 && j === j2) diag.push(v);
          else if (j === j2) c1.push(v);
          else if (i === i2) {
            c2.push(v);
            (c2ByTreatment[i] as number[]).push(v);
          } else c3.push(v);
        }
      }
    }
  }
  const varianceComponents: OrVarianceComponents = { var: mean(diag), cov1: avg(c1), cov2: avg(c2), cov3: avg(c3) };

  const trtMeans = aucs.map((row) => mean(row));
  const rdrMeans = study.readers.map((_, j) => mean(aucs.map((row) => row[j] as number)));
  const grand = mean(trtMeans);
  const msT = I < 2 ? null : (J / (I - 1)) * trtMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const msR = J < 2 ? null : (I / (J - 1)) * rdrMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  let msTR: number | null = null;
  if (I >= 2 && J >= 2) {
    let s = 0;
    aucs.forEach((row, i) =>
      row.forEach((v, j) => (s += (v - (trtMeans[i] as number) - (rdrMeans[j] as number) + grand) ** 2)),
    );
    msTR = s / ((I - 1) * (J - 1));
  }

  const perTreatment = study.treatments.map((treatment, i) =>
    treatmentEstimate(treatment, aucs[i] as number[], avg(c2ByTreatment[i] as number[])),
  );
  const { test, testUnavailable, differences } = compareTreatments(study.treatments, trtMeans, J, msT, msTR, varianceComponents);
  const { negatives, positives } = countByTruth(study.cases);
  return {
    treatments: study.treatments,
    readers: study.readers,
    nNegative: negatives,
    nPositive: positives,
    aucs,
    perTreatment,
    varianceComponents,
    meanSquares: { msT, msR, msTR },
    test,
    differences,
    testUnavailable,
  };
}

/** One treatment's reader-averaged AUC with the single-treatment OR interval (Hillis et al. 2008). */
function treatmentEstimate(treatment: string, aucs: readonly number[], cov2: number | null): OrTreatmentEstimate {
  const J = aucs.length;
  const auc = mean(aucs);
  const none = (unavailable: string, msR: number | null = null): OrTreatmentEstimate =>
    ({ treatment, auc, msR, cov2, se: null, df: null, ci95: null, unavailable });
  if (J < 2 || cov2 === null) return none(NEEDS_READERS(J));
  const msR = aucs.reduce((s, v) => s + (v - auc) ** 2, 0) / (J - 1);
  const d = msR + J * Math.max(cov2, 0);
  if (!(d > TINY)) return none(NO_SPREAD, msR);
  const se = Math.sqrt(d / J);
  // MS(R)ᵢ = 0 (readers agree exactly) gives df = ∞: the interval is then a normal one.
  const df = msR > 0 ? (d * d) / ((msR * msR) / (J - 1)) : Infinity;
  const half = tQuantile(0.975, df) * se;
  return { treatment, auc, msR, cov2, se, df, ci95: [auc - half, auc + half], unavailable: null };
}

function compareTreatments(
  treatments: readonly string[],
  trtMeans: readonly number[],
  J: number,
  msT: number | null,
  msTR: number | null,
  vc: OrVarianceComponents,
): { test: OrTest | null; testUnavailable: string | null; differences: OrDifference[] } {
  const I = treatments.length;
  const pairs: [number, number][] = [];
  for (let a = 0; a < I; a++) for (let b = a + 1; b < I; b++) pairs.push([a, b]);
  const bare = (a: number, b: number): OrDifference => ({
    treatmentA: treatments[a] as string,
    treatmentB: treatments[b] as string,
    estimate: (trtMeans[a] as number) - (trtMeans[b] as number),
    se: null,
    df: null,
    t: null,
    p: null,
    ci95: null,
  });
  const without = (why: string) => ({ test: null, testUnavailable: why, differences: pairs.map(([a, b]) => bare(a, b)) });
  if (I < 2 || msT === null) return without(`comparing treatments needs 2 or more treatments; this study has ${I}`);
  if (J < 2 || msTR === null || vc.cov2 === null || vc.cov3 === null) {
    return without(`a treatment comparison that generalises to other readers needs 2 or more readers; this study has ${J}`);
  }
  const d = msTR + J * Math.max(vc.cov2 - vc.cov3, 0);
  if (!(d > TINY)) return without(NO_SPREAD);
  // MS(TR) = 0 (every reader changed by the same amount) gives ddf = ∞.
  const ddf = msTR > 0 ? (d * d) / ((msTR * msTR) / ((I - 1) * (J - 1))) : Infinity;
  const f = msT / d;
  const test: OrTest = { f, ndf: I - 1, ddf, p: fUpperTail(f, I - 1, ddf) };
  const se = Math.sqrt((2 * d) / J);
  const crit = tQuantile(0.975, ddf);
  const differences = pairs.map(([a, b]): OrDifference => {
    const base = bare(a, b);
    const t = base.estimate / se;
    return {
      ...base,
      se,
      df: ddf,
      t,
      // Two-sided p of t on ddf: P(|T| > |t|) = P(F(1, ddf) > t²).
      p: fUpperTail(t * t, 1, ddf),
      ci95: [base.estimate - crit * se, base.estimate + crit * se],
    };
  });
  return { test, testUnavailable: null, differences };
}

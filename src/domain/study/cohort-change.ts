import { completeCaseStudy, validateCohort, type CohortReader } from './cohort-input.js';
import { orAnalysis, type OrAnalysis, type OrTreatmentEstimate } from './obuchowski-rockette.js';
import { countByTruth } from './reader-study.js';

/**
 * Did the group get better between two sessions? The same residents read before and after training; the two
 * sessions are the two treatments of an Obuchowski–Rockette analysis (obuchowski-rockette.ts), so the test allows
 * for both reader and case sampling and for the pairing of a reader with themself and of a case with itself.
 *
 * The paired design needs the same readers and the same cases in both sessions: readers present in only one
 * session, and cases not answered by every remaining reader in both sessions, are left out and listed. Sessions
 * with different decks (cases nested in session) would need another covariance model, which this does not do.
 */
export interface PrePostChange {
  readonly readers: readonly string[];
  readonly readersLeftOut: readonly string[];
  readonly casesUsed: number;
  readonly casesLeftOut: readonly string[];
  readonly pre: OrTreatmentEstimate | null;
  readonly post: OrTreatmentEstimate | null;
  /** Reader-averaged AUC after minus before. */
  readonly change: number | null;
  readonly f: number | null;
  readonly ndf: number | null;
  readonly ddf: number | null;
  readonly p: number | null;
  /** 95% CI of post − pre. */
  readonly ci95: readonly [number, number] | null;
  /** Why the test is missing; null when it is given. */
  readonly unavailable: string | null;
  readonly analysis: OrAnalysis | null;
}

export function prePostChange(pre: readonly CohortReader[], post: readonly CohortReader[]): PrePostChange {
  validateCohort(pre, 'prePostChange (pre)');
  validateCohort(post, 'prePostChange (post)');
  const postIds = new Set(post.map((r) => r.readerId));
  const preIds = new Set(pre.map((r) => r.readerId));
  const readers = pre.map((r) => r.readerId).filter((id) => postIds.has(id));
  const readersLeftOut = [
    ...pre.map((r) => r.readerId).filter((id) => !postIds.has(id)),
    ...post.map((r) => r.readerId).filter((id) => !preIds.has(id)),
  ];
  const truthPre = new Map(pre.flatMap((r) => r.readings.map((x) => [x.caseId, x.truth] as const)));
  for (const r of post) {
    for (const x of r.readings) {
      const t = truthPre.get(x.caseId);
      if (t !== undefined && t !== x.truth) {
        throw new Error(`prePostChange: case "${x.caseId}" is "${t}" in the pre session but "${x.truth}" in the post session`);
      }
    }
  }
  const { study, casesLeftOut } = completeCaseStudy('pre/post', [
    { treatment: 'pre', readers: pre },
    { treatment: 'post', readers: post },
  ], readers);
  const base = { readers, readersLeftOut, casesUsed: study.cases.length, casesLeftOut };
  const empty = { pre: null, post: null, change: null, f: null, ndf: null, ddf: null, p: null, ci95: null, analysis: null };
  const { positives, negatives } = countByTruth(study.cases);
  if (readers.length === 0) return { ...base, ...empty, unavailable: 'no reader took part in both sessions' };
  if (positives < 2 || negatives < 2) {
    return {
      ...base,
      ...empty,
      unavailable:
        'the pre/post test needs the same cases in both sessions, at least 2 fakes and 2 real images answered by every ' +
        `reader in both; there are ${positives} and ${negatives}`,
    };
  }
  const analysis = orAnalysis(study);
  const [preEst, postEst] = analysis.perTreatment as [OrTreatmentEstimate, OrTreatmentEstimate];
  const d = analysis.differences[0];
  // The analysis reports pre − post (RJafroc's order, treatment 1 minus treatment 2); a change is post − pre.
  const change = postEst.auc - preEst.auc;
  const test = analysis.test;
  return {
    ...base,
    pre: preEst,
    post: postEst,
    change,
    f: test?.f ?? null,
    ndf: test?.ndf ?? null,
    ddf: test?.ddf ?? null,
    p: test?.p ?? null,
    ci95: d?.ci95 ? [-d.ci95[1], -d.ci95[0]] : null,
    unavailable: analysis.testUnavailable,
    analysis,
  };
}

/**
 * The neutral shape of a fully crossed multi-reader multi-case (MRMC) ROC study: every reader rates every case
 * under every treatment (modality). It is what the file formats (lrc.ts, imrmc.ts) read and write and what the
 * Obuchowski–Rockette analysis (obuchowski-rockette.ts) takes, so an instructor's session, RJafroc and iMRMC all
 * see the same numbers.
 *
 * Positive class: truth 1 (in this game a fake; in the clinical studies, disease present). Ratings are oriented so
 * that a higher rating means more confidence that the case is positive; lrc.ts turns LABMRMC's "S" (smaller means
 * positive) columns round on reading.
 */

export type Truth = 0 | 1;

export interface StudyCase {
  readonly id: string;
  /** 1 = positive (fake, diseased), 0 = negative (real, without disease). */
  readonly truth: Truth;
}

export interface ReaderStudy {
  readonly title: string;
  /** Treatment (modality) ids, in the order of `ratings`' first index. */
  readonly treatments: readonly string[];
  /** Reader ids, in the order of `ratings`' second index. */
  readonly readers: readonly string[];
  readonly cases: readonly StudyCase[];
  /** ratings[treatment][reader][case], finite numbers, higher = more confident the case is positive. */
  readonly ratings: readonly (readonly (readonly number[])[])[];
}

function checkIds(fn: string, what: string, ids: readonly string[]): void {
  if (ids.length === 0) throw new Error(`${fn}: the study has no ${what}s`);
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') throw new Error(`${fn}: a ${what} id is empty or not a string`);
    if (seen.has(id)) throw new Error(`${fn}: ${what} id "${id}" appears twice`);
    seen.add(id);
  }
}

/**
 * Throws an Error naming `fn` and the first thing wrong: empty or repeated ids, a truth other than 0/1, a ratings
 * array of the wrong shape, a rating that is not a finite number. Returns the study for chaining.
 */
export function validateReaderStudy(study: ReaderStudy, fn = 'validateReaderStudy'): ReaderStudy {
  checkIds(fn, 'treatment', study.treatments);
  checkIds(fn, 'reader', study.readers);
  checkIds(
    fn,
    'case',
    study.cases.map((c) => c.id),
  );
  for (const c of study.cases) {
    if (c.truth !== 0 && c.truth !== 1) throw new Error(`${fn}: case "${c.id}" has truth ${String(c.truth)}, expected 0 or 1`);
  }
  const I = study.treatments.length;
  const J = study.readers.length;
  const K = study.cases.length;
  if (!Array.isArray(study.ratings) || study.ratings.length !== I) {
    throw new Error(`${fn}: ratings must have one entry per treatment (${I})`);
  }
  study.ratings.forEach((byReader, i) => {
    const t = study.treatments[i] as string;
    if (!Array.isArray(byReader) || byReader.length !== J) {
      throw new Error(`${fn}: ratings for treatment "${t}" must have one entry per reader (${J})`);
    }
    byReader.forEach((byCase, j) => {
      const r = study.readers[j] as string;
      if (!Array.isArray(byCase) || byCase.length !== K) {
        throw new Error(`${fn}: ratings for treatment "${t}", reader "${r}" must have one entry per case (${K})`);
      }
      byCase.forEach((v, k) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          const id = (study.cases[k] as StudyCase).id;
          throw new Error(`${fn}: rating of case "${id}" by reader "${r}" in treatment "${t}" is ${String(v)}, not a finite number`);
        }
      });
    });
  });
  return study;
}

export const countByTruth = (cases: readonly StudyCase[]): { negatives: number; positives: number } => {
  const positives = cases.filter((c) => c.truth === 1).length;
  return { negatives: cases.length - positives, positives };
};

import type { CaseRecord } from '../session.js';
import type { CaseTruth } from '../tells.js';
import { callsFake, caseId, isRating, type Rating } from '../types.js';
import type { ReaderStudy, StudyCase } from './reader-study.js';

/**
 * The neutral input of the instructor's dashboard: for each resident, what they answered on each case of a session.
 * Kept apart from CaseRecord so that a dashboard can feed sessions from any source (the game's history, an
 * export, a test) without the game's scoring fields.
 */
export interface CohortReading {
  readonly caseId: string;
  readonly truth: 'fake' | 'authentic';
  /** 1 definitely real … 6 definitely fake; null when the reader ran out of time. */
  readonly rating: Rating | null;
  /** The fake's tell was marked (scoring.ts isLocalised: a correct fake call with a mark inside a tell region). */
  readonly localised: boolean;
  /**
   * Whether the fake has a tell with a place on the image that a mark could hit (scoring.ts localTells); a fake whose
   * tells are the whole image, or an image imported without drawn tells, has none. Absent: counted as localisable.
   */
  readonly localisable?: boolean;
  readonly timeMs: number;
}

export interface CohortReader {
  readonly readerId: string;
  readonly readings: readonly CohortReading[];
}

/**
 * Throws an Error naming `fn`, the reader and the case on the first inconsistency: empty or repeated ids, a truth
 * or rating out of range, a negative time, a case whose truth differs between readers, or "localised" on something
 * that cannot be localised (a real image, a time-out, a fake not called fake).
 */
export function validateCohort(readers: readonly CohortReader[], fn: string): void {
  const readerIds = new Set<string>();
  const truthOf = new Map<string, { truth: string; readerId: string }>();
  for (const reader of readers) {
    const r = reader.readerId;
    if (typeof r !== 'string' || r === '') throw new Error(`${fn}: a reader id is empty`);
    if (readerIds.has(r)) throw new Error(`${fn}: reader "${r}" appears twice`);
    readerIds.add(r);
    const seen = new Set<string>();
    for (const x of reader.readings) {
      const where = `${fn}: reader "${r}", case "${x.caseId}"`;
      if (typeof x.caseId !== 'string' || x.caseId === '') throw new Error(`${fn}: reader "${r}" has a case with an empty id`);
      if (seen.has(x.caseId)) throw new Error(`${where}: the case appears twice for this reader`);
      seen.add(x.caseId);
      if (x.truth !== 'fake' && x.truth !== 'authentic') throw new Error(`${where}: truth must be "fake" or "authentic", got ${String(x.truth)}`);
      if (x.rating !== null && !isRating(x.rating)) throw new Error(`${where}: rating must be 1..6 or null, got ${String(x.rating)}`);
      if (!(typeof x.timeMs === 'number' && x.timeMs >= 0 && Number.isFinite(x.timeMs))) {
        throw new Error(`${where}: timeMs must be a finite number ≥ 0, got ${String(x.timeMs)}`);
      }
      if (x.localised && !(x.truth === 'fake' && x.rating !== null && callsFake(x.rating))) {
        throw new Error(`${where}: marked localised, but only a fake called fake (rating ≥ 4) can be localised`);
      }
      const before = truthOf.get(x.caseId);
      if (before && before.truth !== x.truth) {
        throw new Error(`${where}: truth "${x.truth}" differs from "${before.truth}" given by reader "${before.readerId}"`);
      }
      if (!before) truthOf.set(x.caseId, { truth: x.truth, readerId: r });
    }
  }
}

const AUTHENTIC: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const FORGED: CaseTruth = { kind: 'forged', recipe: [], tells: [] };

/**
 * A reading as the CaseRecord the metrics/ functions take, so that they are reused rather than rewritten. Those
 * functions read only truth (fake or not), rating and timeMs; the score and the other game fields are neutral
 * fillers and must not be read from these records.
 */
export function asCaseRecord(x: CohortReading, index: number): CaseRecord {
  return {
    caseId: caseId(x.caseId),
    round: 1,
    indexInRound: index,
    rating: x.rating,
    marks: [],
    timeMs: x.timeMs,
    timedOut: x.rating === null,
    truth: x.truth === 'fake' ? FORGED : AUTHENTIC,
    score: { correct: false, ratingPoints: 0, localised: x.localised, localisationBonus: 0, streakBonus: 0, total: 0 },
    toolsUsed: [],
    interrupted: false,
    answeredAt: 0,
  };
}

export interface CompleteCaseStudy {
  readonly study: ReaderStudy;
  /** Ids of cases left out because some reader did not read or did not answer them in some session. */
  readonly casesLeftOut: readonly string[];
}

/**
 * A fully crossed ReaderStudy from sessions (one per treatment) of the readers `readerIds`: the cases that every
 * one of them answered in every session, in the order first met. The OR analysis needs every reader's rating of
 * every case, and a time-out states no rating (see metrics/roc.ts), so such cases are left out and counted.
 */
export function completeCaseStudy(
  title: string,
  sessions: readonly { readonly treatment: string; readonly readers: readonly CohortReader[] }[],
  readerIds: readonly string[],
): CompleteCaseStudy {
  const order: StudyCase[] = [];
  const known = new Set<string>();
  for (const s of sessions) {
    for (const r of s.readers) {
      for (const x of r.readings) {
        if (known.has(x.caseId)) continue;
        known.add(x.caseId);
        order.push({ id: x.caseId, truth: x.truth === 'fake' ? 1 : 0 });
      }
    }
  }
  // lookup[session][reader]: caseId → reading (an empty map for a reader missing from a session).
  const lookup = sessions.map((s) =>
    readerIds.map((id) => new Map(s.readers.find((r) => r.readerId === id)?.readings.map((x) => [x.caseId, x]) ?? [])),
  );
  const answeredByAll = (c: StudyCase): boolean =>
    lookup.every((byReader) => byReader.every((m) => m.get(c.id)?.rating != null));
  const cases = order.filter(answeredByAll);
  const ratings = lookup.map((byReader) => byReader.map((m) => cases.map((c) => m.get(c.id)?.rating as number)));
  return {
    study: { title, treatments: sessions.map((s) => s.treatment), readers: [...readerIds], cases, ratings },
    casesLeftOut: order.filter((c) => !answeredByAll(c)).map((c) => c.id),
  };
}

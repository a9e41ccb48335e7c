import type { Statement } from '@xapi/xapi';
import { ARTIFACT_CATEGORIES, isLocalised, localTells, type CaseTruth, type CohortReader, type Rating } from '../domain/index.js';
import type { AcceptedResult } from './collect.js';
import type { Answer } from './result-schema.js';
import { EXT, VERB_ANSWERED } from './xapi/vocabulary.js';

/**
 * From collected answers to the reader-study input of domain/study (CohortReader), with the truth of each case
 * taken from the deck on the instructor's side, never from a reader's file.
 */
export interface ReaderEntry {
  /** What the dashboard shows: the display name, made unique with the fingerprint's first group when two readers share it. */
  readonly readerId: string;
  readonly displayName: string;
  readonly fingerprint: string;
  /** The file (or 'LRS') the answers came from. */
  readonly source: string;
  readonly answers: readonly Answer[];
}

function uniqueIds<T extends { displayName: string; fingerprint: string }>(xs: readonly T[]): (T & { readerId: string })[] {
  const count = new Map<string, number>();
  for (const x of xs) count.set(x.displayName, (count.get(x.displayName) ?? 0) + 1);
  return xs.map((x) => ({ ...x, readerId: (count.get(x.displayName) ?? 0) > 1 ? `${x.displayName} (${x.fingerprint.slice(0, 4)})` : x.displayName }));
}

export function readersFromResults(accepted: readonly AcceptedResult[]): ReaderEntry[] {
  return uniqueIds(
    accepted.map((a) => ({ displayName: a.file.result.reader.displayName, fingerprint: a.file.result.reader.fingerprint, source: a.name, answers: a.file.result.answers })),
  );
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Answers from the LRS's statements (as answerStatement wrote them). A reader is named by their key's
 * fingerprint: the LRS never learns display names. Statements that are not ours are passed over; when a case was
 * answered twice by one reader (a second attempt, which the game refuses), the first answer counts: the second came
 * after the reader had seen the truth.
 */
export function readersFromStatements(statements: readonly Statement[], caseIdOf: (activityId: string) => string | null): ReaderEntry[] {
  const byReader = new Map<string, Map<string, { at: string; answer: Answer }>>();
  for (const s of statements) {
    const fingerprint = (s.actor as { account?: { name?: unknown } }).account?.name;
    const objectId = (s.object as { id?: unknown }).id;
    if (s.verb?.id !== VERB_ANSWERED.id || typeof fingerprint !== 'string' || typeof objectId !== 'string') continue;
    const caseId = caseIdOf(objectId);
    const ext = s.result?.extensions ?? {};
    const cext = s.context?.extensions ?? {};
    const rating = num(ext[EXT.rating]);
    if (caseId === null || (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 6))) continue;
    const drillFields = statementDrillFields(ext);
    const marks = Array.isArray(ext[EXT.marks]) ? (ext[EXT.marks] as unknown[]).flatMap((m) => {
      const p = m as { x?: unknown; y?: unknown };
      return num(p?.x) !== null && num(p?.y) !== null ? [{ x: p.x as number, y: p.y as number }] : [];
    }).slice(0, 3) : [];
    const answer: Answer = {
      caseId, round: num(cext[EXT.round]) ?? 0, indexInRound: num(cext[EXT.indexInRound]) ?? 0, rating, marks,
      timeMs: Math.max(0, num(ext[EXT.timeMs]) ?? 0), timedOut: rating === null,
      toolsUsed: Array.isArray(ext[EXT.toolsUsed]) ? (ext[EXT.toolsUsed] as Answer['toolsUsed']) : [],
      interrupted: ext[EXT.interrupted] === true, answeredAt: Date.parse(String(s.timestamp ?? '')) || 0,
      ...drillFields,
    };
    if (drillFields.read !== undefined) (answer as { timedOut: boolean }).timedOut = drillFields.read === null;
    const at = String(s.timestamp ?? '');
    const mine = byReader.get(fingerprint) ?? new Map();
    const before = mine.get(caseId);
    if (!before || at < before.at) mine.set(caseId, { at, answer });
    byReader.set(fingerprint, mine);
  }
  return uniqueIds(
    [...byReader].map(([fingerprint, m]) => ({ displayName: fingerprint, fingerprint, source: 'LRS', answers: [...m.values()].map((v) => v.answer) })),
  );
}

/** The read, flag, tell named and AI badge of a read-and-flag or drill statement (values not ours are dropped). */
function statementDrillFields(ext: Record<string, unknown>): Pick<Answer, 'read' | 'flagged' | 'tellNamed' | 'hint'> {
  const out: { read?: Answer['read']; flagged?: boolean; tellNamed?: Answer['tellNamed']; hint?: Answer['hint'] } = {};
  const read = ext[EXT.read];
  if (read === null || read === 'normal' || read === 'abnormal') out.read = read;
  if (typeof ext[EXT.flagged] === 'boolean') out.flagged = ext[EXT.flagged] as boolean;
  const tell = ext[EXT.tellNamed];
  if (tell === null || (typeof tell === 'string' && (ARTIFACT_CATEGORIES as readonly string[]).includes(tell))) out.tellNamed = tell as Answer['tellNamed'];
  const hint = ext[EXT.hint];
  if (hint === null || hint === 'authentic' || hint === 'manipulated') out.hint = hint;
  return out;
}

export interface CohortBuild {
  readonly readers: CohortReader[];
  /** Answers to cases the session's deck does not hold (a reader's game planned another deck), left out. */
  readonly unknownCases: readonly { readonly readerId: string; readonly caseId: string }[];
}

/**
 * `truthOf`: the case's truth from the deck (null: not in this session's deck). `withLocalisation`: whether the
 * truths carry their tell regions (a demo fake's regions exist only once the case is generated); without them
 * every reading is counted not localised, and the caller must say the figure was not computed.
 */
export function cohortReaders(entries: readonly ReaderEntry[], truthOf: (caseId: string) => CaseTruth | null): CohortBuild {
  const unknownCases: { readerId: string; caseId: string }[] = [];
  const readers = entries.map((e): CohortReader => ({
    readerId: e.readerId,
    readings: e.answers.flatMap((a) => {
      const truth = truthOf(a.caseId);
      if (!truth) {
        unknownCases.push({ readerId: e.readerId, caseId: a.caseId });
        return [];
      }
      const rating = a.timedOut ? null : (a.rating as Rating | null);
      return [{
        caseId: a.caseId,
        truth: truth.kind === 'authentic' ? 'authentic' : 'fake',
        rating,
        localised: rating !== null && isLocalised(truth, rating, a.marks),
        localisable: localTells(truth).length > 0,
        timeMs: a.timeMs,
      }];
    }),
  }));
  return { readers, unknownCases };
}

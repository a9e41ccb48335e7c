import { readerReport, roundRecords, type CaseRecord, type SessionState, type StoredSession } from '../domain/index.js';
import { learningPoints } from './figures.js';
import type { LearningPoint } from './plots.js';

/**
 * What a learning curve runs over, and its points, oldest first: the rounds of the session on screen, or the reader's
 * finished sessions. One rule for both screens, so the round figures (G) and the session summary plot the same thing
 * and name it alike.
 */
export type LearningUnit = 'round' | 'session';

export interface LearningSeries {
  readonly unit: LearningUnit;
  readonly points: readonly LearningPoint[];
}

const pointOf = (records: readonly CaseRecord[]): LearningPoint => {
  const r = readerReport(records);
  return { accuracy: r.binary.accuracy, auc: r.roc.auc?.auc ?? null };
};

/** The rounds of this session up to the one reviewed (the round figures). */
export function roundLearning(s: SessionState, upToRound = s.round): LearningSeries {
  return { unit: 'round', points: Array.from({ length: upToRound + 1 }, (_, r) => pointOf(roundRecords(s, r))) };
}

/** Whether a stored session is the stored form of this one: same deck, seed and answers (a reviewed past session has no id on screen). */
const isStoredFormOf = (stored: StoredSession, s: SessionState): boolean =>
  stored.deckId === s.config.deckId && stored.seed === s.config.seed && stored.answers.length === s.records.length &&
  stored.answers.every((a, i) => a.caseId === s.records[i]?.caseId && a.answeredAt === s.records[i]?.answeredAt);

/**
 * The session summary's curve: over finished sessions (the past ones, then this one) once there are two; before that,
 * over this session's rounds when it had two or more, the same curve its last round's figures showed.
 * `past`: the stored sessions. A past session under review is among them: it counts once, after those before it.
 */
export function summaryLearning(s: SessionState, past: readonly StoredSession[]): LearningSeries {
  const self = past.find((p) => isStoredFormOf(p, s));
  const before = self ? past.filter((p) => p !== self && p.startedAt < self.startedAt) : past;
  const sessions = [...learningPoints(before), pointOf(s.records)];
  if (sessions.length >= 2 || s.config.rounds.length < 2) return { unit: 'session', points: sessions };
  return roundLearning(s, s.config.rounds.length - 1);
}

import {
  restoreSession, SESSION_SCHEMA_VERSION, toStoredSession, type CaseId, type SessionConfig, type SessionMeta, type SessionState, type StoredAnswer,
} from '../domain/index.js';
import type { CaseLibrary } from '../decks/index.js';
import type { DrillLmsAnswer } from '../lms/index.js';

/**
 * The whole worklist again for the end of a drill module that was resumed (or reopened once complete): the review
 * and the debrief must count every answer, but the game's session after a reload holds only the films read since.
 * The earlier answers come from the LMS's resume record (read, flag, sign named, badge, time; no marks or tools,
 * which the record does not keep), each film's truth from the case library (the film is made again from its seed,
 * as the review would make it to show it), and the state machine replays them all (domain restoreSession), so the
 * records, reviews and figures are the game's own.
 */
export async function rebuildDrillSession(
  config: SessionConfig, meta: SessionMeta, earlier: readonly DrillLmsAnswer[], ended: SessionState | null, library: CaseLibrary, now: number,
): Promise<SessionState> {
  const truths = await Promise.all(earlier.map((a) => library.prepare(a.caseId as CaseId).then((c) => c.truth as StoredAnswer['truth'])));
  const first: StoredAnswer[] = earlier.map((a, i) => ({
    caseId: a.caseId, round: 0, indexInRound: i, rating: a.rating, marks: [], timeMs: a.timeMs, timedOut: a.timedOut, toolsUsed: [], interrupted: false,
    answeredAt: now, truth: truths[i] as StoredAnswer['truth'], read: a.read ?? null, flagged: a.flagged ?? null, tellNamed: a.tellNamed ?? null, hint: a.hint ?? null,
  }));
  const later = ended ? toStoredSession(ended, meta, now).answers.filter((x) => x.indexInRound >= earlier.length) : [];
  return restoreSession({
    schemaVersion: SESSION_SCHEMA_VERSION, id: meta.id, startedAt: meta.startedAt, updatedAt: now, status: 'in-progress', mode: config.mode, deckId: config.deckId,
    seed: config.seed, rounds: config.rounds.map((r) => [...r]), answers: [...first, ...later], openCase: null, generator: meta.generator, hints: { ...(config.hints ?? {}) },
  });
}

import { createSession, transition, type CaseRecord, type SessionState } from '../session.js';
import type { CaseTruth } from '../tells.js';
import type { CaseId, Rating } from '../types.js';
import { SESSION_SCHEMA_VERSION, type StoredAnswer, type StoredSession } from './stored-session.js';

/**
 * Between the live session and its stored form. Scores, streaks and phases are not stored: they are derived again
 * by replaying the answers through the state machine, so a stored session can never disagree with the rules.
 */
export interface SessionMeta {
  readonly id: string;
  readonly startedAt: number;
}

export function toStoredSession(s: SessionState, meta: SessionMeta, now: number, answeredAt: readonly number[]): StoredSession {
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: meta.id,
    startedAt: meta.startedAt,
    updatedAt: now,
    status: s.phase === 'summary' ? 'complete' : 'in-progress',
    mode: s.config.mode,
    deckId: s.config.deckId,
    seed: s.config.seed,
    rounds: s.config.rounds.map((r) => [...r]),
    answers: s.records.map((r, i) => toStoredAnswer(r, answeredAt[i] ?? now)),
    openCaseId: s.phase === 'reading' ? (s.config.rounds[s.round]?.[s.caseIndex] ?? null) : null,
  };
}

export function toStoredAnswer(r: CaseRecord, answeredAt: number): StoredAnswer {
  return {
    caseId: r.caseId,
    round: r.round,
    indexInRound: r.indexInRound,
    rating: r.rating,
    marks: r.marks.map((m) => ({ x: m.x, y: m.y })),
    timeMs: r.timeMs,
    timedOut: r.timedOut,
    toolsUsed: [...r.toolsUsed],
    interrupted: r.interrupted,
    answeredAt,
    truth: r.truth as StoredAnswer['truth'],
  };
}

/**
 * Rebuilds the live session from its stored form. The result is where the reader stopped: at the next unanswered
 * case (phase loading: the case is shown again with a fresh countdown), or in the review or summary it had reached.
 * Answers that do not fit the session's case order are refused with an error, not silently dropped.
 */
export function restoreSession(stored: StoredSession): SessionState {
  let s = createSession({
    mode: stored.mode,
    deckId: stored.deckId,
    seed: stored.seed,
    rounds: stored.rounds.map((r) => r.map((id) => id as CaseId)),
  });
  const answers = [...stored.answers].sort((a, b) => a.round - b.round || a.indexInRound - b.indexInRound);
  for (const a of answers) {
    if (s.phase === 'roundReview' && a.round > s.round) s = transition(s, { type: 'CONTINUE' });
    if (s.phase === 'briefing') s = transition(s, { type: 'START_ROUND' });
    if (s.phase !== 'loading' || s.round !== a.round || s.caseIndex !== a.indexInRound || s.config.rounds[a.round]?.[a.indexInRound] !== a.caseId) {
      throw new Error(`restoreSession: answer for ${a.caseId} (round ${a.round + 1}, case ${a.indexInRound + 1}) does not fit the session order`);
    }
    s = transition(s, { type: 'CASE_SHOWN', now: 0, truth: a.truth as CaseTruth, interrupted: a.interrupted });
    for (const tool of a.toolsUsed) s = transition(s, { type: 'TOOL_USED', tool });
    for (const m of a.marks) s = transition(s, { type: 'TOGGLE_MARK', point: m, tolerancePx: 0 });
    s = a.rating === null
      ? transition(s, { type: 'TICK', now: s.config.mode.secondsPerCase * 1000 })
      : transition(s, { type: 'ANSWER', rating: a.rating as Rating, now: a.timeMs });
    s = transition(s, { type: 'NEXT' });
  }
  if (stored.status === 'complete' && s.phase === 'roundReview' && s.round + 1 >= s.config.rounds.length) {
    s = transition(s, { type: 'CONTINUE' });
  }
  return s;
}

import { createSession, currentCaseId, transition, type CaseRecord, type OpenCaseProgress, type SessionState } from '../session.js';
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
  /** The version of the code that made the deck's images (see StoredSession.generator). */
  readonly generator: string;
}

export function toStoredSession(s: SessionState, meta: SessionMeta, now: number): StoredSession {
  const open = s.phase === 'reading' ? currentCaseId(s) : null;
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
    answers: s.records.map(toStoredAnswer),
    openCase: open
      ? {
          caseId: open, startedAt: s.caseStartedAt, pausedAt: s.pausedAt, marks: s.marks.map((m) => ({ x: m.x, y: m.y })),
          rating: s.rating, toolsUsed: [...s.toolsUsed], read: s.read, flagged: s.flagged, tellNamed: s.tellNamed,
        }
      : null,
    generator: meta.generator,
    hints: { ...(s.config.hints ?? {}) },
  };
}

export function toStoredAnswer(r: CaseRecord): StoredAnswer {
  return {
    caseId: r.caseId, round: r.round, indexInRound: r.indexInRound, rating: r.rating, marks: r.marks.map((m) => ({ x: m.x, y: m.y })),
    timeMs: r.timeMs, timedOut: r.timedOut, toolsUsed: [...r.toolsUsed], interrupted: r.interrupted, answeredAt: r.answeredAt,
    truth: r.truth as StoredAnswer['truth'],
    read: r.read ?? null, flagged: r.flagged ?? null, tellNamed: r.tellNamed ?? null, hint: r.hint ?? null,
  };
}

/** Moves a replayed session past the screens between answers (time-out notice, case feedback, briefing, review). */
function toNextCase(s: SessionState, round: number): SessionState {
  for (let guard = 0; guard < 4; guard++) {
    if (s.phase === 'timedOut' || s.phase === 'caseReview') s = transition(s, { type: 'NEXT' });
    else if (s.phase === 'roundReview' && round > s.round) s = transition(s, { type: 'CONTINUE' });
    else if (s.phase === 'briefing' && round >= s.round) s = transition(s, { type: 'START_ROUND' });
    else break;
  }
  return s;
}

/**
 * Rebuilds the live session from its stored form. The result is where the reader stopped: at the next unanswered
 * case (phase loading), or in the review or summary it had reached. Answers that do not fit the session's case order
 * are refused with an error, not silently dropped.
 */
export function restoreSession(stored: StoredSession): SessionState {
  const hinted = Object.keys(stored.hints).length > 0;
  let s = createSession({
    mode: stored.mode, deckId: stored.deckId, seed: stored.seed, rounds: stored.rounds.map((r) => r.map((id) => id as CaseId)),
    ...(hinted ? { hints: stored.hints } : {}),
  });
  const total = stored.mode.secondsPerCase * 1000;
  const answers = [...stored.answers].sort((a, b) => a.round - b.round || a.indexInRound - b.indexInRound);
  for (const a of answers) {
    s = toNextCase(s, a.round);
    if (s.phase !== 'loading' || s.round !== a.round || s.caseIndex !== a.indexInRound || s.config.rounds[a.round]?.[a.indexInRound] !== a.caseId) {
      throw new Error(`restoreSession: answer for ${a.caseId} (round ${a.round + 1}, case ${a.indexInRound + 1}) does not fit the session order`);
    }
    const shownAt = a.answeredAt - Math.min(a.timeMs, total);
    s = transition(s, { type: 'CASE_SHOWN', now: shownAt, truth: a.truth as CaseTruth });
    if (a.interrupted) s = { ...s, interrupted: true };
    for (const tool of a.toolsUsed) s = transition(s, { type: 'TOOL_USED', tool });
    for (const m of a.marks) s = transition(s, { type: 'TOGGLE_MARK', point: m, tolerancePx: 0 });
    if (a.rating !== null) s = transition(s, { type: 'RATE', rating: a.rating as Rating });
    if (a.read) s = transition(s, { type: 'READ', read: a.read });
    if (a.flagged) s = transition(s, { type: 'FLAG', flagged: true });
    if (a.tellNamed) s = transition(s, { type: 'NAME_TELL', category: a.tellNamed });
    s = a.timedOut ? transition(s, { type: 'TICK', now: shownAt + total }) : transition(s, { type: 'CONFIRM', now: a.answeredAt });
  }
  if (answers.length > 0) s = toNextCase(s, s.phase === 'roundReview' ? s.round : Number.MAX_SAFE_INTEGER);
  if (stored.status === 'complete' && s.phase === 'roundReview') {
    while (s.phase === 'roundReview') s = transition(s, { type: 'CONTINUE' });
  }
  return s;
}

/**
 * Why a stored session cannot be replayed (answers that do not fit its case order), or null when it can: import and
 * export ask this first, so such a record is refused or left out on its own instead of failing the whole file.
 */
export function restoreProblem(stored: StoredSession): string | null {
  const r = restoredOrProblem(stored);
  return typeof r === 'string' ? r : null;
}

/** The replayed session, or why it cannot be replayed (restoreProblem), replaying once. */
export function restoredOrProblem(stored: StoredSession): SessionState | string {
  try {
    return restoreSession(stored);
  } catch (err) {
    return String((err as Error)?.message ?? err).replace(/^restoreSession: /, '');
  }
}

/**
 * What a reload restores of the case that was on screen: the time spent by the stored clock (the clock runs on
 * while the page is closed unless the game was paused), its marks, rating and tools. Null when the stored session
 * has no open case or it is not the case the restored session shows next.
 */
export function openCaseProgress(stored: StoredSession, s: SessionState, now: number): OpenCaseProgress | null {
  const open = stored.openCase;
  if (!open || s.phase !== 'loading' || currentCaseId(s) !== open.caseId) return null;
  const elapsedMs = open.startedAt === null ? 0 : Math.max(0, (open.pausedAt ?? now) - open.startedAt);
  return {
    elapsedMs, marks: open.marks, rating: open.rating as Rating | null, toolsUsed: open.toolsUsed, read: open.read, flagged: open.flagged, tellNamed: open.tellNamed,
  };
}

/**
 * A past session opened for review goes from one round's review to the next round that has answers, then to its
 * summary: it is never played again, so it has no briefing. Null when no later round has answers.
 */
export function nextReviewedRound(s: SessionState): number | null {
  for (let r = s.round + 1; r < s.config.rounds.length; r++) if (s.records.some((rec) => rec.round === r)) return r;
  return null;
}

/** The review after this one in a past session (nextReviewedRound), or its summary. */
export function continuePastReview(s: SessionState): SessionState {
  const r = nextReviewedRound(s);
  return r === null ? { ...s, phase: 'summary' } : { ...s, phase: 'roundReview', round: r };
}

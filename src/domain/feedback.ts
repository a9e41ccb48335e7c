import type { GameMode } from './modes.js';
import type { CaseRecord, SessionState } from './session.js';

/**
 * What the reader may know so far. A mode says when feedback comes (after each case, after each round, or at the end
 * of the session); until then nothing on screen, in the status line or in a sound may tell right from wrong, and
 * that includes the running points and streak, which move with every correct answer.
 */
export function revealedRecords(s: SessionState): readonly CaseRecord[] {
  switch (s.config.mode.feedback) {
    case 'after-case':
      return s.records;
    case 'after-round': {
      const reviewing = s.phase === 'roundReview' || s.phase === 'summary';
      return s.records.filter((r) => r.round < s.round || (reviewing && r.round === s.round));
    }
    case 'end-of-session':
      return s.phase === 'roundReview' || s.phase === 'summary' ? s.records : [];
  }
}

export const isRevealed = (s: SessionState, rec: CaseRecord): boolean => revealedRecords(s).includes(rec);

/**
 * Whether the mode scores with points and a streak. A readiness drill keeps none (its debrief reports flags), nor does
 * a CME module: its briefing says the score is the share of correct calls.
 */
export const keepsPoints = (mode: GameMode): boolean => !mode.drill && mode.hooks !== 'cme';

export interface VisibleScore {
  readonly points: number;
  readonly streak: number;
  readonly bestStreak: number;
}

/**
 * The score the header may show: the points of the revealed answers, and the streak only when each answer is
 * revealed as it is given (a streak counter that grows or resets would tell the outcome early). Null when the mode
 * hides the score during play.
 */
export function visibleScore(s: SessionState): VisibleScore | null {
  if (!s.config.mode.showScore && s.phase !== 'summary') return null;
  if (!keepsPoints(s.config.mode)) return null;
  const shown = revealedRecords(s);
  const points = shown.reduce((n, r) => n + r.score.total, 0);
  if (s.config.mode.feedback === 'after-case') return { points, streak: s.streak, bestStreak: s.bestStreak };
  let streak = 0;
  let best = 0;
  for (const r of shown) {
    streak = r.score.correct ? streak + 1 : 0;
    best = Math.max(best, streak);
  }
  const all = shown.length === s.records.length;
  return { points, streak: all ? s.streak : 0, bestStreak: best };
}

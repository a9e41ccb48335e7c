import type { SessionState } from '../session.js';
import type { CaseId } from '../types.js';

/**
 * The pace of a drill must not tell a fake from an authentic film (issue 16). Making a fake takes the case worker
 * longer than making an authentic film (measured here: a median of 3.3 s against 2.6 s in Node on the shared 2-core
 * machine, with long tails for some techniques), so a film that is made only when it is asked for would keep the
 * reader waiting longer before fakes. A drill therefore keeps several films prepared ahead of the one being read and
 * never changes film faster than a fixed minimum, so while the reader is slower than the worker every film change
 * takes the same time. A reader faster than the worker still waits, and then the wait depends on the film: the README
 * says so (section "Running a readiness drill").
 */
export const DRILL_PREFETCH_AHEAD = 5;
export const DRILL_MIN_CHANGE_MS = 400;

/** The next `n` case ids after the one on screen (or, in a briefing, from the round's first), across rounds. */
export function upcomingCaseIds(s: SessionState, n: number): CaseId[] {
  const flat = s.config.rounds.flat();
  const at = s.config.rounds.slice(0, s.round).reduce((k, r) => k + r.length, 0) + (s.phase === 'briefing' ? 0 : s.caseIndex + 1);
  return flat.slice(at, at + n);
}

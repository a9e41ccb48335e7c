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

/**
 * Cases prepared ahead in every other mode. A fake takes longer to make than the film under it (a forgery runs after
 * the simulation; up to about 2 s more here), so with only the next case prepared a reader who answers quickly would
 * wait longer before fakes. Two ahead, the case after next is made while this one is read, and the wait before a case
 * no longer depends on its truth unless every case is answered faster than cases are made.
 */
export const CASES_PREPARED_AHEAD = 2;

/** How many upcoming cases to keep prepared for this mode. */
export const casesPreparedAhead = (mode: { readonly drill?: unknown }): number => (mode.drill ? DRILL_PREFETCH_AHEAD : CASES_PREPARED_AHEAD);

/** The next `n` case ids after the one on screen (or, in a briefing, from the round's first), across rounds. */
export function upcomingCaseIds(s: SessionState, n: number): CaseId[] {
  const flat = s.config.rounds.flat();
  const at = s.config.rounds.slice(0, s.round).reduce((k, r) => k + r.length, 0) + (s.phase === 'briefing' ? 0 : s.caseIndex + 1);
  return flat.slice(at, at + n);
}

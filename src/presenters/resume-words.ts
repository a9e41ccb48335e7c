import { countOf } from './module.js';

/** Where a resumed session stands; `at` is null when it resumes between cases (a review, a briefing). */
export interface ResumedAt {
  readonly answers: number;
  /** A readiness drill: one worklist of films, so no round is named. */
  readonly drill?: boolean;
  readonly at: { readonly round: number; readonly caseIndex: number; readonly cases: number; readonly marks: number; readonly secondsLeft: number } | null;
}

/** What the announcer says after a reload restores a session: where it stands and what was kept. Pure. */
export function resumedWords(r: ResumedAt): string {
  const kept = `${countOf(r.answers, 'answer')} kept`;
  if (!r.at) return `Resumed your session with ${kept}.`;
  const a = r.at;
  const marks = a.marks > 0 ? `, your ${countOf(a.marks, 'mark')}` : '';
  const item = r.drill ? 'film' : 'case';
  const where = `${r.drill ? '' : `round ${a.round + 1}, `}${item} ${a.caseIndex + 1} of ${a.cases}`;
  return `Resumed your session at ${where}, with ${kept}${marks} and ${countOf(a.secondsLeft, 'second')} left on this ${item}.`;
}

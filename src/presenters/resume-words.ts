import { countOf } from './module.js';

/** Where a resumed session stands; `at` is null when it resumes between cases (a review, a briefing). */
export interface ResumedAt {
  readonly answers: number;
  readonly at: { readonly round: number; readonly caseIndex: number; readonly cases: number; readonly marks: number; readonly secondsLeft: number } | null;
}

/** What the announcer says after a reload restores a session: where it stands and what was kept. Pure. */
export function resumedWords(r: ResumedAt): string {
  const kept = `${countOf(r.answers, 'answer')} kept`;
  if (!r.at) return `Resumed your session with ${kept}.`;
  const a = r.at;
  const marks = a.marks > 0 ? `, your ${countOf(a.marks, 'mark')}` : '';
  return `Resumed your session at round ${a.round + 1}, case ${a.caseIndex + 1} of ${a.cases}, with ${kept}${marks} and ${countOf(a.secondsLeft, 'second')} left on this case.`;
}

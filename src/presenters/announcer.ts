import {
  RATING_LABELS, artifactById, casesInRound, fakeLabel, formatRate, roundRecords, summarise, type SessionState,
} from '../domain/index.js';

/**
 * What the accessible status line (aria-live) says when the session changes: the case number and count, the outcome
 * of each answer in words, and the round results. Time left is announced by `timeAnnouncement` at set marks.
 */
export function sessionAnnouncement(prev: SessionState | null, next: SessionState | null): string | null {
  if (prev === next) return null;
  if (!next) {
    if (!prev) return null;
    const what = prev.phase === 'summary' ? 'Session finished' : 'Session stopped';
    return `${what}: it stays in your results and history. Title screen: Enter starts practice, K opens case packs, A the atlas, R your results.`;
  }
  const round = `round ${next.round + 1} of ${next.config.rounds.length}`;
  if (next.phase === 'briefing' && prev?.phase !== 'briefing') {
    const n = casesInRound(next);
    return `Practice, ${round}: ${n} cases, ${next.config.mode.secondsPerCase} seconds each. Press Enter to start.`;
  }
  if (next.phase === 'reading' && prev?.phase !== 'reading') {
    return `Case ${next.caseIndex + 1} of ${casesInRound(next)}, ${round}. ${next.config.mode.secondsPerCase} seconds.`;
  }
  if (next.phase === 'answered' && prev?.phase === 'reading') {
    const rec = next.records[next.records.length - 1];
    if (rec?.rating) return `Answer locked: ${RATING_LABELS[rec.rating].toLowerCase()}.`;
  }
  if (next.phase === 'timedOut' && prev?.phase === 'reading') return "Time's up: this case counts as wrong.";
  if (next.phase === 'roundReview' && prev?.phase !== 'roundReview') {
    const s = summarise(roundRecords(next));
    return (
      `Round ${next.round + 1} complete: ${s.correct} of ${s.cases} correct, ${s.points} points. ` +
      `Sensitivity ${formatRate(s.sensitivity)}, specificity ${formatRate(s.specificity)}.`
    );
  }
  if (next.phase === 'summary' && prev?.phase !== 'summary') {
    const s = summarise(next.records);
    return `Session complete: ${s.correct} of ${s.cases} correct, ${next.points} points, accuracy ${formatRate(s.accuracy)}.`;
  }
  if (next.phase === 'reading' && prev?.phase === 'reading' && prev.marks !== next.marks) {
    return `${next.marks.length} mark${next.marks.length === 1 ? '' : 's'} placed.`;
  }
  return null;
}

/** Whole seconds to announce: every 10 s from 30, then each of the last five. */
const TIME_MARKS = new Set([30, 20, 10, 5, 4, 3, 2, 1]);

export function timeAnnouncement(prevRemainingMs: number, remainingMs: number): string | null {
  const before = Math.ceil(prevRemainingMs / 1000);
  const now = Math.ceil(remainingMs / 1000);
  if (now === before || !TIME_MARKS.has(now)) return null;
  return `${now} second${now === 1 ? '' : 's'} left.`;
}

export function reviewAnnouncement(state: SessionState, index: number): string | null {
  const rec = roundRecords(state)[index];
  if (!rec) return null;
  const truth = rec.truth.kind === 'authentic' ? 'real' : `fake (${fakeLabel(rec.truth, (id) => artifactById(id).name)})`;
  const said = rec.rating === null ? 'you ran out of time' : `you said ${RATING_LABELS[rec.rating].toLowerCase()}`;
  const verdict = rec.score.correct ? 'correct' : 'wrong';
  return `Case ${index + 1}: ${truth}; ${said}; ${verdict}, ${rec.score.total} points.`;
}

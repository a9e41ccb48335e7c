import {
  countOf, RATING_LABELS, artifactById, casesInRound, fakeLabel, formatRate, keepsPoints, roundRecords, summarise, type CaseRecord, type SessionState,
} from '../domain/index.js';
import { modeTitle } from './mode-hooks.js';
import { CaseWord, caseWord, reviewHeading } from './session-words.js';
import { answerWords } from './readiness/answer-words.js';
import { draftWords, drillSummaryWords } from './readiness/status-words.js';

/**
 * What the accessible status line (aria-live) says when the session changes: the case number and count, the rating
 * chosen and given, the truth of a case when the mode's feedback reveals it, and the round results. It never says
 * right or wrong before the review does. Time left is announced by `timeAnnouncement` at set marks.
 */
const answerGiven = (rec: CaseRecord): string =>
  rec.rating === null ? `Answer given: ${answerWords(rec)}.` : `Answer given: ${RATING_LABELS[rec.rating].toLowerCase()}.`;

/** `reviewOnly`: the session that ends was a past one opened for review (the store's flag before it ended). */
export function sessionAnnouncement(prev: SessionState | null, next: SessionState | null, reviewOnly = false): string | null {
  if (prev === next) return null;
  if (!next) {
    // A CME module's test ends into the module's own page, which says what comes next.
    if (!prev || prev.config.mode.hooks === 'cme') return null;
    // Closing a past session's review changes nothing stored: it is not "stopped".
    const what = reviewOnly ? 'Review closed: the session is unchanged and' : prev.phase === 'summary' ? 'Session finished: it' : 'Session stopped: it';
    return `${what} stays in your results and history. Title screen: Enter starts practice, K opens case packs, A the atlas, R your results.`;
  }
  const m = next.config.mode;
  // A drill is one worklist of films: it names no round (session-words.ts).
  const round = m.drill ? '' : `, round ${next.round + 1} of ${next.config.rounds.length}`;
  if (next.phase === 'briefing' && (prev?.phase !== 'briefing' || prev.round !== next.round)) {
    // With feedback at the end, the answer that ends a round leads straight to the next briefing.
    const given = prev && next.records.length > prev.records.length ? 'Answer given. ' : '';
    return `${given}${modeTitle(m)}${round}: ${countOf(casesInRound(next), caseWord(m))}, ${m.secondsPerCase} seconds each. Press Enter to start.`;
  }
  if (next.phase === 'reading' && prev?.phase !== 'reading') {
    // A prepared next case replaces "Answer given" within milliseconds, before a screen reader has said it: say both.
    // (A drill holds every film change for a set minimum, so its "Answer given" is heard, and a film's first words
    // stay the same whatever was answered before.)
    const last = next.records[next.records.length - 1];
    const justGiven = prev?.phase === 'loading' && !next.interrupted && m.feedback !== 'after-case' && !m.drill && last !== undefined && !last.timedOut &&
      last.round === next.round && last.indexInRound === next.caseIndex - 1;
    const given = justGiven ? `${answerGiven(last)} ` : '';
    return `${given}${CaseWord(m)} ${next.caseIndex + 1} of ${casesInRound(next)}${round}. ${next.interrupted ? 'Resumed with the time that was left' : `${m.secondsPerCase} seconds`}.`;
  }
  const parts: string[] = [];
  if (next.records.length > (prev?.records.length ?? 0)) {
    const rec = next.records[next.records.length - 1] as CaseRecord;
    if (rec.timedOut) parts.push(`Time's up: no answer was given for this ${caseWord(m)}.`);
    else parts.push(answerGiven(rec));
    if (next.phase === 'caseReview') parts.push(recordAnnouncement(rec));
  }
  if (next.phase === 'reading' && prev?.phase === 'reading' && prev.rating !== next.rating && next.rating !== null) {
    parts.push(`Rating ${next.rating}, ${RATING_LABELS[next.rating].toLowerCase()}. Enter gives it.`);
  }
  if (next.phase === 'reading' && prev?.phase === 'reading' && (prev.read !== next.read || prev.flagged !== next.flagged || prev.tellNamed !== next.tellNamed)) {
    parts.push(`${draftWords(next)}.`);
  }
  if (next.phase === 'roundReview' && (prev?.phase !== 'roundReview' || prev.round !== next.round)) {
    const s = summarise(roundRecords(next));
    const outs = s.timedOut > 0 ? `, ${s.timedOut} timed out` : '';
    parts.push(
      `${reviewHeading(next)}: ${s.correct} of ${s.answered} answered correctly${outs}${keepsPoints(m) ? `, ${s.points} points` : ''}. ` +
      `Sensitivity ${formatRate(s.sensitivity)}, specificity ${formatRate(s.specificity)}.`,
    );
  }
  if (next.phase === 'summary' && prev?.phase !== 'summary' && m.drill) {
    parts.push(`${modeTitle(m)} complete. ${drillSummaryWords(next.records)}`);
  } else if (next.phase === 'summary' && prev?.phase !== 'summary') {
    const s = summarise(next.records);
    parts.push(`Session complete: ${s.correct} of ${s.answered} answered correctly, ${keepsPoints(m) ? `${s.points} points, ` : ''}accuracy ${formatRate(s.accuracy)}.`);
  }
  if (parts.length > 0) return parts.join(' ');
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

/** One case's truth and outcome, for a review. */
export function recordAnnouncement(rec: CaseRecord): string {
  const truth = rec.truth.kind === 'authentic' ? 'real' : `fake (${fakeLabel(rec.truth, (id) => artifactById(id).name)})`;
  const said = rec.rating === null ? 'you ran out of time' : `you said ${RATING_LABELS[rec.rating].toLowerCase()}`;
  const verdict = rec.timedOut ? 'time-out' : rec.score.correct ? 'correct' : 'wrong';
  return `Case ${rec.indexInRound + 1}: ${truth}; ${said}; ${verdict}, ${rec.score.total} points.`;
}

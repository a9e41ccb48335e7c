import {
  artifactById, fakeLabel, flagOutcome, formatRate, keepsPoints, localTells, marksTell, nextReviewedRound, type CaseRecord, type SessionState, type Summary,
} from '../domain/index.js';

import { answerWords, FLAG_VERDICT, HINT_WORDS } from './readiness/answer-words.js';

/** The words of the review: what the case was, what the reader said, and what to look at next time. Pure. */
export interface ReviewText {
  readonly verdict: string;
  /** How hard the fake was made (per step of its recipe), or null for a real or imported image. */
  readonly level: string | null;
  readonly answer: string;
  /** The points of the case, a drill's AI badge, or null where the mode keeps no points (a CME module). */
  readonly points: string | null;
  readonly body: string;
}

const LEVEL_WORDS = { obvious: 'visible at fit-to-window', subtle: 'visible with a second look or one tool', expert: 'needs zoom, a narrow window or a lens' } as const;

export function reviewText(rec: CaseRecord, points = true): ReviewText {
  const truthLabel =
    rec.truth.kind === 'authentic' ? 'REAL: an authentic exam' : `FAKE: ${fakeLabel(rec.truth, (id) => artifactById(id).name)}`;
  const words = answerWords(rec);
  const said = rec.timedOut && rec.read === undefined ? 'No answer: time ran out' : `You ${words}`;
  const time = rec.timedOut ? '' : ` in ${(rec.timeMs / 1000).toFixed(1)} s`;
  const flag = flagOutcome(rec);
  const verdict = `${rec.timedOut ? 'Time-out' : flag ? FLAG_VERDICT[flag] : rec.score.correct ? 'Correct' : 'Wrong'}. ${truthLabel}`;
  const s = rec.score;
  const parts = [`${s.ratingPoints >= 0 ? '+' : ''}${s.ratingPoints} confidence`];
  if (s.localisationBonus) parts.push(`+${s.localisationBonus} tell marked`);
  if (s.streakBonus) parts.push(`+${s.streakBonus} streak`);
  // A drill keeps no points; its review says what the AI badge said instead.
  const pointsLine = rec.hint !== undefined
    ? rec.hint === null ? 'No authenticity check was shown on this film.' : `The ${HINT_WORDS[rec.hint].toLowerCase()}.`
    : points ? `${s.total} points (${parts.join(', ')})` : null;
  let body: string;
  if (rec.truth.kind === 'synthetic') {
    const t = rec.truth;
    body = [
      `An AI-generated image (${t.generator}) imported by your instructor.`,
      t.explanation,
      ...t.tells.map((x) => `${x.artifactId}: ${x.explanation}\nHow to see it: ${x.howToSee}`),
      t.provenance.length > 0 ? `The file declared its origin (removed before you saw it):\n${t.provenance.map((p) => `- ${p}`).join('\n')}` : '',
    ].filter((x) => x !== '').join('\n\n');
  } else if (rec.truth.kind === 'forged') {
    body = rec.truth.tells
      .map((t) => `${t.artifactId}: ${t.explanation}\nHow to see it: ${t.howToSee}`)
      .join('\n\n');
    if (rec.marks.length > 0 && localTells(rec.truth).length > 0 && !marksTell(rec.truth, rec.marks)) {
      body += '\n\nYour marks missed the tell region.';
    }
  } else {
    body = `What marks it as authentic:\n${rec.truth.authenticityCues.map((c) => `- ${c}`).join('\n')}`;
  }
  const level = rec.truth.kind === 'forged' && rec.truth.recipe.length > 0
    ? `Difficulty: ${rec.truth.recipe.map((r) => `${r.level} (${LEVEL_WORDS[r.level]})`).join(', then ')}.`
    : null;
  return { verdict, level, answer: `${said}${time}.`, points: pointsLine, body };
}

/** The round's lines; without the points where the mode keeps none (`keepsPoints`). */
export function summaryLines(s: Summary, points = true): readonly string[] {
  return [
    ...(points ? [`Points: ${s.points}`] : []),
    `Correct: ${s.correct} of ${s.answered} answered (accuracy ${formatRate(s.accuracy)})${s.timedOut > 0 ? `; ${s.timedOut} timed out` : ''}`,
    `Sensitivity ${formatRate(s.sensitivity)}: fakes you caught (${s.tp} of ${s.tp + s.fn})`,
    `Specificity ${formatRate(s.specificity)}: real images you cleared (${s.tn} of ${s.tn + s.fp})`,
    `Tells marked correctly: ${s.localised}`,
    s.medianTimeMs === null ? 'Median decision time: n/a' : `Median decision time: ${(s.medianTimeMs / 1000).toFixed(1)} s`,
  ];
}


/**
 * The words of the review's way on (Enter), for its button and for the status line that names the key, so the two
 * agree. The last round's button says where it leads: a past session's figures, a module test's result.
 */
export function onwardLabel(s: SessionState, reviewOnly: boolean): string {
  if (s.phase === 'caseReview') return 'Next case';
  if (reviewOnly) {
    const next = nextReviewedRound(s);
    return next === null ? "See the session's figures" : `Review round ${next + 1}`;
  }
  if (s.round + 1 < s.config.rounds.length) return s.config.mode.feedback === 'end-of-session' ? 'Review the next round' : 'Next round';
  if (s.config.mode.hooks === 'cme') return 'See your result';
  return 'Finish the session';
}

/** Whether the review shows the points of each case and round (not in a drill or a CME module). */
export const reviewShowsPoints = (s: SessionState): boolean => keepsPoints(s.config.mode);

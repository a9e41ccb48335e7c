import type { Answer } from '../delivery/index.js';

/**
 * A game answer (a live CaseRecord or a stored answer: the same fields) as a result file and an xAPI statement carry
 * it. The truth and the score stay behind: the instructor's side plans the deck again and scores it there.
 */
export interface AnswerLike {
  readonly caseId: string;
  readonly round: number;
  readonly indexInRound: number;
  readonly rating: number | null;
  readonly marks: readonly { readonly x: number; readonly y: number }[];
  readonly timeMs: number;
  readonly timedOut: boolean;
  readonly toolsUsed: readonly string[];
  readonly interrupted: boolean;
  readonly answeredAt: number;
}

export function toAnswer(a: AnswerLike): Answer {
  return {
    caseId: a.caseId, round: a.round, indexInRound: a.indexInRound, rating: a.timedOut ? null : a.rating,
    // Marks are image pixels, kept to 0.01 px; the result schema bounds them to the image's range.
    marks: a.marks.map((m) => ({ x: Math.round(Math.max(0, m.x) * 100) / 100, y: Math.round(Math.max(0, m.y) * 100) / 100 })),
    timeMs: Math.round(a.timeMs), timedOut: a.timedOut, toolsUsed: [...new Set(a.toolsUsed)] as Answer['toolsUsed'],
    interrupted: a.interrupted, answeredAt: Math.round(a.answeredAt),
  };
}

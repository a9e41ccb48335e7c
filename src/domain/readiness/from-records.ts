import type { CaseRecord } from '../session.js';
import { isFake } from '../tells.js';
import { calledFake, tellCategoriesOf } from './answer.js';
import type { DrillAnswer } from './report.js';

/** The game's own records as the drill report's answers (the reader's debrief at the end of a drill). */
export const drillAnswersOf = (records: readonly CaseRecord[]): DrillAnswer[] =>
  records.map((r) => ({
    caseId: r.caseId,
    fake: isFake(r.truth),
    tellCategories: tellCategoriesOf(r.truth),
    // The prompted drill's flag is a rating of 4 or more; the unprompted one's is the flag itself; a film whose clock
    // ran out (no read) made no call, whatever was flagged (report.ts counts a time-out apart).
    flagged: calledFake(r) === true,
    read: r.read ?? null,
    tellNamed: r.tellNamed ?? null,
    hint: r.hint ?? null,
    timeMs: r.timeMs,
    timedOut: r.timedOut,
  }));

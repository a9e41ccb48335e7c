import type { Statement } from '@xapi/xapi';
import type { Answer } from '../result-schema.js';
import type { LrsBlock, SessionBody } from '../session-schema.js';
import {
  ACTIVITY_ASSESSMENT, ACTIVITY_INTERACTION, ACTIVITY_PROFILE, EXT, RATING_SCALE, VERB_ANSWERED, VOCABULARY_BASE,
} from './vocabulary.js';

/**
 * One xAPI statement per answer (xAPI 1.0.3 Part 2; IEEE 9274.1.1).
 * - actor: an Agent identified by an account (Part 2 sections 4.1.2.3-4.1.2.4): homePage = the session's activity base, name =
 *   the reader key's fingerprint. Never an email and never the display name: the instructor learns who is who only
 *   from result files the readers choose to hand in.
 * - object: the case, an activity under the session's activity IRI (stable across readers, so the LRS aggregates
 *   per case); a cmi.interaction of type likert whose scale is the six-point rating.
 * - result.success is sent: the LRS is the instructor's record, not the reader's screen, so it reveals nothing to
 *   the reader before the mode's feedback does (their own game already holds the truth to draw the tells).
 * - context.registration = the session id (a UUID, Part 2 section 4.1.6): one query returns the whole session.
 * - id is set here, once, when the answer is queued: a re-send after a lost reply carries the same id and the same
 *   content, which the LRS must not store twice (Part 3 sections 2.1.1-2.1.2: "MUST NOT make any modifications to its
 *   state based on receiving a Statement with a statementID that it already has").
 */

export const sessionActivityId = (session: SessionBody, lrs: LrsBlock): string =>
  `${lrs.activityBase.replace(/\/+$/, '')}/sessions/${session.sessionId}`;

export const caseActivityId = (session: SessionBody, lrs: LrsBlock, caseId: string): string =>
  `${sessionActivityId(session, lrs)}/cases/${encodeURIComponent(caseId)}`;

export const readerAgent = (lrs: LrsBlock, fingerprint: string) =>
  ({ objectType: 'Agent', account: { homePage: lrs.activityBase, name: fingerprint } }) as const;

/** ISO 8601 duration to 0.01 s, the precision xAPI keeps (Part 2 section 4.6). */
export const isoDuration = (ms: number): string => `PT${(Math.floor(Math.max(0, ms) / 10) / 100).toFixed(2)}S`;

export interface AnswerStatementInput {
  readonly statementId: string;
  readonly session: SessionBody;
  readonly sessionSha256: string;
  readonly lrs: LrsBlock;
  readonly readerFingerprint: string;
  readonly answer: Answer;
  /** The case's truth, when the game knows it (it always does for its own decks). */
  readonly truth: 'fake' | 'authentic' | null;
  readonly app: { readonly name: string; readonly version: string };
}

export function answerStatement(x: AnswerStatementInput): Statement {
  const a = x.answer;
  const resultExt: Record<string, unknown> = {
    [EXT.rating]: a.rating,
    [EXT.marks]: a.marks.map((m) => ({ x: m.x, y: m.y })),
    [EXT.timeMs]: a.timeMs,
    [EXT.timedOut]: a.timedOut,
    [EXT.toolsUsed]: [...a.toolsUsed],
    [EXT.interrupted]: a.interrupted,
  };
  if (a.read !== undefined) resultExt[EXT.read] = a.read;
  if (a.flagged !== undefined) resultExt[EXT.flagged] = a.flagged;
  if (a.tellNamed !== undefined) resultExt[EXT.tellNamed] = a.tellNamed;
  if (a.hint !== undefined) resultExt[EXT.hint] = a.hint;
  // The call: a rating of 4 or more, or (read-and-flag) the flag; a time-out makes none.
  const call = a.timedOut ? null : a.read !== undefined ? a.flagged === true : a.rating !== null && a.rating >= 4;
  const success = x.truth === null ? undefined : call !== null && call === (x.truth === 'fake');
  const sessionActivity = sessionActivityId(x.session, x.lrs);
  return {
    id: x.statementId,
    actor: readerAgent(x.lrs, x.readerFingerprint),
    verb: VERB_ANSWERED,
    object: {
      objectType: 'Activity',
      id: caseActivityId(x.session, x.lrs, a.caseId),
      definition: {
        type: ACTIVITY_INTERACTION,
        name: { 'en-US': `Case ${a.caseId}` },
        description: { 'en-US': 'Is this radiograph real or fake? Rate from 1 (definitely real) to 6 (definitely fake).' },
        interactionType: 'likert',
        scale: RATING_SCALE,
      },
    },
    result: {
      ...(a.rating !== null ? { response: String(a.rating) } : {}),
      ...(success !== undefined ? { success } : {}),
      completion: !a.timedOut,
      duration: isoDuration(a.timeMs),
      extensions: resultExt,
    },
    context: {
      registration: x.session.sessionId,
      platform: `${x.app.name} ${x.app.version}`.slice(0, 100),
      contextActivities: {
        parent: [{ objectType: 'Activity', id: sessionActivity, definition: { type: ACTIVITY_ASSESSMENT, name: { 'en-US': x.session.title } } }],
        category: [{ objectType: 'Activity', id: VOCABULARY_BASE, definition: { type: ACTIVITY_PROFILE } }],
      },
      extensions: { [EXT.round]: a.round, [EXT.indexInRound]: a.indexInRound, [EXT.sessionSha256]: x.sessionSha256 },
    },
    timestamp: new Date(a.answeredAt).toISOString(),
  } as Statement;
}

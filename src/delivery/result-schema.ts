import { z } from 'zod';
import { ARTIFACT_CATEGORIES, HINT_CALLS } from '../domain/index.js';
import { base64UrlKey, PUBLIC_KEY_BYTES } from './keys.js';
import { SignatureSchema, SignedSessionSchema } from './session-schema.js';

/**
 * A reader's result file (JSON, versioned, signed by the key the reader's browser made at join). Format in
 * src/delivery/README.md. It carries the whole signed session, so a folder of result files is enough for a debrief.
 */
export const RESULT_FORMAT = 'xray-trainer.result';
export const CURRENT_RESULT_VERSION = 1;
/** A 20 x 200-case session with every field filled is under 2 MB; more is not a result file. */
export const MAX_RESULT_FILE_BYTES = 8 * 1024 * 1024;

export const ANSWER_TOOLS = ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset', 'reset', 'lens'] as const;
const isoTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const pixel = z.number().finite().min(0).max(65_536);

/** One answer as the game records it (domain CaseRecord, without the truth and the score the instructor recomputes). */
export const AnswerSchema = z
  .object({
    caseId: z.string().min(1).max(120),
    /** As the game counts them (CaseRecord.round, CaseRecord.indexInRound). */
    round: z.number().int().min(0).max(20),
    indexInRound: z.number().int().min(0).max(199),
    /** 1 definitely real … 6 definitely fake; null when the clock ran out. */
    rating: z.number().int().min(1).max(6).nullable(),
    /** Where the reader marked the tell, in image pixels. */
    marks: z.array(z.object({ x: pixel, y: pixel }).strict()).max(3),
    timeMs: z.number().int().min(0).max(3_600_000),
    timedOut: z.boolean(),
    toolsUsed: z.array(z.enum(ANSWER_TOOLS)).refine((xs) => new Set(xs).size === xs.length, 'lists each tool once'),
    /** The case was shown again after a reload: its clock restarted. */
    interrupted: z.boolean(),
    /** Epoch milliseconds. */
    answeredAt: z.number().int().min(0),
    /** read-and-flag answers only: the clinical read and whether the reader flagged the image as manipulated. */
    read: z.enum(['normal', 'abnormal']).nullable().optional(),
    flagged: z.boolean().optional(),
    /** Readiness drills only: the kind of tell named for a film called fake, and the AI badge the film showed. */
    tellNamed: z.enum(ARTIFACT_CATEGORIES).nullable().optional(),
    hint: z.enum(HINT_CALLS).nullable().optional(),
  })
  .strict()
  // A rating answer times out with no rating; a read-and-flag answer has no rating and times out with no read.
  .refine((a) => (a.read === undefined ? (a.rating === null) === a.timedOut : a.rating === null && (a.read === null) === a.timedOut),
    'timedOut must be true exactly when there is no rating (in a read-and-flag session: no read, and never a rating)');
export type Answer = z.infer<typeof AnswerSchema>;

export const ResultBodySchema = z
  .object({
    session: SignedSessionSchema,
    /** SHA-256 of the canonical signed session (sessionSha256): checked against `session` on reading. */
    sessionSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** SHA-256 of the planned deck as this reader's game planned it (planSessionDeck). */
    deckPlanSha256: z.string().regex(/^[0-9a-f]{64}$/),
    reader: z
      .object({
        /** The reader's own choice (a name or a pseudonym); it appears nowhere but in this file. */
        displayName: z.string().trim().min(1).max(80),
        publicKey: base64UrlKey('reader.publicKey', PUBLIC_KEY_BYTES),
        fingerprint: z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/),
      })
      .strict(),
    app: z.object({ name: z.string().min(1).max(80), version: z.string().min(1).max(40) }).strict(),
    startedAt: isoTime,
    finishedAt: isoTime,
    /** False when the reader saved before the last case (the game lets a reader leave early). */
    complete: z.boolean(),
    answers: z.array(AnswerSchema).max(4000),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (Date.parse(r.finishedAt) < Date.parse(r.startedAt)) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'is before startedAt' });
    const seen = new Set<string>();
    r.answers.forEach((a, i) => {
      if (seen.has(a.caseId)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'caseId'], message: `case ${a.caseId} is answered twice` });
      seen.add(a.caseId);
      const isReadAndFlag = r.session.session.mode.answer === 'read-and-flag';
      if (isReadAndFlag !== (a.read !== undefined && a.flagged !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['answers', i], message: isReadAndFlag ? 'a read-and-flag session needs read and flagged' : 'read and flagged belong to read-and-flag sessions only' });
      }
      const isDrill = r.session.session.mode.drill !== undefined;
      if (isDrill !== (a.tellNamed !== undefined && a.hint !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['answers', i], message: isDrill ? 'a readiness drill\'s answer needs tellNamed and hint' : 'tellNamed and hint belong to readiness drills only' });
      }
    });
  });
export type ResultBody = z.infer<typeof ResultBodySchema>;

export const ResultFileSchema = z
  .object({
    format: z.literal(RESULT_FORMAT),
    schemaVersion: z.literal(CURRENT_RESULT_VERSION),
    result: ResultBodySchema,
    signature: SignatureSchema,
  })
  .strict();
export type ResultFile = z.infer<typeof ResultFileSchema>;

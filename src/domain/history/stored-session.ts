import { z } from 'zod';
import { ARTIFACT_CATEGORIES, ARTIFACTS } from '../artifacts.js';
import { CLINICAL_READS, HINT_CALLS } from '../readiness/settings.js';
import { GameModeSchema } from '../modes.js';
import { TOOL_NAMES } from '../session.js';

/**
 * The stored form of a session: what IndexedDB keeps, what "export JSON" writes and "import" reads.
 * Versioned (tldraw's approach): `schemaVersion` plus migrations from every older version, validated by zod so a
 * corrupt record is refused on its own without losing the others. The format is documented in the README's
 * "Results JSON format".
 */
export const SESSION_SCHEMA_VERSION = 3;

const ARTIFACT_IDS = ARTIFACTS.map((a) => a.id) as [string, ...string[]];
const PointSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const TellSchema = z
  .object({
    artifactId: z.enum(ARTIFACT_IDS),
    regions: z.array(z.array(PointSchema).min(3)).min(1),
    strength: z.number().min(0).max(1),
    explanation: z.string(),
    howToSee: z.string(),
    extent: z.literal('whole-image').optional(),
  })
  .strict();
const TruthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('authentic'), authenticityCues: z.array(z.string()) }).strict(),
  z
    .object({
      kind: z.literal('forged'),
      recipe: z.array(
        z.object({ techniqueId: z.string(), level: z.enum(['obvious', 'subtle', 'expert']), seed: z.number().int() }).strict(),
      ),
      tells: z.array(TellSchema),
    })
    .strict(),
  z
    .object({
      kind: z.literal('synthetic'),
      generator: z.string(),
      provenance: z.array(z.string()),
      explanation: z.string(),
      tells: z.array(TellSchema),
    })
    .strict(),
]);

export const StoredAnswerSchema = z
  .object({
    caseId: z.string().min(1),
    round: z.number().int().min(0),
    indexInRound: z.number().int().min(0),
    rating: z.number().int().min(1).max(6).nullable(),
    marks: z.array(PointSchema).max(3),
    timeMs: z.number().min(0),
    timedOut: z.boolean(),
    toolsUsed: z.array(z.enum(TOOL_NAMES)),
    interrupted: z.boolean(),
    answeredAt: z.number().int(),
    truth: TruthSchema,
    /** Version 3: the read and flag of a read-and-flag answer, the tell named and the AI badge of a drill (null otherwise). */
    read: z.enum(CLINICAL_READS).nullable(),
    flagged: z.boolean().nullable(),
    tellNamed: z.enum(ARTIFACT_CATEGORIES).nullable(),
    hint: z.enum(HINT_CALLS).nullable(),
  })
  .strict();

/**
 * The case on screen when last saved, so a reload resumes it with the time that was left and the marks kept: the
 * clock start (epoch ms, moved forward by pauses) and, when paused, since when. The clock keeps running while the
 * page is closed unless the game was paused, so a reload never buys time.
 */
export const OpenCaseSchema = z
  .object({
    caseId: z.string().min(1),
    /** Null when unknown (saved by version 1): the case starts afresh. */
    startedAt: z.number().nullable(),
    pausedAt: z.number().nullable(),
    marks: z.array(PointSchema).max(3),
    rating: z.number().int().min(1).max(6).nullable(),
    toolsUsed: z.array(z.enum(TOOL_NAMES)),
    /** Version 3: the read, flag and tell chosen on a drill's case (null and false elsewhere). */
    read: z.enum(CLINICAL_READS).nullable(),
    flagged: z.boolean(),
    tellNamed: z.enum(ARTIFACT_CATEGORIES).nullable(),
  })
  .strict();

export const StoredSessionSchema = z
  .object({
    schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
    id: z.string().min(1),
    startedAt: z.number().int(),
    updatedAt: z.number().int(),
    status: z.enum(['in-progress', 'complete', 'abandoned']),
    mode: GameModeSchema,
    deckId: z.string().min(1),
    seed: z.number().int(),
    rounds: z.array(z.array(z.string().min(1)).min(1)).min(1),
    answers: z.array(StoredAnswerSchema),
    openCase: OpenCaseSchema.nullable(),
    /**
     * The version of the code that made the deck's images (the demo deck's simulator and forgery engine, or a case
     * pack's content hash). A past session reviewed after it changed says its images were made again differently.
     */
    generator: z.string().min(1).max(200),
    /** Version 3: a drill's AI badges by case id (SessionConfig.hints); empty when the session has none. */
    hints: z.record(z.string(), z.enum(HINT_CALLS)),
  })
  .strict();

export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/** Mode settings added in version 2, with the values every version-1 session was played with. */
const MODE_V1_DEFAULTS = {
  tools: ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset'], lenses: ['noise', 'variance', 'spectrum', 'flip', 'ela'],
  showScore: true, levels: ['obvious', 'obvious', 'subtle', 'subtle', 'expert'], focus: null, answer: 'rating', hooks: 'practice',
};

/**
 * Version 1 had no `extent` on tells; the forgery engine then drew a whole-image tell as one rectangle from the
 * image's corner, at least 256 px each way (the smallest image the game makes). Such a tell gets extent whole-image.
 */
function markWholeImageTells(answer: Record<string, unknown>): Record<string, unknown> {
  const truth = answer['truth'] as { tells?: { regions?: { x: number; y: number }[][] }[] } | undefined;
  if (!isObject(truth) || !Array.isArray(truth.tells)) return answer;
  const tells = truth.tells.map((t) => {
    const r = t.regions?.length === 1 ? t.regions[0] : undefined;
    const whole = r?.length === 4 && r[0]?.x === 0 && r[0]?.y === 0 && Math.max(...r.map((p) => p.x)) >= 256 && Math.max(...r.map((p) => p.y)) >= 256;
    return whole ? { ...t, extent: 'whole-image' } : t;
  });
  return { ...answer, truth: { ...truth, tells } };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an old record must look like for its migrations to run: the migrations read inside answers, tells and
 * regions, so a null there is refused here with its path rather than crashing the read of every session.
 */
function oldShapeProblem(rec: Record<string, unknown>): string | null {
  const answers = rec['answers'];
  if (!Array.isArray(answers)) return 'answers: expected a list';
  for (const [i, a] of answers.entries()) {
    if (!isObject(a)) return `answers.${i}: expected an answer object`;
    const truth = a['truth'];
    if (truth === undefined) continue;
    if (!isObject(truth)) return `answers.${i}.truth: expected an object`;
    const tells = truth['tells'];
    if (tells === undefined) continue;
    if (!Array.isArray(tells)) return `answers.${i}.truth.tells: expected a list`;
    for (const [j, t] of tells.entries()) {
      const at = `answers.${i}.truth.tells.${j}`;
      if (!isObject(t)) return `${at}: expected a tell object`;
      const regions = t['regions'];
      if (regions === undefined) continue;
      if (!Array.isArray(regions) || !regions.every((r) => Array.isArray(r) && r.every(isObject))) return `${at}.regions: expected lists of points`;
    }
  }
  const open = rec['openCase'];
  if (open !== undefined && open !== null && !isObject(open)) return 'openCase: expected an object or null';
  return null;
}

/** Migrations from older versions, keyed by the version they upgrade from. */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  // 2: mode settings for tools, lenses, score, levels, focus and answer kind; the open case keeps its clock and
  // marks; the generator version is recorded (unknown for version 1: such sessions predate the record).
  1: (old) => {
    const { openCaseId, ...rest } = old;
    const mode = (old['mode'] ?? {}) as Record<string, unknown>;
    const answers = Array.isArray(old['answers']) ? (old['answers'] as Record<string, unknown>[]).map(markWholeImageTells) : old['answers'];
    return {
      ...rest, answers, schemaVersion: 2, mode: { ...MODE_V1_DEFAULTS, ...mode }, generator: 'unknown (recorded before version 2)',
      openCase: typeof openCaseId === 'string' ? { caseId: openCaseId, startedAt: null, pausedAt: null, marks: [], rating: null, toolsUsed: [] } : null,
    };
  },
  // 3: readiness drills. Answers carry the read, flag, tell named and AI badge (all null before: every version-2
  // answer was a rating without a badge); the open case its read, flag and tell; the session its badges (none).
  2: (old) => {
    const answers = Array.isArray(old['answers'])
      ? (old['answers'] as Record<string, unknown>[]).map((a) => ({ ...a, read: null, flagged: null, tellNamed: null, hint: null }))
      : old['answers'];
    const open = old['openCase'] as Record<string, unknown> | null | undefined;
    return { ...old, schemaVersion: 3, answers, hints: {}, openCase: open ? { ...open, read: null, flagged: false, tellNamed: null } : (open ?? null) };
  },
};

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Validates (and migrates) one stored session. Never throws: a bad record gets a message that says what is wrong. */
export function parseStoredSession(raw: unknown): ParseResult<StoredSession> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'not a session record (expected an object)' };
  let rec = raw as Record<string, unknown>;
  const declared = rec['schemaVersion'];
  if (typeof declared !== 'number') return { ok: false, error: 'missing schemaVersion' };
  let version: number = declared;
  if (version > SESSION_SCHEMA_VERSION) {
    return { ok: false, error: `written by a newer version of the game (schema ${version}); update the game to read it` };
  }
  if (version < SESSION_SCHEMA_VERSION) {
    const problem = oldShapeProblem(rec);
    if (problem) return { ok: false, error: `invalid session record (schema ${version}) at ${problem}` };
  }
  while (version < SESSION_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return { ok: false, error: `no migration from schema version ${version}` };
    // The shape check above should leave nothing to throw on; this keeps the promise of never throwing if it does.
    try {
      rec = migrate(rec);
    } catch (err) {
      return { ok: false, error: `a schema ${version} record that could not be upgraded (${(err as Error)?.message ?? String(err)})` };
    }
    version = rec['schemaVersion'] as number;
  }
  const parsed = StoredSessionSchema.safeParse(rec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid session record at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, value: parsed.data };
}

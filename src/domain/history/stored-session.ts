import { z } from 'zod';
import { ARTIFACTS } from '../artifacts.js';
import { GameModeSchema } from '../modes.js';
import { TOOL_NAMES } from '../session.js';

/**
 * The stored form of a session: what IndexedDB keeps, what "export JSON" writes and "import" reads.
 * Versioned (tldraw's approach): `schemaVersion` plus migrations from every older version, validated by zod so a
 * corrupt record is refused on its own without losing the others. Documented in docs/results-schema.md.
 */
export const SESSION_SCHEMA_VERSION = 1;

const ARTIFACT_IDS = ARTIFACTS.map((a) => a.id) as [string, ...string[]];
const PointSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const TellSchema = z
  .object({
    artifactId: z.enum(ARTIFACT_IDS),
    regions: z.array(z.array(PointSchema).min(3)).min(1),
    strength: z.number().min(0).max(1),
    explanation: z.string(),
    howToSee: z.string(),
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
    /** The case on screen when last saved, if unanswered: after a reload it is shown again and marked interrupted. */
    openCaseId: z.string().nullable(),
  })
  .strict();

export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/** Migrations from older versions, keyed by the version they upgrade from. None yet: version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

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
  while (version < SESSION_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return { ok: false, error: `no migration from schema version ${version}` };
    rec = migrate(rec);
    version = rec['schemaVersion'] as number;
  }
  const parsed = StoredSessionSchema.safeParse(rec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid session record at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, value: parsed.data };
}

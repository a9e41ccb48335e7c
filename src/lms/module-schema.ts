import { z } from 'zod';
import { cleanLine, cleanParagraphs } from '../pack-format/index.js';

/**
 * The CME module definition (`module.json` at the root of a module zip), versioned like the pack manifest: version 1
 * now; older versions go through MODULE_MIGRATIONS, newer ones are refused with "update the game". It holds what an
 * accreditation body asks an enduring online activity to show before it starts (ACCME Standards for Integrity and
 * Independence, standards 3 and 6: objectives, faculty with their relevant financial relationships, credit statement,
 * release and expiry dates, estimated time) and what the module needs to run (deck, test sizes, pass mark, attempts).
 * Text is shown as text, never HTML; it is cleaned of control and bidi-override characters and bounded.
 */
export const CURRENT_MODULE_SCHEMA_VERSION = 1;
export const MODULE_FILE = 'module.json';
export const LMS_STANDARDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsStandard = (typeof LMS_STANDARDS)[number];

/** The largest test the suspend-data codec is sized for (tests/unit/lms/suspend-codec.test.ts). */
export const MAX_TEST_CASES = 50;
export const MAX_ATTEMPTS = 5;
export const MAX_PRACTICE_CASES = 20;

function text(max: number, { min = 0, multiline = false } = {}) {
  return z
    .string()
    .max(max * 2, { message: `too long (at most ${max} characters)` })
    .transform(multiline ? cleanParagraphs : cleanLine)
    .pipe(z.string().min(min, { message: min === 1 ? 'must not be empty' : `at least ${min} characters` }).max(max, { message: `too long (at most ${max} characters)` }));
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD, e.g. '2026-09-01'" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { message: 'is not a real date' });

export const FacultySchema = z
  .object({
    name: text(120, { min: 1 }),
    role: text(120).default(''),
    /** The financial-relationship disclosure as the faculty member gave it; "None" is a disclosure too. */
    disclosure: text(2000, { min: 1, multiline: true }),
  })
  .strict();

export const ModuleDeckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), seed: z.number().int().min(0).max(0xffffffff) }).strict(),
  z
    .object({
      kind: z.literal('pack'),
      seed: z.number().int().min(0).max(0xffffffff),
      /** The pack's id (from its manifest) and where its files sit inside the module zip. */
      packId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
      folder: z.string().regex(/^[a-z0-9][a-z0-9._/-]{0,199}$/, { message: "must be a plain relative folder such as 'deck'" }),
    })
    .strict(),
]);

export const ModuleDefinitionSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_MODULE_SCHEMA_VERSION),
    /** Used in manifest identifiers and xAPI activity ids: letters, digits and hyphens. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be 1 to 64 lowercase letters, digits or hyphens' }),
    title: text(200, { min: 1 }),
    provider: text(200).default(''),
    description: text(4000, { multiline: true }).default(''),
    /** Credits the learner may claim (e.g. 1.25 AMA PRA Category 1 Credits), and their name. */
    credits: z.number().min(0).max(100).default(0),
    creditUnit: text(120).default('credits'),
    /** The accreditation and designation statements exactly as the provider entered them. */
    creditStatement: text(4000, { multiline: true }).default(''),
    objectives: z.array(text(500, { min: 1 })).max(20).default([]),
    faculty: z.array(FacultySchema).max(50).default([]),
    estimatedMinutes: z.number().int().min(1).max(600),
    releaseDate: isoDate,
    expiryDate: isoDate,
    /** The post-test share of correct calls needed to pass, stated in advance (cmi5 masteryScore overrides it). */
    passMark: z.number().min(0).max(1).default(0.75),
    attempts: z.number().int().min(1).max(MAX_ATTEMPTS).default(3),
    preCases: z.number().int().min(1).max(MAX_TEST_CASES),
    postCases: z.number().int().min(1).max(MAX_TEST_CASES),
    practiceCases: z.number().int().min(0).max(MAX_PRACTICE_CASES).default(6),
    secondsPerCase: z.number().int().min(10).max(600).default(90),
    /** Share of fakes in each test; matched between pre- and post-test (selection.ts). */
    fakeShare: z.number().min(0).max(1).default(0.5),
    deck: ModuleDeckSchema,
    standard: z.enum(LMS_STANDARDS),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.expiryDate <= m.releaseDate) {
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: `must be after releaseDate (${m.releaseDate})` });
    }
  });

export type ModuleDefinition = z.output<typeof ModuleDefinitionSchema>;
export type ModuleDefinitionInput = z.input<typeof ModuleDefinitionSchema>;
export type ModuleDeck = ModuleDefinition['deck'];
export type Faculty = z.output<typeof FacultySchema>;

export type ModuleMigration = (old: Record<string, unknown>) => Record<string, unknown>;
/** Version n -> n + 1. None yet: version 1 is the first. */
export const MODULE_MIGRATIONS: Readonly<Record<number, ModuleMigration>> = Object.freeze({});

export class ModuleDefinitionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`module.json is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ModuleDefinitionError';
  }
}

/** Parses, migrates and validates a module definition; throws ModuleDefinitionError listing every problem. */
export function parseModuleDefinition(json: unknown): ModuleDefinition {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ModuleDefinitionError(['the file must hold one JSON object']);
  }
  let doc = json as Record<string, unknown>;
  let version = doc['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ModuleDefinitionError([`schemaVersion must be a whole number from 1; got ${JSON.stringify(version)}`]);
  }
  if (version > CURRENT_MODULE_SCHEMA_VERSION) {
    throw new ModuleDefinitionError([`schemaVersion ${version} is newer than this game reads (${CURRENT_MODULE_SCHEMA_VERSION}); update the game`]);
  }
  while (version < CURRENT_MODULE_SCHEMA_VERSION) {
    const migrate = MODULE_MIGRATIONS[version];
    if (!migrate) throw new ModuleDefinitionError([`no migration from schemaVersion ${version}`]);
    doc = { ...migrate(doc), schemaVersion: version + 1 };
    version += 1;
  }
  const parsed = ModuleDefinitionSchema.safeParse(doc);
  if (!parsed.success) {
    throw new ModuleDefinitionError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}

/** Text of module.json as the packager writes it (stable key order from the schema's output). */
export const encodeModuleDefinition = (m: ModuleDefinition): string => `${JSON.stringify(m, null, 2)}\n`;

/** Whether the module may be taken on `today` (YYYY-MM-DD): on or after release, before expiry. */
export function moduleAvailability(m: ModuleDefinition, today: string): 'not-yet-released' | 'open' | 'expired' {
  if (today < m.releaseDate) return 'not-yet-released';
  if (today >= m.expiryDate) return 'expired';
  return 'open';
}

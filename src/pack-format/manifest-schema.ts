import { z } from 'zod';
import { ARTIFACTS, type ArtifactId } from '../domain/index.js';
import type { CaseHeader } from '../domain/index.js';
import type { ForgeryStep, Tell } from '../domain/index.js';
import { DIFFICULTIES, MAX_FORGERY_STEPS, TECHNIQUE_SUMMARIES } from '../forgery/index.js';
import type { ProvenanceFinding, ReviewFlag } from './case-provenance.js';
import { plainText } from './plain-text.js';
import { unsafePathReason } from './paths.js';

/**
 * The zod schema of a pack manifest, version 1 (documented in README.md). Cross-field rules that need the whole
 * manifest (regions inside the image, unique ids, file names that match ids) live in manifest.ts.
 */
export const CURRENT_PACK_SCHEMA_VERSION = 1;

/** Pack ids appear in deep links (`deck=<id>`); 'demo' names the built-in deck. */
export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const RESERVED_PACK_IDS: readonly string[] = Object.freeze(['demo']);
/** Case ids are assigned after a seeded shuffle, so an id says nothing about the truth. */
export const CASE_ID_PATTERN = /^c\d{3,5}$/;
export const MAX_CASES = 5000;
export const MAX_IMAGE_SIDE = 16384;

const ARTIFACT_IDS = ARTIFACTS.map((a) => a.id) as [ArtifactId, ...ArtifactId[]];
const TECHNIQUE_IDS = TECHNIQUE_SUMMARIES.map((t) => t.id) as [string, ...string[]];
const LEVELS = DIFFICULTIES as unknown as readonly ['obvious', 'subtle', 'expert'];

const safeRelativePath = z.string().superRefine((p, ctx) => {
  const why = unsafePathReason(p);
  if (why !== null) ctx.addIssue({ code: 'custom', message: `unsafe path: ${why}` });
});

const PointSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

const TellSchema = z
  .object({
    artifactId: z.enum(ARTIFACT_IDS),
    regions: z.array(z.array(PointSchema).min(3).max(4096)).min(1).max(64),
    strength: z.number().min(0).max(1),
    explanation: plainText({ min: 1, max: 2000, multiline: true }),
    howToSee: plainText({ min: 1, max: 1000, multiline: true }),
    extent: z.literal('whole-image').optional(),
  })
  .strict();

const RecipeStepSchema = z
  .object({ techniqueId: z.enum(TECHNIQUE_IDS), level: z.enum(LEVELS), seed: z.number().int() })
  .strict();

const ProvenanceSchema = z
  .object({
    source: plainText({ min: 1, max: 200 }),
    text: plainText({ max: 200 }),
    generator: plainText({ min: 1, max: 100 }).optional(),
    isAiDeclared: z.boolean(),
  })
  .strict();

const REVIEW_FLAG_KINDS = ['burned-in-annotation-declared', 'edge-text-like-region'] as const;
const ReviewFlagSchema = z.object({ kind: z.enum(REVIEW_FLAG_KINDS), detail: plainText({ max: 500 }) }).strict();

const HeaderFieldSchema = z
  .object({
    tag: z.string().regex(/^\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\)$/, { message: 'must look like (0010,0010)' }),
    name: plainText({ min: 1, max: 100 }),
    value: plainText({ max: 1024 }),
  })
  .strict();

const TruthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('authentic'), authenticityCues: z.array(plainText({ min: 1, max: 500 })).max(50) }).strict(),
  z
    .object({
      kind: z.literal('synthetic'),
      generator: plainText({ min: 1, max: 100 }),
      provenance: z.array(ProvenanceSchema).max(50),
      explanation: plainText({ max: 2000, multiline: true }),
      tells: z.array(TellSchema).max(50),
    })
    .strict(),
  z
    .object({
      kind: z.literal('forged'),
      recipe: z.array(RecipeStepSchema).min(1).max(MAX_FORGERY_STEPS),
      tells: z.array(TellSchema).min(1).max(50),
    })
    .strict(),
]);

export const PackCaseSchema = z
  .object({
    id: z.string().regex(CASE_ID_PATTERN, { message: "must look like 'c0007' (c and 3 to 5 digits)" }),
    file: safeRelativePath,
    original: safeRelativePath.optional(),
    bodyPart: plainText({ min: 1, max: 64 }),
    view: plainText({ min: 1, max: 64 }),
    source: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex digits' }),
        attribution: plainText({ max: 500 }),
        licence: plainText({ max: 200 }),
      })
      .strict(),
    truth: TruthSchema,
    header: z.array(HeaderFieldSchema).max(500),
    flags: z.array(ReviewFlagSchema).max(20),
  })
  .strict();

export const PackManifestBaseSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_PACK_SCHEMA_VERSION),
    id: z
      .string()
      .regex(PACK_ID_PATTERN, { message: 'must be 1 to 64 lowercase letters, digits or hyphens, starting with a letter or digit' })
      .refine((id) => !RESERVED_PACK_IDS.includes(id), { message: "is reserved for the built-in deck; choose another id" }),
    title: plainText({ min: 1, max: 120 }),
    author: plainText({ min: 1, max: 200 }),
    licence: plainText({ min: 1, max: 200 }),
    description: plainText({ max: 4000, multiline: true }),
    createdWith: z.object({ tool: plainText({ min: 1, max: 100 }), version: plainText({ min: 1, max: 50 }) }).strict(),
    createdAt: z.iso.datetime({ offset: true }),
    seed: z.number().int(),
    image: z
      .object({
        format: z.literal('png'),
        width: z.number().int().min(1).max(MAX_IMAGE_SIDE),
        height: z.number().int().min(1).max(MAX_IMAGE_SIDE),
        bitsStored: z.number().int().min(8).max(16),
      })
      .strict(),
    review: z.object({ flaggedCases: z.number().int().min(0), reviewed: z.boolean() }).strict(),
    leakAudit: z
      .object({
        threshold: z.number().gt(0.5).max(1),
        accepted: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/)).max(100),
        worstAuc: z.number().min(0).max(1),
      })
      .strict(),
    cases: z.array(PackCaseSchema).min(1).max(MAX_CASES),
  })
  .strict();

/** Parsed manifests are values, not workspaces: readonly all the way down, like the domain types they carry. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type BaseManifest = z.output<typeof PackManifestBaseSchema>;
export type PackCase = DeepReadonly<BaseManifest['cases'][number]>;
export type PackTruth = PackCase['truth'];

// Compile-time guards: if the domain or ingest types change, these lines stop compiling instead of the schema
// silently drifting from the types the rest of the game uses.
type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
type _TellFits = Assert<Extends<Extract<PackTruth, { kind: 'forged' }>['tells'][number], Tell>>;
type _StepFits = Assert<Extends<Extract<PackTruth, { kind: 'forged' }>['recipe'][number], ForgeryStep>>;
type _HeaderFits = Assert<Extends<PackCase['header'], CaseHeader>>;
type _ProvenanceFits = Assert<Extends<Extract<PackTruth, { kind: 'synthetic' }>['provenance'][number], ProvenanceFinding>>;
type _FlagFits = Assert<Extends<PackCase['flags'][number], ReviewFlag>>;
type _FlagKindsComplete = Assert<Extends<ReviewFlag['kind'], (typeof REVIEW_FLAG_KINDS)[number]>>;

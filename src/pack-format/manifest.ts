import type { z } from 'zod';
import { PackError } from './errors.js';
import { CURRENT_PACK_SCHEMA_VERSION, PackManifestBaseSchema, type DeepReadonly } from './manifest-schema.js';

/**
 * The pack manifest: schema, cross-field rules, and migrations from older schema versions (the approach of
 * domain/history/stored-session.ts: `schemaVersion` plus one migration per older version, then zod).
 */
export { CURRENT_PACK_SCHEMA_VERSION };

type BaseManifest = z.output<typeof PackManifestBaseSchema>;

/** Where each case's served image (and a forged case's original) must live: the name repeats the neutral id. */
export const imagePathFor = (caseId: string): string => `images/${caseId}.png`;
export const originalPathFor = (caseId: string): string => `originals/${caseId}.png`;

function checkCrossFields(m: BaseManifest, ctx: z.RefinementCtx): void {
  const { width, height } = m.image;
  const ids = new Set<string>();
  m.cases.forEach((c, i) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['cases', i, ...rest];
    if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate case id '${c.id}'` });
    ids.add(c.id);
    // A file name chosen by the builder could say 'fake'; tying it to the shuffled id keeps names neutral.
    if (c.file !== imagePathFor(c.id)) ctx.addIssue({ code: 'custom', path: at('file'), message: `must be '${imagePathFor(c.id)}'` });
    if (c.original !== undefined) {
      if (c.truth.kind !== 'forged') ctx.addIssue({ code: 'custom', path: at('original'), message: 'only forged cases have an original' });
      else if (c.original !== originalPathFor(c.id)) ctx.addIssue({ code: 'custom', path: at('original'), message: `must be '${originalPathFor(c.id)}'` });
    }
    const tells = c.truth.kind === 'authentic' ? [] : c.truth.tells;
    tells.forEach((t, ti) =>
      t.regions.forEach((poly, ri) =>
        poly.forEach((p, pi) => {
          if (p.x < 0 || p.x > width || p.y < 0 || p.y > height) {
            ctx.addIssue({
              code: 'custom',
              path: at('truth', 'tells', ti, 'regions', ri, pi),
              message: `point (${p.x}, ${p.y}) lies outside the ${width}×${height} image`,
            });
          }
        }),
      ),
    );
  });
  const flagged = m.cases.filter((c) => c.flags.length > 0).length;
  if (m.review.flaggedCases !== flagged) {
    ctx.addIssue({ code: 'custom', path: ['review', 'flaggedCases'], message: `says ${m.review.flaggedCases} but ${flagged === 1 ? '1 case carries flags' : `${flagged} cases carry flags`}` });
  }
}

export const PackManifestSchema = PackManifestBaseSchema.superRefine(checkCrossFields);
export type PackManifest = DeepReadonly<z.output<typeof PackManifestSchema>>;
export type { PackCase, PackTruth } from './manifest-schema.js';

/** Upgrades a manifest of one version to the next; must set the new `schemaVersion`. */
export type PackMigration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations keyed by the version they upgrade from. Empty: version 1 is the first. */
export const PACK_MIGRATIONS: Readonly<Record<number, PackMigration>> = Object.freeze({});

const NEWER = 'This pack was made by a newer version of the game; update the game to open it.';

/**
 * Runs migrations until the manifest reaches `target`. Does not validate the result: `parsePackManifest` does.
 * Throws a PackError for a missing or newer version, or a gap in the migrations.
 */
export function migratePackManifest(
  json: unknown,
  migrations: Readonly<Record<number, PackMigration>> = PACK_MIGRATIONS,
  target: number = CURRENT_PACK_SCHEMA_VERSION,
): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PackError('invalid-manifest', 'manifest.json is not a JSON object. Rebuild the pack with the pack builder.');
  }
  let rec = json as Record<string, unknown>;
  const declared = rec['schemaVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new PackError('invalid-manifest', 'manifest.json has no valid schemaVersion. Rebuild the pack with the pack builder.');
  }
  let version: number = declared;
  if (version > target) throw new PackError('newer-version', `${NEWER} (pack schema ${version}, this game reads up to ${target})`);
  while (version < target) {
    const migrate: PackMigration | undefined = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!migrate) {
      throw new PackError('no-migration', `This game cannot read pack schema version ${version}. Rebuild the pack with the current pack builder.`);
    }
    rec = migrate(rec);
    const next = rec['schemaVersion'];
    // A migration that does not move forward would loop forever: that is a bug in the game, not in the pack.
    if (typeof next !== 'number' || next <= version) {
      throw new Error(`pack migration from version ${version} did not advance schemaVersion (got ${String(next)})`);
    }
    version = next;
  }
  return rec;
}

const MAX_LISTED_ISSUES = 8;

/** "cases.3.truth.tells.0.strength: Too big: expected number to be <=1", one line per issue. */
export function describeIssues(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length - MAX_LISTED_ISSUES;
  if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines;
}

/** Migrates and validates a parsed manifest.json. Throws a PackError whose message lists what is wrong and where. */
export function parsePackManifest(json: unknown): PackManifest {
  const migrated = migratePackManifest(json);
  const parsed = PackManifestSchema.safeParse(migrated);
  if (!parsed.success) {
    throw new PackError(
      'invalid-manifest',
      `manifest.json is not a valid pack manifest. Rebuild the pack with the pack builder, or fix:\n${describeIssues(parsed.error).join('\n')}`,
    );
  }
  return parsed.data;
}

/** Parses manifest.json bytes (UTF-8, an optional BOM allowed) and validates them. */
export function decodePackManifest(bytes: Uint8Array): PackManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackError('invalid-manifest', 'manifest.json is not valid UTF-8 JSON. Rebuild the pack with the pack builder.');
  }
  return parsePackManifest(json);
}

/** The manifest as stable, human-readable bytes (two-space JSON, final newline), so equal packs give equal files. */
export function encodePackManifest(manifest: PackManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(PackManifestSchema.parse(manifest), null, 2)}\n`);
}

import { z } from 'zod';
import { drillProblem, GameModeSchema, getMode, hashString, isUnprompted, type GameMode } from '../domain/index.js';
import type { SessionBody } from '../delivery/index.js';
import { LMS_STANDARDS, ModuleDefinitionError, ModuleDeckSchema, type LmsStandard } from './module-schema.js';

/**
 * A readiness drill delivered as an LMS activity (issue 16): its definition beside the CME module's (a file of its
 * own kind, `drill.json`, at the root of the drill's zip), and each answer as an LMS interaction the lead's drill
 * report can read back (drill-response.ts). The drill is not an exam: there is no pass mark, the LMS learns that the
 * learner completed the worklist and nothing about success, and nothing before the debrief tells the outcome.
 */
export const DRILL_MODULE_FILE = 'drill.json';

export const DrillModuleSchema = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('drill'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be 1 to 64 lowercase letters, digits or hyphens' }),
    /** The lead's name for the drill (the report's); learners see the worklist's name (learnerTitle). */
    title: z.string().trim().min(1).max(200),
    provider: z.string().trim().max(200).default(''),
    /** The drill itself: the game's readiness mode with its settings (prevalence, prompted, AI hint, dates). */
    mode: GameModeSchema.refine((m) => m.drill !== undefined, { message: 'must be a readiness drill (mode "drill")' }),
    deck: ModuleDeckSchema,
    standard: z.enum(LMS_STANDARDS),
  })
  .strict();
export type DrillModule = z.output<typeof DrillModuleSchema>;

/** Whether a definition file is a drill's (kind "drill") rather than a CME module's. */
export const isDrillModuleJson = (json: unknown): boolean =>
  json !== null && typeof json === 'object' && !Array.isArray(json) && (json as { kind?: unknown }).kind === 'drill';

/** Parses and validates drill.json; throws ModuleDefinitionError listing every problem. */
export function parseDrillModule(json: unknown): DrillModule {
  if (!isDrillModuleJson(json)) throw new ModuleDefinitionError(['the file is not a readiness drill (drill.json has "kind": "drill")']);
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > 1) throw new ModuleDefinitionError([`schemaVersion ${version} is newer than this game reads (1); update the game`]);
  const parsed = DrillModuleSchema.safeParse(json);
  if (!parsed.success) throw new ModuleDefinitionError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return parsed.data;
}

export const encodeDrillModule = (d: DrillModule): string => `${JSON.stringify(d, null, 2)}\n`;

/**
 * The name learners see in the LMS and in the game: the worklist's (an unprompted drill presents a reading exercise,
 * so its purpose must not be in the course listing). The same words as the game's own drill title.
 */
export const learnerTitle = (d: Pick<DrillModule, 'mode'>): string => d.mode.drill?.title ?? (isUnprompted(d.mode) ? 'Reading exercise' : 'Readiness drill');

/** Which drill a resume record belongs to: anything that changes the worklist changes it. */
export function drillFingerprint(d: DrillModule): string {
  const m = d.mode;
  const deck = d.deck.kind === 'pack' ? `${d.deck.packId}:${d.deck.seed}` : `demo:${d.deck.seed}`;
  const key = [d.id, deck, m.casesPerRound, m.fakeShare, m.answer, m.levels.join(','), m.drill?.aiHint?.accuracy ?? '-', m.secondsPerCase].join('|');
  return hashString(`drill:${key}`).toString(36);
}

/** A drill's settings as the command line and the builder take them (undefined: the readiness mode's default). */
export interface DrillSettingsInput {
  readonly cases?: number;
  readonly prevalence?: number;
  readonly prompted?: boolean;
  readonly aiHint?: number | null;
  readonly opens?: string | null;
  readonly closes?: string | null;
  readonly seconds?: number;
  readonly worklistTitle?: string | null;
  readonly briefing?: string | null;
}

/**
 * The drill's mode from its settings, checked by the game's own mode schema: every problem is listed, each naming
 * the setting (`npm run drill -- create`, `npm run lms -- package --drill` and the builder say the same).
 */
export function drillModeFrom(i: DrillSettingsInput): GameMode {
  const base = getMode('drill');
  const parsed = GameModeSchema.safeParse({
    ...base, casesPerRound: i.cases ?? base.casesPerRound, fakeShare: i.prevalence ?? base.fakeShare, secondsPerCase: i.seconds ?? base.secondsPerCase,
    answer: i.prompted ? 'rating' : 'read-and-flag',
    drill: {
      aiHint: i.aiHint === undefined || i.aiHint === null ? null : { accuracy: i.aiHint }, opens: i.opens ?? null, closes: i.closes ?? null,
      title: i.worklistTitle ?? null, briefing: i.briefing ?? null,
    },
  });
  if (!parsed.success) throw new ModuleDefinitionError(parsed.error.issues.map((x) => drillProblem(x.path, x.message)));
  return parsed.data;
}

/** What the command line (`npm run lms -- package --drill ...`) and the builder choose for a drill module. */
export interface DrillModuleOptions {
  readonly standard: LmsStandard;
  readonly mode: GameMode;
  readonly title: string;
  readonly id: string | null;
  readonly provider: string;
  /** The pack the drill plays (its manifest id), or null for the demo deck. */
  readonly packId: string | null;
  readonly seed: number;
}

export const drillIdFromTitle = (title: string): string =>
  title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'drill';

export function drillModuleFromOptions(o: DrillModuleOptions): DrillModule {
  return parseDrillModule({
    schemaVersion: 1, kind: 'drill', id: o.id ?? drillIdFromTitle(o.title), title: o.title, provider: o.provider, mode: o.mode,
    deck: o.packId ? { kind: 'pack', seed: o.seed, packId: o.packId, folder: 'deck' } : { kind: 'demo', seed: o.seed }, standard: o.standard,
  });
}

/** The same drill as a signed drill session (`npm run drill -- create`), as an LMS module: same films, same settings. */
export function drillModuleFromSession(s: SessionBody, standard: LmsStandard, o: { id: string | null; provider: string }): DrillModule {
  if (!s.mode.drill) throw new ModuleDefinitionError([`"${s.title}" is a training session, not a readiness drill`]);
  return drillModuleFromOptions({
    standard, mode: s.mode, title: s.title, id: o.id, provider: o.provider || s.instructor, packId: s.deck.kind === 'pack' ? s.deck.packId : null, seed: s.deck.seed,
  });
}

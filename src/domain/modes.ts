import { z } from 'zod';
import { ARTIFACT_CATEGORIES, ARTIFACTS } from './artifacts.js';
import { LENS_IDS, VIEW_TOOLS } from './view.js';
import { drillModeIssues, READINESS_MODE } from './readiness/mode.js';
import { DrillSettingsSchema } from './readiness/settings.js';

/**
 * Game modes are data plus named hooks (OHIF's "modes as declarative data"). The data says how many rounds and cases,
 * the seconds per case, the share of fakes (prevalence), when feedback comes, whether the clock may pause, which
 * tools and lenses may be used, whether the running score is shown, the difficulty mix and an optional focus on one
 * tell; the state machine (session.ts) and the decks honour every field. Behaviour that is not data (the briefing's
 * words, what is said when a session starts) is a hook named by `hooks` and looked up in MODE_HOOKS (mode-hooks.ts),
 * so a mode stays plain JSON that links, stored sessions and exported results can carry.
 */
export const FEEDBACK_TIMINGS = ['after-case', 'after-round', 'end-of-session'] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

/** How a case is answered: the six-point authenticity scale, or a routine read with an optional flag (drills). */
export const ANSWER_KINDS = ['rating', 'read-and-flag'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const DIFFICULTY_LEVELS = ['obvious', 'subtle', 'expert'] as const;
export const HOOK_SETS = ['practice', 'tell-drill', 'training', 'cme', 'readiness'] as const;
export type HookSetId = (typeof HOOK_SETS)[number];

const ARTIFACT_ID_LIST = ARTIFACTS.map((a) => a.id) as [string, ...string[]];

export const ModeFocusSchema = z.union([
  z.object({ artifactId: z.enum(ARTIFACT_ID_LIST) }).strict(),
  z.object({ category: z.enum(ARTIFACT_CATEGORIES) }).strict(),
]);
export type ModeFocus = z.infer<typeof ModeFocusSchema>;

export const MAX_CASES_PER_ROUND = 200;

export const GameModeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'mode ids are kebab-case'),
    name: z.string().min(1).max(80),
    description: z.string().min(1).max(600),
    rounds: z.number().int().min(1).max(20),
    casesPerRound: z.number().int().min(1).max(MAX_CASES_PER_ROUND),
    secondsPerCase: z.number().int().min(5).max(600),
    /** Prevalence of fakes, 0 (a control with none) to 1. */
    fakeShare: z.number().min(0).max(1),
    feedback: z.enum(FEEDBACK_TIMINGS),
    allowPause: z.boolean(),
    /** Viewer tools the reader may use (reset is always allowed). */
    tools: z.array(z.enum(VIEW_TOOLS)),
    /** Forensic lenses the reader may use. */
    lenses: z.array(z.enum(LENS_IDS)),
    /** Whether the running points and streak are shown during play (never before the feedback the mode allows). */
    showScore: z.boolean(),
    /** The difficulty mix of fakes: each fake draws its level from this list (repeats weight a level). */
    levels: z.array(z.enum(DIFFICULTY_LEVELS)).min(1),
    /** Only fakes showing this tell or category (a drill of one tell); null for any. */
    focus: ModeFocusSchema.nullable(),
    answer: z.enum(ANSWER_KINDS),
    hooks: z.enum(HOOK_SETS),
    /** A readiness drill's own settings (readiness/settings.ts); absent in every other mode. */
    drill: DrillSettingsSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const issue of drillModeIssues(m)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type GameMode = z.infer<typeof GameModeSchema>;

const ALL_TOOLS = [...VIEW_TOOLS];
const ALL_LENSES = [...LENS_IDS];

const PRACTICE: GameMode = {
  id: 'practice',
  name: 'Practice',
  description:
    'Three short rounds of timed cases. About half the images are fakes made from simulated radiographs; ' +
    'after each round every case is revealed and its tells are drawn and explained.',
  rounds: 3,
  casesPerRound: 6,
  secondsPerCase: 45,
  fakeShare: 0.5,
  feedback: 'after-round',
  allowPause: true,
  tools: ALL_TOOLS,
  lenses: ALL_LENSES,
  showScore: true,
  levels: ['obvious', 'obvious', 'subtle', 'subtle', 'expert'],
  focus: null,
  answer: 'rating',
  hooks: 'practice',
};

/** A drill of one tell or category: every fake shows it, feedback after each case. Its focus is set when started. */
const TELL_DRILL: GameMode = {
  ...PRACTICE,
  id: 'tell-drill',
  name: 'Tell drill',
  description: 'One round in which every fake shows the tell you chose, with the answer after each case.',
  rounds: 1,
  casesPerRound: 8,
  feedback: 'after-case',
  hooks: 'tell-drill',
};

export const MODES = Object.freeze({
  practice: GameModeSchema.parse(PRACTICE),
  'tell-drill': GameModeSchema.parse(TELL_DRILL),
  readiness: GameModeSchema.parse(READINESS_MODE),
});
export type ModeId = keyof typeof MODES;

/** A mode by its key in MODES or by its id (the readiness drill is MODES.readiness, id 'drill' in links). */
export function getMode(id: string): GameMode {
  const mode = (MODES as Record<string, GameMode>)[id] ?? Object.values(MODES).find((m) => m.id === id);
  if (!mode) {
    throw new Error(`Unknown game mode "${id}". Known modes: ${Object.values(MODES).map((m) => m.id).join(', ')}.`);
  }
  return mode;
}

/** A mode with some settings changed, checked against the schema (throws a zod error naming the bad field). */
export function withSettings(mode: GameMode, patch: Partial<GameMode>): GameMode {
  return GameModeSchema.parse({ ...mode, ...patch });
}

/** Number of fakes in a round of n cases: the share rounded, so a 50% round of 5 has 2 or 3 (seeded). */
export function fakesInRound(n: number, share: number, coin: boolean): number {
  const exact = n * share;
  const lo = Math.floor(exact);
  return exact === lo ? lo : coin ? lo + 1 : lo;
}

/** Whether the reader may use a viewer tool or lens in this mode. */
export const toolAllowed = (mode: GameMode, tool: string): boolean => tool === 'reset' || (mode.tools as readonly string[]).includes(tool);
export const lensAllowed = (mode: GameMode, lens: string): boolean => (mode.lenses as readonly string[]).includes(lens);

/** What the atlas rule needs to know of a module page on screen (no case on it). */
export interface ModulePage {
  readonly drill: boolean;
  /** The CME module's pre-test has not been taken yet (its start page, or a resume page back into the pre-test). */
  readonly beforePreTest: boolean;
}

/**
 * Whether the artifact atlas may be opened now. Not while a test or a drill is being read: a mode that tells nothing
 * until its end (a CME test, any readiness drill) would be helped by the atlas's tells, and an unprompted drill given
 * away by it. From its review on, and in every other mode, it may. `session` null: the title screen or a module page.
 * A module's own pages: a CME module's before its pre-test (the pre-test measures what the learner knew before any
 * teaching) and a drill module's (whose start page must not say what the worklist is about) keep it closed.
 */
export function atlasAllowed(session: { readonly config: { readonly mode: GameMode }; readonly phase: string } | null, modulePage: ModulePage | null = null): boolean {
  if (session === null && modulePage !== null) return !modulePage.drill && !modulePage.beforePreTest;
  if (session === null || session.phase === 'roundReview' || session.phase === 'summary') return true;
  const m = session.config.mode;
  return m.drill === undefined && m.feedback !== 'end-of-session';
}

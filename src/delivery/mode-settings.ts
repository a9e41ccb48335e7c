import { z } from 'zod';
import type { GameMode } from '../domain/index.js';

/**
 * The mode block a session carries: exactly the fields of the game's GameMode (src/domain/modes.ts, being rewritten
 * at the same time). This local schema is the seam: at merge it is replaced by the domain's GameModeSchema and
 * `toGameMode` becomes the identity. Strict, so a session naming a setting this game does not know is refused
 * rather than half-applied.
 */
export const FEEDBACK_TIMINGS = ['after-case', 'after-round', 'end-of-session'] as const;
export const VIEWER_TOOLS = ['windowLevel', 'zoom', 'pan', 'invert', 'magnifier', 'preset'] as const;
export const LENS_IDS = ['noise', 'variance', 'spectrum', 'flip', 'ela'] as const;
export const LEVELS = ['obvious', 'subtle', 'expert'] as const;
export const ANSWER_KINDS = ['rating', 'read-and-flag'] as const;
export const MODE_HOOKS = ['practice', 'tell-drill', 'training', 'cme', 'readiness'] as const;

const uniqueList = <T extends string>(values: readonly [T, ...T[]]) =>
  z.array(z.enum(values)).refine((xs) => new Set(xs).size === xs.length, 'lists each value once');

export const ModeSettingsSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'mode ids are kebab-case'),
    name: z.string().min(1).max(80),
    description: z.string().min(1).max(1000),
    rounds: z.number().int().min(1).max(20),
    casesPerRound: z.number().int().min(1).max(200),
    secondsPerCase: z.number().int().min(5).max(600),
    fakeShare: z.number().min(0).max(1),
    feedback: z.enum(FEEDBACK_TIMINGS),
    allowPause: z.boolean(),
    tools: uniqueList(VIEWER_TOOLS),
    lenses: uniqueList(LENS_IDS),
    showScore: z.boolean(),
    levels: uniqueList(LEVELS).refine((xs) => xs.length > 0, 'names at least one level'),
    focus: z.union([
      z.null(),
      z.object({ artifactId: z.string().min(1).max(40) }).strict(),
      z.object({ category: z.string().min(1).max(40) }).strict(),
    ]),
    answer: z.enum(ANSWER_KINDS),
    hooks: z.enum(MODE_HOOKS),
  })
  .strict();

export type ModeSettings = z.infer<typeof ModeSettingsSchema>;

/** A training session's defaults: every tool and lens, feedback after each round, the score shown. */
export function trainingSettings(over: Partial<ModeSettings> = {}): ModeSettings {
  return ModeSettingsSchema.parse({
    id: 'training',
    name: 'Training session',
    description: 'A session set by an instructor: the same cases and rules for every reader.',
    rounds: 1,
    casesPerRound: 20,
    secondsPerCase: 45,
    fakeShare: 0.5,
    feedback: 'after-round',
    allowPause: false,
    tools: [...VIEWER_TOOLS],
    lenses: [...LENS_IDS],
    showScore: true,
    levels: [...LEVELS],
    focus: null,
    answer: 'rating',
    hooks: 'training',
    ...over,
  });
}

/**
 * The settings as the domain's GameMode, for planDemoDeck and planPackDeck (which read rounds, casesPerRound and
 * fakeShare). Until the domain's GameMode carries 'after-case', that timing is passed as 'after-round'; the deck
 * does not depend on it. At merge: `return settings`.
 */
export function toGameMode(s: ModeSettings): GameMode {
  return {
    id: s.id, name: s.name, description: s.description, rounds: s.rounds, casesPerRound: s.casesPerRound,
    secondsPerCase: s.secondsPerCase, fakeShare: s.fakeShare, feedback: s.feedback === 'after-case' ? 'after-round' : s.feedback,
    allowPause: s.allowPause,
  };
}

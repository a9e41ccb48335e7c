import { DIFFICULTY_LEVELS, GameModeSchema, LENS_IDS, VIEW_TOOLS, type GameMode } from '../domain/index.js';

/**
 * The mode block a session carries: the game's own GameMode (src/domain/modes.ts), strict, so a session naming a
 * setting this game does not know is refused rather than half-applied.
 */
export const ModeSettingsSchema = GameModeSchema;
export type ModeSettings = GameMode;
const VIEWER_TOOLS = VIEW_TOOLS;
const LEVELS = DIFFICULTY_LEVELS;

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

/** The settings as the domain's GameMode: the session carries the game's own mode block, so this is the identity. */
export const toGameMode = (s: ModeSettings): GameMode => s;

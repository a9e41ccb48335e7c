import { z } from 'zod';

/**
 * Game modes are data (OHIF's "modes as declarative data"): a mode says how many rounds, cases per round,
 * seconds per case, the share of fakes and when feedback is shown. Later issues add training, CME and drill modes.
 */
export const FEEDBACK_TIMINGS = ['after-round', 'end-of-session'] as const;

export const GameModeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'mode ids are kebab-case'),
    name: z.string().min(1),
    description: z.string().min(1),
    rounds: z.number().int().min(1).max(20),
    casesPerRound: z.number().int().min(1).max(50),
    secondsPerCase: z.number().int().min(5).max(600),
    fakeShare: z.number().min(0).max(1),
    feedback: z.enum(FEEDBACK_TIMINGS),
    allowPause: z.boolean(),
  })
  .strict();

export type GameMode = z.infer<typeof GameModeSchema>;

const PRACTICE: GameMode = {
  id: 'practice',
  name: 'Practice',
  description:
    'Three short rounds at your own pace. About half the images are fakes made from simulated radiographs; ' +
    'after each round every case is revealed and its tells are drawn and explained.',
  rounds: 3,
  casesPerRound: 6,
  secondsPerCase: 45,
  fakeShare: 0.5,
  feedback: 'after-round',
  allowPause: true,
};

export const MODES = Object.freeze({ practice: GameModeSchema.parse(PRACTICE) });
export type ModeId = keyof typeof MODES;

export function getMode(id: string): GameMode {
  const mode = (MODES as Record<string, GameMode>)[id];
  if (!mode) {
    throw new Error(`Unknown game mode "${id}". Known modes: ${Object.keys(MODES).join(', ')}.`);
  }
  return mode;
}

/** Number of fakes in a round of n cases: the share rounded, so a 50% round of 5 has 2 or 3 (seeded). */
export function fakesInRound(n: number, share: number, coin: boolean): number {
  const exact = n * share;
  const lo = Math.floor(exact);
  return exact === lo ? lo : coin ? lo + 1 : lo;
}

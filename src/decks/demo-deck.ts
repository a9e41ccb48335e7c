import {
  caseId, createRng, fakesInRound, hashString, shuffled, type Difficulty, type ForgeryStep, type GameMode,
} from '../domain/index.js';
import type { DemoCaseSpec } from './case-types.js';

/**
 * The built-in demo deck: simulated chest radiographs, a share of them forged. A deck seed fixes every case,
 * which cases are fake, which technique made each fake and the order, on every machine.
 */
export const DEMO_DECK_ID = 'demo';

/** Practice levels: mostly visible at fit-to-window or with one tool. */
const PRACTICE_LEVELS: readonly Difficulty[] = ['obvious', 'obvious', 'subtle', 'subtle', 'expert'];

export interface DemoDeckPlan {
  readonly deckId: string;
  readonly seed: number;
  readonly rounds: readonly (readonly DemoCaseSpec[])[];
}

export function planDemoDeck(seed: number, mode: GameMode, techniqueIds: readonly string[]): DemoDeckPlan {
  if (techniqueIds.length === 0) throw new Error('planDemoDeck: no forgery techniques are registered');
  const rng = createRng(hashString(`demo-deck:${seed}`));
  const techniques = [...techniqueIds].sort();
  let techCursor = rng.int(techniques.length);
  const rounds: DemoCaseSpec[][] = [];
  for (let r = 0; r < mode.rounds; r++) {
    const n = mode.casesPerRound;
    const k = fakesInRound(n, mode.fakeShare, rng.chance(0.5));
    const fakeFlags = shuffled(Array.from({ length: n }, (_, i) => i < k), rng);
    rounds.push(
      fakeFlags.map((isFake, i) => {
        const simSeed = rng.int(2 ** 31);
        let forgery: ForgeryStep[] | null = null;
        if (isFake) {
          const techniqueId = techniques[techCursor++ % techniques.length] as string;
          const level = PRACTICE_LEVELS[rng.int(PRACTICE_LEVELS.length)] as Difficulty;
          forgery = [{ techniqueId, level, seed: rng.int(2 ** 31) }];
        }
        return { id: caseId(`${DEMO_DECK_ID}-${seed}-r${r + 1}c${i + 1}`), simSeed, forgery };
      }),
    );
  }
  return { deckId: DEMO_DECK_ID, seed, rounds };
}

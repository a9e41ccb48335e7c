import {
  caseId, createRng, fakesInRound, hashString, parseDeepLink, worklistFakeCount, shuffled, techniquesFor, type Difficulty, type ForgeryStep, type GameMode,
  type QueryPairs, type TechniqueSummary,
} from '../domain/index.js';
import { SIMULATOR_VERSION } from '../simulator/index.js';
import type { DemoCaseSpec } from './case-types.js';

/**
 * The built-in demo deck: simulated chest radiographs, a share of them forged. A deck seed fixes every case,
 * which cases are fake, which technique made each fake and the order, on every machine.
 */
export const DEMO_DECK_ID = 'demo';

/**
 * The version of what makes the demo deck's images (the plan, the simulator, the forgery engine). Raise it when any
 * of them changes the pixels or the truth for a seed: a stored session records it, and a past session reviewed
 * after a change says that its images were made again differently.
 */
export const DEMO_GENERATOR_VERSION = `demo deck 6 (simulator ${SIMULATOR_VERSION}, forgery 6)`;

export interface DemoDeckPlan {
  readonly deckId: string;
  readonly seed: number;
  readonly rounds: readonly (readonly DemoCaseSpec[])[];
}

/** Plans a session of the demo deck: the mode's prevalence, difficulty mix and focus (a tell drill) are honoured. */
export function planDemoDeck(seed: number, mode: GameMode, techniqueSummaries: readonly TechniqueSummary[]): DemoDeckPlan {
  const techniqueIds = techniquesFor(techniqueSummaries, mode.focus);
  if (techniqueIds.length === 0) throw new Error(`planDemoDeck: no forgery technique makes ${mode.focus ? JSON.stringify(mode.focus) : 'fakes'} in this version`);
  const rng = createRng(hashString(`demo-deck:${seed}`));
  const techniques = [...techniqueIds].sort();
  let techCursor = rng.int(techniques.length);
  const rounds: DemoCaseSpec[][] = [];
  for (let r = 0; r < mode.rounds; r++) {
    const n = mode.casesPerRound;
    // A readiness drill's prevalence is per film, so its count of fakes varies (readiness/worklist.ts).
    const k = mode.drill ? worklistFakeCount(n, mode.fakeShare, rng) : fakesInRound(n, mode.fakeShare, rng.chance(0.5));
    const fakeFlags = shuffled(Array.from({ length: n }, (_, i) => i < k), rng);
    rounds.push(
      fakeFlags.map((isFake, i) => {
        const simSeed = rng.int(2 ** 31);
        let forgery: ForgeryStep[] | null = null;
        if (isFake) {
          const techniqueId = techniques[techCursor++ % techniques.length] as string;
          const level = mode.levels[rng.int(mode.levels.length)] as Difficulty;
          forgery = [{ techniqueId, level, seed: rng.int(2 ** 31) }];
        }
        return { id: caseId(`${DEMO_DECK_ID}-${seed}-r${r + 1}c${i + 1}`), simSeed, forgery };
      }),
    );
  }
  return { deckId: DEMO_DECK_ID, seed, rounds };
}

/**
 * The first case a page opened with this query will ask for, when that is known before the game has loaded: a deep
 * link to the demo deck with its seed (app/start-up.ts plans it the same way). Null otherwise: no link, a bad one, a
 * case pack, a seed the page draws itself, or a readiness drill (its order is the reader's own).
 */
export function firstCaseOfDeepLink(query: QueryPairs, techniques: readonly TechniqueSummary[]): DemoCaseSpec | null {
  const parsed = parseDeepLink(query);
  const link = parsed.ok ? parsed.link : null;
  if (!link || link.deckId !== DEMO_DECK_ID || link.seed === null || link.mode.drill) return null;
  return planDemoDeck(link.seed, link.mode, techniques).rounds[0]?.[0] ?? null;
}

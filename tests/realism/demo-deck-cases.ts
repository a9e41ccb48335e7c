/**
 * The demo deck as the game plans it (practice mode's fake share, every registered technique), stretched to as many
 * cases as a test wants. The realism and shortcut tests both audit these cases.
 */
import { getMode } from '../../src/domain/index.js';
import { planDemoDeck, type DemoCaseSpec } from '../../src/decks/index.js';
import { TECHNIQUE_SUMMARIES } from '../../src/forgery/index.js';

export function demoDeckSpecs(seed: number, cases: number): DemoCaseSpec[] {
  const perRound = 10;
  const mode = { ...getMode('practice'), rounds: Math.ceil(cases / perRound), casesPerRound: perRound };
  return planDemoDeck(seed, mode, TECHNIQUE_SUMMARIES).rounds.flat().slice(0, cases);
}

/** Simulator seeds of the deck's authentic cases (the films a reader sees as real). */
export function authenticSeeds(seed: number, n: number): number[] {
  return demoDeckSpecs(seed, 4 * n).filter((c) => c.forgery === null).slice(0, n).map((c) => c.simSeed);
}

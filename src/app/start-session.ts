import { createRng, type GameMode, type TechniqueSummary } from '../domain/index.js';
import { DEMO_GENERATOR_VERSION, packGeneratorVersion, planDemoDeck, planPackDeck, type CaseLibrary } from '../decks/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { GameStore } from '../store/index.js';
import { linkDrillRounds } from './drill-start.js';

/** Plans a demo-deck session from a seed (random when none is given) and starts it. */
export function startDemoSession(
  store: GameStore, library: CaseLibrary, mode: GameMode, techniques: readonly TechniqueSummary[], seed: number | null, now: () => number,
): void {
  const s = seed ?? createRng(now() >>> 0).int(2 ** 31);
  const plan = planDemoDeck(s, mode, techniques);
  library.setSpecs(plan.rounds.flat());
  const id = `${plan.deckId}-${s}-${now()}`;
  // A readiness drill: this reader's counterbalanced order and AI badges (drill-start.ts); otherwise the deck's order.
  const { rounds, hints } = linkDrillRounds(mode, `link:${plan.deckId}:${s}`, plan.rounds, techniques, null, id);
  store.getState().startSession({ mode, deckId: plan.deckId, seed: s, rounds, ...(hints ? { hints } : {}) }, { id, startedAt: now(), generator: DEMO_GENERATOR_VERSION });
}

/** Plans a session from a stored case pack (random seed when none is given) and starts it. */
export function startPackSession(
  store: GameStore, library: CaseLibrary, manifest: PackManifest, mode: GameMode, seed: number | null, now: () => number, techniques: readonly TechniqueSummary[] = [],
): void {
  const s = seed ?? createRng(now() >>> 0).int(2 ** 31);
  const plan = planPackDeck(manifest, s, mode);
  library.setSpecs(plan.rounds.flat());
  const id = `${plan.deckId}-${s}-${now()}`;
  const { rounds, hints } = linkDrillRounds(mode, `link:${plan.deckId}:${s}`, plan.rounds, techniques, manifest, id);
  store.getState().startSession({ mode, deckId: plan.deckId, seed: s, rounds, ...(hints ? { hints } : {}) }, { id, startedAt: now(), generator: packGeneratorVersion(manifest) });
}

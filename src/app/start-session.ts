import { createRng, type GameMode, type TechniqueSummary } from '../domain/index.js';
import { DEMO_GENERATOR_VERSION, packGeneratorVersion, planDemoDeck, planPackDeck, type CaseLibrary } from '../decks/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { GameStore } from '../store/index.js';

/** Plans a demo-deck session from a seed (random when none is given) and starts it. */
export function startDemoSession(
  store: GameStore, library: CaseLibrary, mode: GameMode, techniques: readonly TechniqueSummary[], seed: number | null, now: () => number,
): void {
  const s = seed ?? createRng(now() >>> 0).int(2 ** 31);
  const plan = planDemoDeck(s, mode, techniques);
  library.setSpecs(plan.rounds.flat());
  store.getState().startSession(
    { mode, deckId: plan.deckId, seed: s, rounds: plan.rounds.map((r) => r.map((c) => c.id)) },
    { id: `${plan.deckId}-${s}-${now()}`, startedAt: now(), generator: DEMO_GENERATOR_VERSION },
  );
}

/** Plans a session from a stored case pack (random seed when none is given) and starts it. */
export function startPackSession(store: GameStore, library: CaseLibrary, manifest: PackManifest, mode: GameMode, seed: number | null, now: () => number): void {
  const s = seed ?? createRng(now() >>> 0).int(2 ** 31);
  const plan = planPackDeck(manifest, s, mode);
  library.setSpecs(plan.rounds.flat());
  store.getState().startSession(
    { mode, deckId: plan.deckId, seed: s, rounds: plan.rounds.map((r) => r.map((c) => c.id)) },
    { id: `${plan.deckId}-${s}-${now()}`, startedAt: now(), generator: packGeneratorVersion(manifest) },
  );
}

import { createRng, type GameMode } from '../domain/index.js';
import { planDemoDeck, planPackDeck, type CaseLibrary } from '../decks/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { GameStore } from '../store/index.js';

/** Plans a demo-deck session from a seed (random when none is given) and starts it. */
export function startDemoSession(
  store: GameStore, library: CaseLibrary, mode: GameMode, techniqueIds: readonly string[], seed: number | null,
): void {
  const s = seed ?? createRng(Date.now() >>> 0).int(2 ** 31);
  const plan = planDemoDeck(s, mode, techniqueIds);
  library.setSpecs(plan.rounds.flat());
  store.getState().startSession({
    mode,
    deckId: plan.deckId,
    seed: s,
    rounds: plan.rounds.map((r) => r.map((c) => c.id)),
  });
}

/** Plans a session from a stored case pack (random seed when none is given) and starts it. */
export function startPackSession(store: GameStore, library: CaseLibrary, manifest: PackManifest, mode: GameMode, seed: number | null): void {
  const s = seed ?? createRng(Date.now() >>> 0).int(2 ** 31);
  const plan = planPackDeck(manifest, s, mode);
  library.setSpecs(plan.rounds.flat());
  store.getState().startSession({ mode, deckId: plan.deckId, seed: s, rounds: plan.rounds.map((r) => r.map((c) => c.id)) });
}

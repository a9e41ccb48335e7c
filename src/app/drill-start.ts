import { assignHints, caseId, hashString, type CaseId, type GameMode, type HintCall, type TechniqueSummary } from '../domain/index.js';
import type { CaseSpec } from '../decks/index.js';
import { caseFacts, counterbalancedOrder } from '../delivery/index.js';
import type { PackManifest } from '../pack-format/index.js';

/**
 * A readiness drill opened by a plain link (no signed session, so no reader key): this browser is one reader. Its
 * order is one row of the Williams design (delivery/counterbalance.ts) and its AI badges a draw of readiness/hints.ts,
 * both from `readerKey` (the session's own id, fixed when it starts), so a reload keeps them (the stored session holds
 * the order and the badges). Other modes keep the deck's order and have no badges.
 */
export interface PlannedRounds {
  readonly rounds: CaseId[][];
  readonly hints?: Record<string, HintCall>;
}

export function linkDrillRounds(
  mode: GameMode, deckLabel: string, planned: readonly (readonly CaseSpec[])[], techniques: readonly TechniqueSummary[], manifest: PackManifest | null, readerKey: string,
): PlannedRounds {
  const ids = planned.map((r) => r.map((c) => c.id));
  if (!mode.drill) return { rounds: ids };
  const readerIndex = hashString(`reader:${readerKey}`);
  const rounds = ids.map((r, i) => counterbalancedOrder(r, readerIndex, `${deckLabel}:round-${i + 1}`).map((id) => caseId(id)));
  const accuracy = mode.drill.aiHint?.accuracy;
  if (accuracy === undefined) return { rounds };
  const facts = caseFacts(planned.flat(), techniques, manifest);
  return { rounds, hints: assignHints([...facts].map(([id, f]) => ({ id, fake: f.fake })), accuracy, readerKey) };
}

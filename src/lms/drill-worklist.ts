import { assignHints, hashString, type HintCall, type TechniqueSummary } from '../domain/index.js';
import { planDemoDeck, planPackDeck, type CaseSpec } from '../decks/index.js';
import { caseFacts, counterbalancedOrder, type CaseFact } from '../delivery/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { drillFingerprint, type DrillModule } from './drill-module.js';

/**
 * A drill module's worklist for one learner, worked out the same way on the learner's page and in the lead's report:
 * the drill's films from its deck (the game's own planners, seeded), in the learner's own order (a row of the
 * Williams design, delivery/counterbalance.ts, picked by the learner's LMS id: there is no join page and no reader
 * key, the learner is the LMS's learner), and the learner's AI badges (domain/readiness/hints.ts, drawn with the
 * drill and the learner's id, so the report can check the badges each learner's records show).
 */
export interface DrillWorklist {
  /** The films in the order this learner reads them. */
  readonly specs: readonly CaseSpec[];
  /** The AI badge of each badged film ({} without an AI-hint arm). */
  readonly hints: Readonly<Record<string, HintCall>>;
  /** Each film's truth as the report needs it (fake or not, kinds of tell), from the plan alone. */
  readonly facts: ReadonlyMap<string, CaseFact>;
}

/** The drill's films in the deck's order (the same for every learner). */
export function drillFilms(d: DrillModule, techniques: readonly TechniqueSummary[], manifest: PackManifest | null): readonly CaseSpec[] {
  if (d.deck.kind === 'demo') return planDemoDeck(d.deck.seed, d.mode, techniques).rounds.flat();
  if (!manifest || manifest.id !== d.deck.packId) throw new Error(`The drill plays case pack '${d.deck.packId}'; its manifest is needed to plan the films.`);
  return planPackDeck(manifest, d.deck.seed, d.mode).rounds.flat();
}

/** The key a learner's badges are drawn with: the drill (as planned) and the learner's LMS id. */
export const drillLearnerKey = (d: DrillModule, learnerId: string): string => `lms-drill:${d.id}:${drillFingerprint(d)}:${learnerId}`;

export function drillWorklist(d: DrillModule, learnerId: string, techniques: readonly TechniqueSummary[], manifest: PackManifest | null): DrillWorklist {
  const films = drillFilms(d, techniques, manifest);
  const key = drillLearnerKey(d, learnerId);
  const specs = counterbalancedOrder(films, hashString(`reader:${key}`), `${d.id}:round-1`);
  const facts = caseFacts(films, techniques, manifest);
  const accuracy = d.mode.drill?.aiHint?.accuracy;
  const hints = accuracy === undefined ? {} : assignHints([...facts].map(([id, f]) => ({ id, fake: f.fake })), accuracy, key);
  return { specs, hints, facts };
}

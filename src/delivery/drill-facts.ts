import { isPackCaseSpec, packCaseTruth, type CaseSpec } from '../decks/index.js';
import {
  artifactById, assignHints, isFake, tellCategoriesOf, type ArtifactCategory, type ArtifactId, type DrillAnswer, type HintCall, type TechniqueSummary,
} from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import type { Answer } from './result-schema.js';
import type { SessionBody } from './session-schema.js';

/**
 * What the lead's side knows of each case of a drill, from the deck plan (never from a reader's file): fake or not,
 * and the categories of its tells (for "correct tell named"). A demo fake's tells come from its technique's
 * artifacts, so nothing needs to be generated; a pack's from its manifest.
 */
export interface CaseFact {
  readonly fake: boolean;
  readonly tellCategories: readonly ArtifactCategory[];
}

export function caseFacts(specs: readonly CaseSpec[], techniques: readonly TechniqueSummary[], manifest: PackManifest | null): Map<string, CaseFact> {
  const artifactsOf = new Map(techniques.map((t) => [t.id, t.artifactIds]));
  const out = new Map<string, CaseFact>();
  for (const spec of specs) {
    if (isPackCaseSpec(spec)) {
      const c = manifest?.cases.find((x) => x.id === spec.packCaseId);
      if (!c) continue;
      const truth = packCaseTruth(c);
      out.set(spec.id, { fake: isFake(truth), tellCategories: tellCategoriesOf(truth) });
    } else if (spec.forgery === null) {
      out.set(spec.id, { fake: false, tellCategories: [] });
    } else {
      const ids = spec.forgery.flatMap((step) => artifactsOf.get(step.techniqueId) ?? []);
      out.set(spec.id, { fake: true, tellCategories: [...new Set(ids.map((a) => artifactById(a as ArtifactId).category))] });
    }
  }
  return out;
}

/** The key a reader's AI badges are drawn with in a signed drill: the session and the reader's key, stable on reload. */
export const drillHintKey = (session: SessionBody, readerFingerprint: string): string => `${session.sessionId}:${readerFingerprint}`;

/** The badges a reader's game gave (readiness/hints.ts), recomputed on the lead's side to check the files. */
export function expectedHints(session: SessionBody, facts: ReadonlyMap<string, CaseFact>, readerFingerprint: string): Record<string, HintCall> {
  const accuracy = session.mode.drill?.aiHint?.accuracy;
  if (accuracy === undefined) return {};
  return assignHints([...facts].map(([id, f]) => ({ id, fake: f.fake })), accuracy, drillHintKey(session, readerFingerprint));
}

/** One answer of a result file as the drill report reads it; null when the deck holds no such case. */
export function drillAnswerFrom(a: Answer, fact: CaseFact | undefined): DrillAnswer | null {
  if (!fact) return null;
  return {
    caseId: a.caseId,
    fake: fact.fake,
    tellCategories: fact.tellCategories,
    // The unprompted drill's call is its flag; the prompted one's a rating of 4 or more.
    flagged: a.read !== undefined ? a.flagged === true : a.rating !== null && a.rating >= 4,
    read: a.read ?? null,
    tellNamed: a.tellNamed ?? null,
    hint: a.hint ?? null,
    timeMs: a.timeMs,
    timedOut: a.timedOut,
  };
}

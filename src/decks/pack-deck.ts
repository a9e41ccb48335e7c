/**
 * A session drawn from a stored case pack: which cases, in which rounds, from a seed. Fakes per round follow the
 * mode's share as far as the pack allows; no case repeats within a session. The same pack, mode and seed give the
 * same session, so a session can be resumed after a reload.
 */
import { caseId, createRng, fakesInRound, hashString, worklistFakeCount, shuffled, type CaseTruth, type GameMode } from '../domain/index.js';
import type { PackCaseSpec } from './case-types.js';
import type { PackCase, PackManifest } from '../pack-format/index.js';

export interface PackDeckPlan {
  readonly deckId: string;
  readonly seed: number;
  readonly rounds: readonly (readonly PackCaseSpec[])[];
}

const isFakeCase = (c: PackCase): boolean => c.truth.kind !== 'authentic';

export function planPackDeck(manifest: PackManifest, seed: number, mode: GameMode): PackDeckPlan {
  const rng = createRng(hashString(`pack-deck:${manifest.id}:${seed}`));
  const fakes = shuffled(manifest.cases.filter(isFakeCase), rng);
  const reals = shuffled(manifest.cases.filter((c) => !isFakeCase(c)), rng);
  const rounds: PackCaseSpec[][] = [];
  for (let r = 0; r < mode.rounds && fakes.length + reals.length > 0; r++) {
    const n = Math.min(mode.casesPerRound, fakes.length + reals.length);
    // A readiness drill's prevalence is per film, so its count of fakes varies (readiness/worklist.ts).
    let k = Math.min(mode.drill ? worklistFakeCount(n, mode.fakeShare, rng) : fakesInRound(n, mode.fakeShare, rng.chance(0.5)), fakes.length);
    if (n - k > reals.length) k = n - reals.length;
    const picked = [...fakes.splice(0, k), ...reals.splice(0, n - k)];
    rounds.push(shuffled(picked, rng).map((c) => ({ id: caseId(`${manifest.id}-${seed}-${c.id}`), packId: manifest.id, packCaseId: c.id })));
  }
  return { deckId: manifest.id, seed, rounds };
}

/** The manifest's truth as the game scores it: imported provenance becomes plain lines for the review. */
export function packCaseTruth(c: PackCase): CaseTruth {
  const t = c.truth;
  if (t.kind === 'synthetic') {
    return { kind: 'synthetic', generator: t.generator, explanation: t.explanation, tells: t.tells, provenance: t.provenance.map((p) => `${p.source}: ${p.text}`) };
  }
  return t;
}

/** What made a pack's images: the pack's own id, build time and tool (see StoredSession.generator). */
export const packGeneratorVersion = (m: PackManifest): string => `pack ${m.id} built ${m.createdAt} by ${m.createdWith.tool} ${m.createdWith.version}`;

/**
 * Pass 1's results -> what each case of the pack will be. Seeded: the same inputs and seed give the same pack.
 * Case ids are given after a seeded shuffle, so neither the id nor the order says anything about the truth, and
 * the share of real images to forge is taken from a shuffled list of the reals.
 */
import { createRng, hashString, shuffled, type Difficulty, type ForgeryStep } from '../../domain/index.js';
import { TECHNIQUE_IDS } from '../../forgery/index.js';
import type { Probe } from './probe.js';

export type PlannedKind = 'authentic' | 'synthetic' | 'forged';

export interface PlannedCase {
  readonly caseId: string;
  readonly probe: Probe;
  readonly kind: PlannedKind;
  /** Forged cases only: the techniques to try in order (the first that fits this image is used). */
  readonly candidates: readonly ForgeryStep[];
}

const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
/** Tried in turn when a local technique finds no room on an image (e.g. no free lung field). */
const FALLBACKS = 3;

export const caseIdFor = (i: number): string => `c${String(i + 1).padStart(4, '0')}`;

export function planPack(probes: readonly Probe[], seed: number, forgedShare: number): PlannedCase[] {
  const rng = createRng(hashString(`pack:${seed}`));
  const reals = probes.filter((p) => p.label.label === 'real');
  const toForge = new Set(shuffled(reals, rng).slice(0, Math.round(forgedShare * reals.length)));
  const techniques = shuffled([...TECHNIQUE_IDS].sort(), rng);
  let cursor = 0;
  return shuffled([...probes], rng).map((probe, i) => {
    const kind: PlannedKind = probe.label.label === 'synthetic' ? 'synthetic' : toForge.has(probe) ? 'forged' : 'authentic';
    const candidates: ForgeryStep[] = [];
    if (kind === 'forged') {
      const level = LEVELS[rng.int(LEVELS.length)] as Difficulty;
      const stepSeed = rng.int(2 ** 31);
      for (let k = 0; k < FALLBACKS; k++) {
        candidates.push({ techniqueId: techniques[(cursor + k) % techniques.length] as string, level, seed: stepSeed });
      }
      cursor++;
    }
    return { caseId: caseIdFor(i), probe, kind, candidates };
  });
}

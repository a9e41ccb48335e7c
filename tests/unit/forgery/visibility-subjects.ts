/**
 * The films the fit-to-window visibility is measured on, at the sizes the game forges: the chest simulator's films as
 * the demo deck makes them (simulateChest(seed), with the hints generate-case.ts passes) and real NIH films at their
 * own 1024 x 1024 (no hints).
 */
import { demoHints } from '../../../src/decks/generate-case.js';
import type { ForgeryHints } from '../../../src/forgery/types.js';
import { simulateChest } from '../../../src/simulator/index.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { loadRealChest } from './real-image.js';

export interface VisibilitySubject {
  readonly label: string;
  readonly image: GrayImage;
  readonly hints?: ForgeryHints;
}

/**
 * Eight films of the demo deck (the first cases planDemoDeck(1, practice) draws, chosen to span its sizes,
 * projections and detectors): 'demo1'..'demo8'. Levels must hold on each, not only on simulator seed 1.
 */
export const DEMO_FILMS: Readonly<Record<string, { seed: number; what: string }>> = {
  demo1: { seed: 2133820576, what: '1686 x 1736 AP CR' },
  demo2: { seed: 1446932384, what: '1250 x 1536 PA CR' },
  demo3: { seed: 951026583, what: '834 x 1024 AP CR' },
  demo4: { seed: 1918344500, what: '2048 x 1666 AP CR' },
  demo5: { seed: 571722401, what: '2048 x 2048 PA DR' },
  demo6: { seed: 1062398105, what: '1232 x 1432 AP DR' },
  demo7: { seed: 1467673744, what: '1114 x 976 AP CR' },
  demo8: { seed: 738207658, what: '834 x 1024 PA DR' },
};

const simulated = (label: string, seed: number): VisibilitySubject => {
  const sim = simulateChest(seed);
  return { label, image: sim.image, hints: demoHints(sim) };
};

/** 'simN': simulateChest(N); 'demoN': DEMO_FILMS; 'realN': the N-th NIH sample (sorted by name) at 1024 x 1024. */
export function visibilitySubject(label: string): VisibilitySubject {
  const sim = /^sim(\d+)$/.exec(label);
  if (sim) return simulated(label, Number(sim[1]));
  const demo = DEMO_FILMS[label];
  if (demo) return simulated(`${label} ${demo.what}`, demo.seed);
  const real = /^real(\d+)$/.exec(label);
  if (real) {
    const { image, file } = loadRealChest(Number(real[1]), 1024);
    return { label: `${label} ${file}`, image };
  }
  throw new Error(`visibilitySubject: unknown subject '${label}' (use simN, demo1-demo8 or realN)`);
}

export const visibilitySubjects = (labels: readonly string[]): VisibilitySubject[] => labels.map(visibilitySubject);

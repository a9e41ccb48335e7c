import { createRng, hashString, shuffled, type Rng } from '../rng.js';
import { isFake, type CaseTruth } from '../tells.js';
import type { HintCall, HintCondition } from './settings.js';

/**
 * The AI-hint arm (automation bias). Each reader sees an "authenticity check" badge on a random half of their cases,
 * right on a share `accuracy` of them. Readers follow a wrong machine suggestion: in mammography, radiologists'
 * accuracy fell from about 82% to about 45% when the AI's suggested category was wrong (Dratsch et al., Radiology
 * 2023;307(4):e222176). The draw is stratified so that the comparison is fair:
 * - half of the fakes and half of the authentic films carry a badge (which half differs per reader), so "hinted" and
 *   "not hinted" hold the same mix of cases and, across readers, every case is read with and without a badge;
 * - within the hinted fakes and within the hinted authentic films, the badge is right on `accuracy` of them, so its
 *   errors fall on both kinds (a missed fake and a false alarm) instead of almost all on the common authentic films.
 * Counts that are not whole are rounded up or down at random with the fractional part as the probability, so over
 * many readers the shares are exact in expectation.
 */
export interface HintCase {
  readonly id: string;
  readonly fake: boolean;
}

/** floor(x), plus one with probability frac(x). */
function roundByChance(x: number, rng: Rng): number {
  const lo = Math.floor(x);
  return lo + (rng.next() < x - lo ? 1 : 0);
}

/**
 * The badge of each hinted case (cases without a badge are absent). `readerKey` makes the draw differ per reader and
 * stay the same for that reader after a reload (a reader key's fingerprint, or a session's own id).
 */
export function assignHints(cases: readonly HintCase[], accuracy: number, readerKey: string): Record<string, HintCall> {
  if (!(accuracy >= 0 && accuracy <= 1)) throw new Error(`assignHints: accuracy must be from 0 to 1, got ${accuracy}`);
  const rng = createRng(hashString(`ai-hint:${readerKey}`));
  const fakes = shuffled(cases.filter((c) => c.fake).map((c) => c.id), rng);
  const authentic = shuffled(cases.filter((c) => !c.fake).map((c) => c.id), rng);
  // Exactly half of all cases (a coin for the odd one), split between the kinds as evenly as the counts allow.
  const total = roundByChance(cases.length / 2, rng);
  const fakesHinted = Math.min(total, fakes.length, Math.max(total - authentic.length, roundByChance(fakes.length / 2, rng)));
  const authenticHinted = Math.min(authentic.length, total - fakesHinted);
  const out: Record<string, HintCall> = {};
  const give = (ids: readonly string[], n: number, truthCall: HintCall, wrongCall: HintCall): void => {
    const right = roundByChance(n * accuracy, rng);
    ids.slice(0, n).forEach((id, i) => {
      out[id] = i < right ? truthCall : wrongCall;
    });
  };
  give(fakes, fakesHinted, 'manipulated', 'authentic');
  give(authentic, authenticHinted, 'authentic', 'manipulated');
  return out;
}

/** The report's condition of one case: no badge, or a badge that was right or wrong about this film. */
export function hintCondition(truth: CaseTruth | 'fake' | 'authentic', hint: HintCall | null | undefined): HintCondition {
  if (!hint) return 'none';
  const fake = typeof truth === 'string' ? truth === 'fake' : isFake(truth);
  return (hint === 'manipulated') === fake ? 'right' : 'wrong';
}

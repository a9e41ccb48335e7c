/**
 * Product requirement: 'obvious' is visible at fit-to-window (800 x 800, default window); 'expert' needs a tool
 * (expert-tool.test.ts). Every pixel technique's 'obvious' level must reach VISIBILITY_THRESHOLD grey levels
 * (visibility.ts explains the measure) on a simulated demo chest (1536 x 1792, with hints) and on a real NIH film
 * (1024 x 1024, no hints). Run `node --import tsx tests/unit/forgery/tool-table.ts` for the full table.
 */
import { describe, expect, it } from 'vitest';
import { artifactById } from '../../../src/domain/artifacts.js';
import { createRng } from '../../../src/domain/rng.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { visibilitySubject, type VisibilitySubject } from './visibility-subjects.js';

/**
 * Exempt at 'obvious': techniques whose catalog artifact is "usually invisible" to the eye, so no level has to show
 * at fit-to-window (their tell is for a lens). Metadata techniques forge no pixels and are not in TECHNIQUES.
 */
const EXEMPT: Readonly<Record<string, string>> = {
  'spectral-falloff': 'F2 high-frequency fall-off: "usually invisible", seen in the radial power spectrum lens',
  'double-compression': 'E5 compression-history mismatch: "usually invisible", seen with error-level analysis',
};

const films: Record<string, VisibilitySubject> = {};
const film = (label: string): VisibilitySubject => (films[label] ??= visibilitySubject(label));
const score = (id: string, level: Difficulty, label: string): number => {
  const s = film(label);
  const t = TECHNIQUES[id as keyof typeof TECHNIQUES];
  const r = t.apply(s.image, s.hints ? { level, hints: s.hints } : { level }, createRng(11));
  return fitToWindowVisibility(s.image, r.image, r.tells).score;
};

describe('fit-to-window visibility (800 x 800, default window)', () => {
  it('exemptions are exactly the techniques whose artifact the catalog calls usually invisible', () => {
    for (const [id, t] of Object.entries(TECHNIQUES)) {
      const invisible = t.artifactIds.every((a) => /^usually invisible/i.test(artifactById(a).looksLike));
      expect(id in EXEMPT, `${id}: ${t.artifactIds.join(', ')}`).toBe(invisible);
    }
  });

  for (const label of ['sim1', 'real1']) {
    for (const id of Object.keys(TECHNIQUES)) {
      if (id in EXEMPT) continue;
      it(`${label}: ${id} 'obvious' reaches ${VISIBILITY_THRESHOLD} grey levels at fit-to-window`, () => {
        expect(score(id, 'obvious', label)).toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
      }, 60_000);
    }
  }
});

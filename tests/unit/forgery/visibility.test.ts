/**
 * Product requirement: 'obvious' is visible at fit-to-window (800 x 800, default window); 'expert' needs a tool
 * (expert-tool.test.ts). Every pixel technique's 'obvious' level must reach VISIBILITY_THRESHOLD grey levels
 * (visibility.ts explains the measure) on a simulated demo chest (1536 x 1792, with hints) and on a real NIH film
 * (1024 x 1024, no hints). The level shown to the reader must hold on the film forged, not only on these two: on
 * three demo films (DEMO_FILMS, chosen to span 834-2048 px, PA and AP, CR and DR) 'obvious' must reach the threshold
 * and score at least as high as 'subtle'. Run `node --import tsx tests/unit/forgery/level-table.ts` for the table on
 * all eight demo films, `tool-table.ts` for the tools.
 */
import { describe, expect, it } from 'vitest';
import { artifactById } from '../../../src/domain/artifacts.js';
import { createRng } from '../../../src/domain/rng.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { NoRoomError } from '../../../src/forgery/local.js';
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

/**
 * Demo films the levels are checked on (visibility-subjects.ts): 2048 x 1666 AP CR, 1232 AP DR, 834 PA DR. Before the
 * levels adapted to the film, 'obvious' failed on them for uniform-grain, waxy-smoothing and sharpness-mismatch (all
 * three), erase-trabeculae (demo6), and scored under 'subtle' for remove-lesion and repetitive-vessels (demo8).
 */
const DEMO_CHECKED = ['demo4', 'demo6', 'demo8'];

/**
 * Level promises still broken on a checked demo film, each with its measured score; the test expects them to stay
 * broken, so a fix must remove its entry. 'threshold': 'obvious' under VISIBILITY_THRESHOLD; 'order': 'obvious'
 * under 'subtle'.
 */
const KNOWN_BROKEN: Readonly<Record<string, 'threshold' | 'order'>> = {};

/**
 * Techniques that decline 'obvious' on a checked demo film (NoRoomError: the deck builders then try another film), as
 * the honest answer where the change cannot show at fit-to-window without becoming another artifact; each with why.
 */
const DECLINES_OBVIOUS: Readonly<Record<string, string>> = {
  'demo6 straight-spine': 'the vertebrae of this AP DR film barely show even through a narrow window; copies of one reach 2.8 grey levels at fit',
};

const films: Record<string, VisibilitySubject> = {};
const film = (label: string): VisibilitySubject => (films[label] ??= visibilitySubject(label));
const score = (id: string, level: Difficulty, label: string): number => {
  const s = film(label);
  const t = TECHNIQUES[id as keyof typeof TECHNIQUES];
  const r = t.apply(s.image, s.hints ? { level, hints: s.hints } : { level }, createRng(11));
  return fitToWindowVisibility(s.image, r.image, r.tells).score;
};

const scoreOrNoRoom = (id: string, level: Difficulty, label: string): number => {
  try {
    return score(id, level, label);
  } catch (e) {
    if (e instanceof NoRoomError) return Number.NEGATIVE_INFINITY;
    throw e;
  }
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

  for (const label of DEMO_CHECKED) {
    for (const id of Object.keys(TECHNIQUES)) {
      if (id in EXEMPT) continue;
      const declines = DECLINES_OBVIOUS[`${label} ${id}`];
      if (declines) {
        it(`${label}: ${id} declines 'obvious' (no room: ${declines})`, () => {
          expect(() => score(id, 'obvious', label)).toThrow(NoRoomError);
        }, 60_000);
        continue;
      }
      const broken = KNOWN_BROKEN[`${label} ${id}`];
      it(`${label}: ${id} 'obvious' reaches ${VISIBILITY_THRESHOLD} grey levels and is no less visible than 'subtle'${broken ? ` (known broken: ${broken})` : ''}`, () => {
        const obvious = score(id, 'obvious', label);
        // A level that finds no room on this film (NoRoomError: the deck then tries another) promises nothing there.
        const subtle = scoreOrNoRoom(id, 'subtle', label);
        if (broken === 'threshold') expect(obvious, 'fixed? remove it from KNOWN_BROKEN').toBeLessThan(VISIBILITY_THRESHOLD);
        else expect(obvious).toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
        if (broken === 'order') expect(obvious, 'fixed? remove it from KNOWN_BROKEN').toBeLessThan(subtle);
        else expect(obvious, `'obvious' ${obvious.toFixed(1)} against 'subtle' ${subtle.toFixed(1)}`).toBeGreaterThanOrEqual(subtle);
      }, 60_000);
    }
  }
});

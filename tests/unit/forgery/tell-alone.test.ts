/**
 * The tell apart from its content. Techniques that draw content a reader is meant to see (a nodule, a wire, a lifted
 * floor) can render the same content as a real film would show it (Technique.withoutTell: same site, size and
 * contrast, no tell). The fake against that honest rendering is the tell alone, measured with visibility.ts and
 * tool-visibility.ts on the films of expert-tool.test.ts:
 *  - the content is there: the honest rendering differs from the original;
 *  - 'obvious': the tell alone reaches VISIBILITY_THRESHOLD at fit-to-window;
 *  - 'expert': the tell alone stays under it at fit-to-window (it cannot be seen there, even by a reader who had the
 *    honest version beside it) and reaches it through the tool the expert how-to-see names (expert-tools.ts).
 * `node --import tsx tests/unit/forgery/tool-table.ts --alone` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { maskBounds, type Box } from '../../../src/domain/geometry.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { EXPERT_TOOL } from './expert-tools.js';
import { tellAlone } from './tell-alone.js';
import { toolVisibility } from './tool-visibility.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { visibilitySubject, type VisibilitySubject } from './visibility-subjects.js';

const films: Record<string, VisibilitySubject> = {};
const film = (label: string): VisibilitySubject => (films[label] ??= visibilitySubject(label));

const WITH_TWIN = Object.values(TECHNIQUES).filter((t) => t.withoutTell);

describe('the tell alone (fake against the same content drawn without the tell)', () => {
  it('is measured for the techniques that draw content', () => {
    expect(WITH_TWIN.map((t) => t.id)).toContain('pasted-lesion');
  });

  /** Bounding box of the pixels where `b` differs from `a`, or null. */
  const changedBox = (a: GrayImage, b: GrayImage): Box | null => maskBounds(a.width, a.height, (i) => a.data[i] !== b.data[i]);
  /** Distance between two boxes' centres, in units of the second box's larger side. */
  const offCentre = (p: Box, q: Box): number =>
    Math.hypot((p.x0 + p.x1 - q.x0 - q.x1) / 2, (p.y0 + p.y1 - q.y0 - q.y1) / 2) / Math.max(q.x1 - q.x0, q.y1 - q.y0);
  const same = (a: GrayImage, b: GrayImage): boolean => a.data.length === b.data.length && a.data.every((v, i) => v === b.data[i]);

  for (const t of WITH_TWIN) {
    it(`${t.id}: the twin is deterministic, leaves its input alone and draws where the fake does, at every level`, () => {
      const s = film('sim1');
      const before = s.image.data.slice();
      for (const level of ['obvious', 'subtle', 'expert'] as const) {
        const a = tellAlone(t, s, level);
        const b = tellAlone(t, s, level);
        expect(same(a.honest, b.honest), `${level}: same twin for the same seed`).toBe(true);
        expect(s.image.data.every((v, i) => v === before[i]), `${level}: input untouched`).toBe(true);
        const twin = changedBox(s.image, a.honest);
        const fake = changedBox(s.image, a.fake.image);
        expect(twin, `${level}: the twin draws something`).not.toBeNull();
        // The same site: the changed areas are centred within a tenth of the fake's extent of each other (their sizes
        // may differ: a soft margin reaches less far than a blended halo).
        if (twin && fake) expect(offCentre(twin, fake), level).toBeLessThan(0.1);
      }
    }, 60_000);
  }

  for (const label of ['sim1', 'real1', 'real0']) {
    for (const t of WITH_TWIN) {
      it(`${label}: ${t.id}: content drawn; obvious tell visible at fit; expert tell hidden at fit, shown through '${EXPERT_TOOL[t.id]}'`, () => {
        const s = film(label);
        const obvious = tellAlone(t, s, 'obvious');
        const changed = obvious.honest.data.some((v, i) => v !== s.image.data[i]);
        expect(changed, 'the honest rendering draws the content').toBe(true);
        expect(fitToWindowVisibility(obvious.honest, obvious.fake.image, obvious.fake.tells).score, 'obvious at fit').toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
        const expert = tellAlone(t, s, 'expert');
        const tool = EXPERT_TOOL[t.id] ?? 'loupe';
        expect(fitToWindowVisibility(expert.honest, expert.fake.image, expert.fake.tells).score, 'expert at fit').toBeLessThan(VISIBILITY_THRESHOLD);
        expect(toolVisibility(expert.honest, expert.fake.image, expert.fake.tells, tool), `expert through ${tool}`).toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
      }, 60_000);
    }
  }
});

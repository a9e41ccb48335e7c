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

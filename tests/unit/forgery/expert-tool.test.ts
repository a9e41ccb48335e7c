/**
 * Product requirement: 'expert' needs the right tool (zoom, a narrow window, a lens). Measured with
 * tool-visibility.ts on the films of visibility.test.ts (simulated chest, real NIH film) and a second NIH film:
 *  - every expert tell's how-to-see text names its tool (expert-tools.ts), and through that tool the change reaches
 *    VISIBILITY_THRESHOLD (a necessary condition for the tool to show it);
 *  - for the techniques whose change is itself the tell (grain, smoothing, grids, blocks, copied texture) the expert
 *    change stays under the threshold at fit-to-window: it cannot be seen there even against the original, so a tool
 *    is needed. The others draw content a reader is meant to see (a nodule, a wire, mirrored anatomy, a re-framed
 *    film); what needs the tool there is the tell on that content, which a difference from the original cannot
 *    separate from the content itself. Those that can draw the same content without the tell (Technique.withoutTell)
 *    are measured against that twin in tell-alone.test.ts; the rest are listed here with the reason.
 * Run `node --import tsx tests/unit/forgery/tool-table.ts` for the full table.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import type { Tell } from '../../../src/domain/tells.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { lensById } from '../../../src/lenses/registry.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { EXPERT_TOOL } from './expert-tools.js';
import { toolVisibility, type Tool } from './tool-visibility.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from './visibility.js';
import { visibilitySubject, type VisibilitySubject } from './visibility-subjects.js';

/**
 * Techniques whose expert level draws content meant to be seen at fit-to-window, and which have no honest twin to
 * measure the tell alone (tell-alone.test.ts); the tell on the content needs the tool.
 */
const CONTENT: Readonly<Record<string, string>> = {
  'mirror-symmetry': "the tell is a relation (one side repeats the other, anatomy and grain), not a rendering: without it the patch is the film's own unmirrored side, the original, so the change from it (other ribs, other vessels, meant to look normal) is the content and the tell at once",
  'straight-spine': `no twin: the tell is a relation (one vertebra repeated down a straight axis) and the spine without it is the film's own, the original; a blend of the copies faint enough to hide at fit against it no longer shows through the loupe on NIH films; the copies still look like vertebrae at fit, their sameness needs zoom`,
  'flat-exposure': 'the whole change is the tell, an absence judged between the ends of the film (no heel gradient): there is no content to draw without it (a twin would be the original), and removing the plane moves every pixel smoothly by tens of grey levels, which a difference from the original counts but a reader without it cannot; the wide window is where to judge it',
  'garbled-marker': `no twin: the whole change is a warp of the film's own marker, whose honest version is the original letter; moving a bright letter's edges by a fraction of a pixel already scores several grey levels against it at fit (a difference a reader without the original cannot see), so the expert ripple (about a pixel, the letter still reads as itself at fit) is judged through the loupe only`,
  'repetitive-vessels': "the tell is a relation (the same vessel fragments recur at a fixed period): markings without the repeats would be the film's own, the original, so the change from it (vessels moved, meant to look like vessels) is the content and the tell at once; the repeats need the loupe",
  'perfect-positioning': 're-framing moves the whole film; its perfect midline needs the flip lens',
  'impossible-joint': `no twin: the whole change is a warp of the film's own clavicle and rib, whose honest version is the original; at 'expert' one side of the kink moves by one whole pixel (copied, not resampled, so the grain is not softened), which a difference from the original counts over the whole moved half though a reader without the original sees only the jog; the jog is for the loupe`,
  'isolated-finding': 'the tell is a relation (the consequences a real effusion has elsewhere are missing: meniscus, blunted angle, silhouette, mediastinal shift), not a rendering of the opacity: a twin would have to invent them at a size that is a choice (a shift cannot even be drawn on a projection without moving the spine); the basal opacity is meant to be seen, the missing signs need a narrow window',
};

/** What the expert how-to-see text must mention for each tool. */
const NAMES: Readonly<Record<'loupe' | 'narrow' | 'wide', RegExp>> = {
  loupe: /loupe|zoom|magnif/i,
  narrow: /narrow/i,
  wide: /wide/i,
};
const mentions = (tool: Tool): RegExp =>
  tool in NAMES ? NAMES[tool as keyof typeof NAMES] : new RegExp(lensById(tool as Parameters<typeof lensById>[0]).name.split(' ')[0] as string, 'i');

const films: Record<string, VisibilitySubject> = {};
const expertOf = (id: string, label: string): { s: VisibilitySubject; image: GrayImage; tells: readonly Tell[] } => {
  const s = (films[label] ??= visibilitySubject(label));
  const r = TECHNIQUES[id as keyof typeof TECHNIQUES].apply(s.image, s.hints ? { level: 'expert', hints: s.hints } : { level: 'expert' }, createRng(11));
  return { s, image: r.image, tells: r.tells };
};

describe("'expert' needs the right tool", () => {
  it('every pixel technique names an expert tool, and each is hidden at fit, measured against its twin, or listed as content', () => {
    expect(Object.keys(EXPERT_TOOL).sort()).toEqual(Object.keys(TECHNIQUES).sort());
    for (const id of Object.keys(CONTENT)) {
      expect(TECHNIQUES).toHaveProperty(id);
      expect(TECHNIQUES[id as keyof typeof TECHNIQUES].withoutTell, `${id} has a twin: measure it in tell-alone.test.ts, not here`).toBeUndefined();
    }
  });
  const hiddenAtFit = (id: string): boolean => !(id in CONTENT) && !TECHNIQUES[id as keyof typeof TECHNIQUES].withoutTell;

  for (const label of ['sim1', 'real1', 'real0']) {
    for (const [id, tool] of Object.entries(EXPERT_TOOL)) {
      it(`${label}: ${id} expert ${hiddenAtFit(id) ? 'hides at fit-to-window and ' : ''}shows through '${tool}'`, () => {
        const { s, image, tells } = expertOf(id, label);
        expect(tells.some((t) => mentions(tool).test(t.howToSee)), `${id}: how-to-see names ${tool}`).toBe(true);
        if (hiddenAtFit(id)) {
          expect(fitToWindowVisibility(s.image, image, tells).score, 'at fit-to-window').toBeLessThan(VISIBILITY_THRESHOLD);
        }
        expect(toolVisibility(s.image, image, tells, tool), `through ${tool}`).toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
      }, 60_000);
    }
  }
});

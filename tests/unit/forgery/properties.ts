/**
 * Property checks shared by the fixture, simulator and real-radiograph tests: every technique, every level, with and
 * without anatomy hints. Registers Vitest cases; call from a describe block.
 */
import { expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import type { Difficulty } from '../../../src/domain/tells.js';
import { ARTIFACTS } from '../../../src/domain/artifacts.js';
import { isLocalised } from '../../../src/domain/scoring.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import type { ForgeryHints, ForgeryResult, Technique } from '../../../src/forgery/types.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { changedOutside, changedPixels, meanAbsDiff, sha256 } from './measure.js';
import { GLOBAL_STATISTICS } from './statistics.js';

export const LEVELS: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];
const KNOWN_ARTIFACTS = new Set<string>(ARTIFACTS.map((a) => a.id));
/** Techniques whose whole point is to edit the laterality marker. */
const EDITS_MARKER = new Set(['garbled-marker']);
/** Pixels that must change by more than the grain scale: a thin line has fewer of them than a patch. */
const MIN_BIG_CHANGES: Readonly<Record<string, number>> = { 'clean-fracture': 12, 'erase-trabeculae': 100 };
/**
 * At 'expert', techniques whose change must hide at fit-to-window on a full-size film (expert-tool.test.ts) change
 * fewer pixels of these 512 px subjects beyond the grain: a partial erasure of texture that is near the grain scale
 * at this size. clipped-plateau's expert lift is smooth over a millimetre and its clamp takes only the grain below
 * the floor; the fixture's lungs have little texture beyond grain, so little is lifted (tell-alone.test.ts measures
 * it at full size). That the change shows through the loupe at full size is checked there; here only that it is
 * not nil.
 */
const MIN_BIG_CHANGES_EXPERT: Readonly<Record<string, number>> = { 'erase-trabeculae': 5, 'smooth-cortex': 30, 'clipped-plateau': 100 };
/**
 * How much more 'obvious' must change the image than 'expert' (mean absolute difference). flat-exposure removes the
 * whole exposure plane at every level (that is its statistic); on real films the plane dominates the change, so
 * 'obvious' (plane plus compressed low frequencies) only has to change more, not 1.5 times more. perfect-positioning
 * re-frames the whole film at every level (that is its statistic); 'obvious' adds a wider even border on top.
 */
const MAD_RATIO: Readonly<Record<string, number>> = { 'flat-exposure': 1, 'perfect-positioning': 1 };

export interface PropertySubject {
  readonly label: string;
  readonly get: () => { image: GrayImage; hints?: ForgeryHints; untouchable?: readonly number[] };
}

export function runTechniqueProperties(subject: PropertySubject, seed = 11): void {
  const cache = new Map<string, ForgeryResult>();
  const run = (t: Technique, level: Difficulty, withHints: boolean): ForgeryResult => {
    const key = `${t.id}/${level}/${withHints}`;
    let r = cache.get(key);
    if (!r) {
      const { image, hints } = subject.get();
      r = t.apply(image, withHints && hints ? { level, hints } : { level }, createRng(seed));
      cache.set(key, r);
    }
    return r;
  };

  for (const t of Object.values(TECHNIQUES)) {
    for (const withHints of [true, false]) {
      const tag = `${subject.label} ${t.id} ${withHints ? 'with hints' : 'without hints'}`;

      it(`${tag}: keeps the format, stays in range, never mutates its input, repeats for a seed`, () => {
        const { image, hints } = subject.get();
        const before = sha256(image);
        for (const level of LEVELS) {
          const r = run(t, level, withHints);
          expect(r.image.width).toBe(image.width);
          expect(r.image.height).toBe(image.height);
          expect(r.image.bitsStored).toBe(image.bitsStored);
          expect(r.image.windowCenter).toBe(image.windowCenter);
          expect(r.image.windowWidth).toBe(image.windowWidth);
          expect(r.image.data).toBeInstanceOf(Uint16Array);
          expect(r.image.data).not.toBe(image.data);
          const max = 2 ** image.bitsStored - 1;
          expect(r.image.data.every((v) => v <= max)).toBe(true);
          const again = t.apply(image, withHints && hints ? { level, hints } : { level }, createRng(seed));
          expect(sha256(again.image)).toBe(sha256(r.image));
          expect(again.tells).toEqual(r.tells);
        }
        expect(sha256(image)).toBe(before);
      });

      it(`${tag}: tells name the technique's artifacts, a region and a radiologist's explanation`, () => {
        for (const level of LEVELS) {
          const { tells } = run(t, level, withHints);
          expect(tells.length).toBeGreaterThan(0);
          for (const tell of tells) {
            expect(t.artifactIds).toContain(tell.artifactId);
            expect(KNOWN_ARTIFACTS.has(tell.artifactId)).toBe(true);
            expect(tell.regions.length).toBeGreaterThan(0);
            for (const poly of tell.regions) {
              expect(poly.length).toBeGreaterThanOrEqual(3);
              expect(poly.every((pt) => Number.isFinite(pt.x) && Number.isFinite(pt.y))).toBe(true);
            }
            expect(tell.strength).toBeGreaterThan(0);
            expect(tell.strength).toBeLessThanOrEqual(1);
            expect(tell.explanation.length).toBeGreaterThan(80);
            expect(tell.howToSee.length).toBeGreaterThan(40);
          }
        }
        const [o, e] = [run(t, 'obvious', withHints), run(t, 'expert', withHints)];
        expect(o.tells[0]?.strength).toBeGreaterThan(e.tells[0]?.strength ?? 1);
      });

      it(`${tag}: 'obvious' changes the image more than 'expert' (mean absolute difference)`, () => {
        const { image } = subject.get();
        const d = LEVELS.map((level) => meanAbsDiff(image, run(t, level, withHints).image));
        expect(d[0]).toBeGreaterThan((MAD_RATIO[t.id] ?? 1.5) * (d[2] as number));
        expect(d[2]).toBeGreaterThan(0);
      });

      if (t.scope === 'local') {
        it(`${tag}: changes pixels only inside its tells' regions (+${t.marginPx} px), and substantially there`, () => {
          const { image, untouchable } = subject.get();
          for (const level of LEVELS) {
            const r = run(t, level, withHints);
            const regions = r.tells.flatMap((tell) => tell.regions);
            expect(changedOutside(image, r.image, regions, t.marginPx)).toBe(0);
            const changed = changedPixels(image, r.image);
            // "Substantially": beyond rounding, on the scale of the lung's own grain (0.25% of the window width).
            const big = changed.filter((i) => Math.abs((image.data[i] as number) - (r.image.data[i] as number)) > 0.0025 * image.windowWidth);
            expect(big.length, level).toBeGreaterThan((level === 'expert' ? MIN_BIG_CHANGES_EXPERT[t.id] : undefined) ?? MIN_BIG_CHANGES[t.id] ?? 200);
            if (!EDITS_MARKER.has(t.id)) for (const i of untouchable ?? []) expect(r.image.data[i]).toBe(image.data[i]);
          }
        });
      } else {
        it(`${tag}: every tell covers the whole image (extent 'whole-image'), so a corner mark earns no localisation bonus`, () => {
          for (const level of LEVELS) {
            const { tells } = run(t, level, withHints);
            for (const tell of tells) expect(tell.extent, `${level} ${tell.artifactId}`).toBe('whole-image');
            const truth = { kind: 'forged' as const, recipe: [{ techniqueId: t.id, level, seed }], tells };
            expect(isLocalised(truth, 5, [{ x: 1, y: 1 }]), level).toBe(false);
          }
        });
        const stat = GLOBAL_STATISTICS[t.id];
        it(`${tag}: has a documented statistic`, () => expect(stat, `no statistic for global technique ${t.id}`).toBeDefined());
        if (stat) {
          it(`${tag}: ${stat.name}`, () => {
            const { image } = subject.get();
            const before = stat.measure(image);
            for (const level of LEVELS) {
              const after = stat.measure(run(t, level, withHints).image);
              expect(stat.moved(before, after), `${level}: ${before.toFixed(3)} -> ${after.toFixed(3)}`).toBe(true);
            }
          });
        }
      }
    }
  }
}

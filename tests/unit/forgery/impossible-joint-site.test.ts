/**
 * A6 (impossible-joint) teaches a kinked lateral clavicle at the acromioclavicular joint: the region drawn in the
 * review is where the pixels were warped, and both must be where the words send the reader. User audit: on demo seed
 * 7, case 1 (sim seed 590770115) the outline sat over the left apex and mid-clavicle, the text named the AC joint.
 */
import { describe, expect, it } from 'vitest';
import type { Point } from '../../../src/domain/types.js';
import { pointInPolygon } from '../../../src/domain/geometry.js';
import { demoHints } from '../../../src/decks/generate-case.js';
import { forge } from '../../../src/forgery/catalog.js';
import { simulateChest } from '../../../src/simulator/index.js';
import type { Difficulty } from '../../../src/domain/tells.js';

/** Distance from a point to a polyline, and how far along it (0 medial .. 1 lateral) the nearest point lies. */
function nearestOnLine(line: readonly Point[], p: Point): { d: number; t: number } {
  const lengths = line.slice(1).map((q, i) => Math.hypot(q.x - (line[i] as Point).x, q.y - (line[i] as Point).y));
  const total = lengths.reduce((a, b) => a + b, 0);
  let best = { d: Infinity, t: 0 };
  let walked = 0;
  for (let i = 0; i < lengths.length; i++) {
    const a = line[i] as Point;
    const b = line[i + 1] as Point;
    const len = lengths[i] as number;
    const f = len > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len))) : 0;
    const d = Math.hypot(a.x + f * (b.x - a.x) - p.x, a.y + f * (b.y - a.y) - p.y);
    if (d < best.d) best = { d, t: (walked + f * len) / total };
    walked += len;
  }
  return best;
}

// 590770115: the audited case; 2 and 6: films that cut off the shoulder (the AC joint is off the film).
const CASES: readonly [number, Difficulty][] = [[590770115, 'subtle'], [2, 'obvious'], [6, 'expert'], [1, 'subtle']];

describe('A6: the kinked clavicle is drawn and described where it was made', () => {
  for (const [seed, level] of CASES) {
    it(`sim ${seed}, ${level}: the warp and its outline lie on the lateral clavicle, and the words name it`, () => {
      const sim = simulateChest(seed);
      const r = forge(sim.image, [{ techniqueId: 'impossible-joint', level, seed: 604038782 }], demoHints(sim));
      const tell = r.tells[0];
      const region = tell?.regions[0];
      if (!tell || !region) throw new Error('no A6 tell');
      // Where the pixels changed: their centroid is inside the region drawn.
      let n = 0;
      let sx = 0;
      let sy = 0;
      const w = sim.image.width;
      for (let i = 0; i < r.image.data.length; i++) {
        if (r.image.data[i] === sim.image.data[i]) continue;
        n++;
        sx += i % w;
        sy += Math.floor(i / w);
      }
      const changed = { x: sx / n, y: sy / n };
      expect(pointInPolygon(changed, region), 'the edit is inside the outline').toBe(true);
      // The region's centre is on the clavicle's line, in its lateral half (toward the AC joint).
      const centre = { x: region.reduce((a, p) => a + p.x, 0) / region.length, y: region.reduce((a, p) => a + p.y, 0) / region.length };
      const side = centre.x < sim.anatomy.midlineX ? 'right' : 'left';
      const ys = region.map((p) => p.y);
      const halfHeight = (Math.max(...ys) - Math.min(...ys)) / 2;
      const near = nearestOnLine(sim.anatomy.clavicles[side], centre);
      expect(near.d, 'the clavicle runs through the middle of the outline').toBeLessThan(0.25 * halfHeight);
      expect(near.t, 'on the lateral part of the clavicle').toBeGreaterThan(0.5);
      expect(tell.explanation).toMatch(new RegExp(`^The lateral ${side} clavicle and the acromioclavicular region are kinked`));
      expect(tell.howToSee).toMatch(new RegExp(`lateral ${side} clavicle and the acromioclavicular region`));
    });
  }

  it('without the clavicle (a real film: lungs only) the words name the lung apex the region covers, not the AC joint', () => {
    const sim = simulateChest(590770115);
    const { clavicles: _unknown, ...hints } = demoHints(sim);
    const tell = forge(sim.image, [{ techniqueId: 'impossible-joint', level: 'subtle', seed: 604038782 }], hints).tells[0];
    expect(tell?.explanation).toMatch(/^The (left|right) clavicle and the upper ribs over the lateral lung apex are kinked/);
    expect(`${tell?.explanation} ${tell?.howToSee}`).not.toMatch(/acromioclavicular|acromion/);
  });
});

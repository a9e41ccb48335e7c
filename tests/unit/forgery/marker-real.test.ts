/**
 * The laterality marker on the 47 NIH films, against the boxes in real-markers.ts: the detector finds it (but on the
 * two films it still misses), and perfect-positioning (T4), whose zoom crops the corners, shows it whole at every
 * level, wherever the detector looked.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../src/domain/geometry.js';
import { locateMarker } from '../../../src/forgery/marker.js';
import { outputOf, planReframe } from '../../../src/forgery/perfect-positioning.js';
import { shownAt } from './positioning.js';
import { LEVELS } from './properties.js';
import { REAL_CHEST_DIR, loadRealChest } from './real-image.js';
import { DETECTOR_MISSES, NO_MARKER, realMarker } from './real-markers.js';

const files = readdirSync(REAL_CHEST_DIR).filter((f) => f.endsWith('.png')).sort();
const meets = (p: Box, q: Box): boolean => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;

describe('the laterality marker on the NIH films', () => {
  it('every film is labelled: a marker box, or none', () => {
    expect(files).toHaveLength(47);
    for (const f of files) expect(realMarker(f) !== undefined || NO_MARKER.has(f), f).toBe(true);
  });

  it('the detector finds the marker on every film that has one, but the two it still misses', () => {
    const missed: string[] = [];
    files.forEach((file, i) => {
      const real = realMarker(file);
      if (!real) return;
      if (!meets(locateMarker(loadRealChest(i, 512).image), real)) missed.push(file);
    });
    expect(missed).toEqual([...DETECTOR_MISSES].sort());
  }, 30_000);

  it('perfect-positioning shows the real marker whole, at every level, on every film that has one', () => {
    const cut: string[] = [];
    files.forEach((file, i) => {
      const labelled = realMarker(file);
      if (!labelled) return;
      const { image } = loadRealChest(i, 512);
      const real = labelled;
      for (const level of LEVELS) {
        const plan = planReframe(image, { level });
        // Where the detector found it, it goes where the marker is moved; else wherever the film takes it.
        const found = meets(plan.letter, labelled);
        const corners = [[real.x0, real.y0], [real.x1, real.y0], [real.x0, real.y1], [real.x1, real.y1]].map(([x, y]) =>
          found ? shownAt(plan, x as number, y as number) : outputOf(plan, x as number, y as number),
        );
        const g = plan.field;
        if (!corners.every((c) => c.x >= g.x0 - 0.5 && c.x <= g.x1 + 0.5 && c.y >= g.y0 - 0.5 && c.y <= g.y1 + 0.5)) cut.push(`${file} ${level}`);
      }
    });
    expect(cut).toEqual([]);
  }, 60_000);
});

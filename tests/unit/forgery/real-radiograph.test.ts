/**
 * Every technique on a REAL radiograph (NIH ChestX-ray14 sample, no anatomy hints): the same properties as on
 * simulated images. No skip: a missing ../shared/xray fails this file.
 */
import { describe, expect, it } from 'vitest';
import { loadRealChest } from './real-image.js';
import { runTechniqueProperties } from './properties.js';

// 00000100_000.png: the first sample passes everything; 00000075_000.png (pacemaker, many leads) defeats mirror-symmetry's
// lung locator at 'expert' (see the forgery README).
const real = loadRealChest(1);

describe(`forgery techniques on a real chest radiograph (${real.file}, 512x512)`, () => {
  it('loaded a real 12-bit radiograph with content', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of real.image.data) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(max - min).toBeGreaterThan(2000);
  });
  runTechniqueProperties({ label: 'real', get: () => ({ image: real.image }) });
});

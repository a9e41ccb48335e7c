import { describe, expect, it } from 'vitest';
import { CollimatorField, type FieldShape } from '../../../src/simulator/field.js';

// The exposure and the processing skip the collimator's weight inside span(): it must be exactly 1 there.
describe('CollimatorField.span', () => {
  it('holds only pixels of full transmission, and nearly all of them', () => {
    const w = 300;
    const h = 260;
    for (const tilt of [0, 0.02, -0.035, 0.05]) {
      const f: FieldShape = { x0: 20, y0: 14, x1: 270, y1: 240, tilt, penumbra: 4 };
      const field = new CollimatorField(f, w, h);
      let full = 0;
      let spanned = 0;
      for (let y = 0; y < h; y++) {
        field.span(y);
        for (let x = 0; x < w; x++) {
          const one = field.weight(x + 0.5, y + 0.5) === 1;
          if (x >= field.lo && x <= field.hi) {
            expect(one, `tilt ${tilt} (${x}, ${y})`).toBe(true);
            spanned++;
          }
          if (one) full++;
        }
      }
      expect(spanned).toBeGreaterThan(0.97 * full);
      expect(field.open).toBe(false);
    }
    expect(new CollimatorField({ x0: -8, y0: -8, x1: w + 8, y1: h + 8, tilt: 0, penumbra: 4 }, w, h).open).toBe(true);
  });
});

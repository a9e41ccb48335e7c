import { describe, expect, it } from 'vitest';
import { maskBounds } from '../../../src/domain/geometry.js';

describe('maskBounds', () => {
  it('boxes the cells that are on, with exclusive far edges, and is null for none', () => {
    const w = 5;
    const on = new Set([1 * w + 2, 3 * w + 1, 2 * w + 4]);
    expect(maskBounds(w, 4, (i) => on.has(i))).toEqual({ x0: 1, y0: 1, x1: 5, y1: 4 });
    expect(maskBounds(w, 4, () => false)).toBeNull();
    expect(maskBounds(w, 4, (i) => i === 0)).toEqual({ x0: 0, y0: 0, x1: 1, y1: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { WINDOW_STEPS } from '../../../src/domain/index.js';
import { CENTRE_BIG_STEP_SHARE, CENTRE_STEP_SHARE, stepVoi, WINDOW_BIG_STEP_FACTOR, WINDOW_STEP_FACTOR } from '../../../src/viewer/presets.js';

/** A 12-bit film whose pixels run 100..4000, shown at a window of 2000 about 2000. */
const range = { min: 100, max: 4000 };
const base = { windowCenter: 2000, windowWidth: 2000 };

describe('window/level by keys: the steps', () => {
  it('widens and narrows the window by a factor, more with Shift, about the same centre', () => {
    expect(stepVoi(base, 'wider', false, range)).toEqual({ voi: { windowCenter: 2000, windowWidth: Math.round(2000 * WINDOW_STEP_FACTOR) }, atLimit: false });
    expect(stepVoi(base, 'wider', true, range).voi.windowWidth).toBe(Math.round(2000 * WINDOW_BIG_STEP_FACTOR));
    expect(stepVoi(base, 'narrower', false, range).voi).toEqual({ windowCenter: 2000, windowWidth: Math.round(2000 / WINDOW_STEP_FACTOR) });
    expect(stepVoi(base, 'narrower', true, range).voi.windowWidth).toBe(Math.round(2000 / WINDOW_BIG_STEP_FACTOR));
  });

  it('moves the centre by a share of the width, more with Shift, keeping the width', () => {
    expect(stepVoi(base, 'higher', false, range).voi).toEqual({ windowCenter: 2000 + 2000 * CENTRE_STEP_SHARE, windowWidth: 2000 });
    expect(stepVoi(base, 'lower', true, range).voi).toEqual({ windowCenter: 2000 - 2000 * CENTRE_BIG_STEP_SHARE, windowWidth: 2000 });
    // The same share of a narrow window is a small step: the grey scale shifts by the same visible amount.
    expect(stepVoi({ windowCenter: 2000, windowWidth: 200 }, 'higher', false, range).voi.windowCenter).toBe(2010);
  });

  it('changes by at least one value per press, even at a window of a few values', () => {
    const tiny = { windowCenter: 500, windowWidth: 3 };
    expect(stepVoi(tiny, 'wider', false, range).voi.windowWidth).toBe(4);
    expect(stepVoi(tiny, 'narrower', false, range).voi.windowWidth).toBe(2);
    expect(stepVoi(tiny, 'higher', false, range).voi.windowCenter).toBe(501);
    expect(stepVoi(tiny, 'lower', true, range).voi.windowCenter).toBe(499);
  });

  it('keeps the window at least 1 and at most the span of the image, the centre within its values, and says when it stops', () => {
    let voi = base;
    for (let i = 0; i < 40; i++) voi = stepVoi(voi, 'narrower', true, range).voi;
    expect(voi.windowWidth).toBe(1);
    expect(stepVoi(voi, 'narrower', true, range)).toEqual({ voi, atLimit: true });
    voi = base;
    for (let i = 0; i < 40; i++) voi = stepVoi(voi, 'wider', true, range).voi;
    expect(voi.windowWidth).toBe(range.max - range.min + 1);
    expect(stepVoi(voi, 'wider', false, range).atLimit).toBe(true);
    voi = base;
    for (let i = 0; i < 40; i++) voi = stepVoi(voi, 'higher', true, range).voi;
    expect(voi.windowCenter).toBe(range.max);
    expect(stepVoi(voi, 'higher', false, range).atLimit).toBe(true);
    for (let i = 0; i < 40; i++) voi = stepVoi(voi, 'lower', true, range).voi;
    expect(voi.windowCenter).toBe(range.min);
    expect(stepVoi(voi, 'lower', false, range).atLimit).toBe(true);
  });

  it('never pushes a window a drag left outside those bounds further out, nor makes it jump back in', () => {
    const dragged = { windowCenter: 5000, windowWidth: 6000 };
    expect(stepVoi(dragged, 'wider', false, range)).toEqual({ voi: dragged, atLimit: true });
    expect(stepVoi(dragged, 'higher', false, range)).toEqual({ voi: dragged, atLimit: true });
    // The other way it steps as usual, from where it is.
    expect(stepVoi(dragged, 'narrower', false, range).voi.windowWidth).toBe(Math.round(6000 / WINDOW_STEP_FACTOR));
    expect(stepVoi(dragged, 'lower', false, range).voi.windowCenter).toBe(5000 - 300);
  });

  it('every step is within the bounds from any window inside them', () => {
    for (const step of WINDOW_STEPS) {
      for (const big of [false, true]) {
        for (const w of [1, 2, 7, 300, 3901]) {
          for (const c of [100, 1234.5, 4000]) {
            const { voi } = stepVoi({ windowCenter: c, windowWidth: w }, step, big, range);
            expect(voi.windowWidth, `${step} ${big} ${w} ${c}`).toBeGreaterThanOrEqual(1);
            expect(voi.windowWidth).toBeLessThanOrEqual(3901);
            expect(voi.windowCenter).toBeGreaterThanOrEqual(100);
            expect(voi.windowCenter).toBeLessThanOrEqual(4000);
          }
        }
      }
    }
  });
});

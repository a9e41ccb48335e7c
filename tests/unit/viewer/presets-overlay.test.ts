import { describe, expect, it } from 'vitest';
import { caseId, circlePolygon, scoreCase, type CaseRecord, type CaseTruth } from '../../../src/domain/index.js';
import { WINDOW_PRESETS } from '../../../src/domain/index.js';
import { dragVoi, presetVoi } from '../../../src/viewer/presets.js';
import { reviewOverlay } from '../../../src/directors/bind-viewer.js';
import { caseImageId, parseImageId } from '../../../src/domain/index.js';

const base = { windowCenter: 2000, windowWidth: 3000 };

describe('window presets', () => {
  it('default is the image window; narrow and grain are narrower, wide is wider, bone sits higher', () => {
    expect(presetVoi('default', base, 4095)).toEqual(base);
    expect(presetVoi('wide', base, 4095).windowWidth).toBeGreaterThan(base.windowWidth);
    expect(presetVoi('narrow', base, 4095).windowWidth).toBeLessThan(base.windowWidth);
    expect(presetVoi('grain', base, 4095).windowWidth).toBeLessThan(presetVoi('narrow', base, 4095).windowWidth);
    expect(presetVoi('bone', base, 4095).windowCenter).toBeGreaterThan(base.windowCenter);
    for (const p of WINDOW_PRESETS) expect(presetVoi(p, base, 4095).windowWidth).toBeLessThanOrEqual(4096);
  });
  it('dragging right widens the window and dragging down raises the level; the width never collapses', () => {
    const v = dragVoi(base, 100, 50, 4095);
    expect(v.windowWidth).toBeGreaterThan(base.windowWidth);
    expect(v.windowCenter).toBeGreaterThan(base.windowCenter);
    expect(dragVoi(base, -100_000, 0, 4095).windowWidth).toBe(2);
  });
});

describe('review overlay', () => {
  const region = circlePolygon(100, 100, 30);
  const truth: CaseTruth = {
    kind: 'forged',
    recipe: [{ techniqueId: 'pasted-lesion', level: 'obvious', seed: 1 }],
    tells: [
      { artifactId: 'A9', regions: [region], strength: 1, explanation: 'a', howToSee: 'b' },
      { artifactId: 'E1', regions: [circlePolygon(100, 100, 30)], strength: 1, explanation: 'c', howToSee: 'd' },
    ],
  };
  const marks = [{ x: 105, y: 95 }, { x: 300, y: 300 }];
  const rec: CaseRecord = {
    caseId: caseId('x'), round: 0, indexInRound: 0, rating: 5, marks, timeMs: 1000, timedOut: false, truth,
    score: scoreCase(truth, 5, marks, 0), toolsUsed: [], interrupted: false, answeredAt: 0,
  };
  it('draws a shared region once with both artifact ids, and scores each mark hit or miss', () => {
    const o = reviewOverlay(rec, true);
    expect(o.polygons.map((p) => p.label)).toEqual(['A9 + E1']);
    expect(o.marks.map((m) => m.hit)).toEqual([true, false]);
  });
  it('hides the tells on T but keeps the marks', () => {
    const o = reviewOverlay(rec, false);
    expect(o.polygons).toEqual([]);
    expect(o.marks).toHaveLength(2);
  });
});

describe('image ids', () => {
  it('round-trip and refuse foreign ids', () => {
    expect(parseImageId(caseImageId('demo-7-r1c2', true))).toEqual({ caseId: 'demo-7-r1c2', original: true, lens: null });
    expect(parseImageId(caseImageId('demo-7-r1c2'))).toEqual({ caseId: 'demo-7-r1c2', original: false, lens: null });
    expect(parseImageId(caseImageId('atlas-A1', true, 'spectrum'))).toEqual({ caseId: 'atlas-A1', original: true, lens: 'spectrum' });
    expect(() => parseImageId('wadouri:x')).toThrow(/not a game image id/);
  });
});

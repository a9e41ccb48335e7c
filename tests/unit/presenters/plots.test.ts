import { describe, expect, it } from 'vitest';
import { caseId, calibration, rocAnalysis, scoreCase, breakdowns, type BreakdownGroup, type CaseRecord, type CaseTruth, type Rating } from '../../../src/domain/index.js';
import { calibrationPlot, categoryBars, learningCurve, rocPlot, type PlotPrimitive } from '../../../src/presenters/plots.js';
import { learningPoints, LITERATURE_CONTEXT } from '../../../src/presenters/figures.js';

const R = { x: 100, y: 50, width: 300, height: 260 };
const real: CaseTruth = { kind: 'authentic', authenticityCues: [] };
const fake: CaseTruth = { kind: 'forged', recipe: [{ techniqueId: 'uniform-grain', level: 'subtle', seed: 1 }], tells: [{ artifactId: 'T1', regions: [[{ x: 0, y: 0 }, { x: 9, y: 0 }, { x: 9, y: 9 }]], strength: 1, explanation: '', howToSee: '' }] };
const rec = (truth: CaseTruth, rating: Rating): CaseRecord => ({
  caseId: caseId(`c${Math.random()}`), round: 0, indexInRound: 0, rating, marks: [], timeMs: 1000, timedOut: false, truth,
  score: scoreCase(truth, rating, [], 0), toolsUsed: [], interrupted: false, answeredAt: 0,
});
const curve = (prims: readonly PlotPrimitive[]) => prims.find((p) => p.kind === 'line' && p.style === 'curve');

describe('plot geometry', () => {
  it('a perfect reader`s ROC curve passes through the top-left corner, above the dashed chance line', () => {
    const plot = rocPlot(rocAnalysis([rec(fake, 6), rec(fake, 5), rec(real, 1), rec(real, 2)]), R);
    expect(plot.empty).toBeNull();
    const line = curve(plot.primitives);
    if (line?.kind !== 'line') throw new Error('no curve');
    const inner = { x0: R.x + 34, y0: R.y + 42, x1: R.x + R.width - 10, y1: R.y + R.height - 30 };
    expect(line.points.some((p) => Math.abs(p.x - inner.x0) < 1e-9 && Math.abs(p.y - inner.y0) < 1e-9)).toBe(true);
    expect(plot.primitives.some((p) => p.kind === 'line' && p.dashed)).toBe(true);
    expect(plot.title).toBe('ROC: AUC 1.00');
    for (const p of line.points) {
      expect(p.x).toBeGreaterThanOrEqual(inner.x0 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(inner.x1 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(inner.y0 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(inner.y1 + 1e-9);
    }
  });

  it('says what is missing instead of drawing an empty plot', () => {
    expect(rocPlot(rocAnalysis([rec(fake, 6)]), R).empty).toMatch(/at least one answered fake and one answered real/);
    expect(calibrationPlot(calibration([]), R).empty).toMatch(/Needs answered cases/);
    expect(learningCurve([{ accuracy: 0.5, auc: 0.6 }], R, 'session').empty).toMatch(/two sessions/);
    expect(learningCurve([{ accuracy: 0.5, auc: 0.6 }], R, 'round').empty).toBe('Appears from round 2 of this session.');
  });

  it('calibration dots sit at stated probability and observed share', () => {
    const plot = calibrationPlot(calibration([rec(fake, 6), rec(real, 6), rec(real, 1)]), R);
    const dots = plot.primitives.filter((p) => p.kind === 'dot');
    expect(dots).toHaveLength(2);
  });

  it('names each bar as the screens name the category, never by its id (user audit: "devices-markers")', () => {
    const groups: BreakdownGroup[] = [
      { key: 'devices-markers', n: 1, fakes: 1, reals: 0, caught: 1, cleared: 0, sensitivity: 1, specificity: null },
      { key: 'texture-noise', n: 1, fakes: 1, reals: 0, caught: 0, cleared: 0, sensitivity: 0, specificity: null },
    ];
    const labels = categoryBars(groups, R).primitives.flatMap((p) => (p.kind === 'text' && p.align === 'right' ? [p.text] : []));
    expect(labels).toEqual(['Devices and markers', 'Texture and noise']);
  });

  it('bars are as long as the share caught', () => {
    const plot = categoryBars(breakdowns([rec(fake, 6), rec(fake, 2), rec(real, 1)]).byCategory, R);
    const bars = plot.primitives.filter((p) => p.kind === 'bar' && p.style === 'bar');
    const tracks = plot.primitives.filter((p) => p.kind === 'bar' && p.style === 'guide');
    if (bars[0]?.kind !== 'bar' || tracks[0]?.kind !== 'bar') throw new Error('no bars');
    expect(bars[0].w / tracks[0].w).toBeCloseTo(0.5, 9);
  });

  it('the learning curve has a point per finished session, oldest first, and cites the literature', () => {
    expect(learningPoints([])).toEqual([]);
    const plot = learningCurve([{ accuracy: 0.5, auc: 0.5 }, { accuracy: 0.75, auc: 0.8 }, { accuracy: 0.9, auc: null }], R, 'session');
    const line = curve(plot.primitives);
    if (line?.kind !== 'line') throw new Error('no curve');
    expect(line.points).toHaveLength(3);
    expect((line.points[2]?.y ?? 0) < (line.points[0]?.y ?? 0)).toBe(true);
    expect(LITERATURE_CONTEXT.join(' ')).toMatch(/75%.*70%.*41%/s);
  });
});

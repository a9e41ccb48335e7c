import { REAL_GROUP, UNLISTED_GROUP, type BreakdownGroup, type Calibration, type RocAnalysis } from '../domain/index.js';
import type { Rect } from '../viewer/index.js';
import { CATEGORY_LABELS } from './category-labels.js';

/**
 * Plot geometry, pure: each plot becomes primitives in screen pixels that a Phaser scene draws as they are.
 * Axes run 0..1 on both sides for ROC and calibration, with the chance or ideal diagonal drawn dashed.
 */
export type PlotStyle = 'axis' | 'guide' | 'curve' | 'curve2' | 'bar' | 'label';
export type PlotPrimitive =
  | { readonly kind: 'line'; readonly points: readonly { x: number; y: number }[]; readonly style: PlotStyle; readonly dashed?: boolean }
  | { readonly kind: 'dot'; readonly x: number; readonly y: number; readonly r: number; readonly style: PlotStyle }
  | { readonly kind: 'bar'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly style: PlotStyle }
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly align: 'left' | 'center' | 'right'; readonly style: PlotStyle };

export interface Plot {
  readonly title: string;
  readonly primitives: readonly PlotPrimitive[];
  /** Shown instead of the plot when there is not enough data, saying what is missing. */
  readonly empty: string | null;
}

const PAD = { left: 34, right: 10, top: 42, bottom: 30 };

function frame(r: Rect, xLabel: string, yLabel: string): { inner: Rect; prims: PlotPrimitive[] } {
  const inner = { x: r.x + PAD.left, y: r.y + PAD.top, width: r.width - PAD.left - PAD.right, height: r.height - PAD.top - PAD.bottom };
  const prims: PlotPrimitive[] = [
    { kind: 'line', style: 'axis', points: [{ x: inner.x, y: inner.y }, { x: inner.x, y: inner.y + inner.height }, { x: inner.x + inner.width, y: inner.y + inner.height }] },
    { kind: 'text', style: 'label', x: inner.x + inner.width / 2, y: inner.y + inner.height + 14, text: xLabel, align: 'center' },
    // The y label sits above the top tick ('1'), clear of it.
    { kind: 'text', style: 'label', x: r.x + 2, y: inner.y - 32, text: yLabel, align: 'left' },
    { kind: 'text', style: 'label', x: inner.x - 4, y: inner.y + inner.height - 6, text: '0', align: 'right' },
    { kind: 'text', style: 'label', x: inner.x - 4, y: inner.y - 6, text: '1', align: 'right' },
  ];
  return { inner, prims };
}

const at = (inner: Rect, fx: number, fy: number): { x: number; y: number } => ({
  x: inner.x + fx * inner.width,
  y: inner.y + (1 - fy) * inner.height,
});

export function rocPlot(roc: RocAnalysis, r: Rect): Plot {
  const title = roc.auc ? `ROC: AUC ${roc.auc.auc.toFixed(2)}` : 'ROC curve';
  if (roc.points.length === 0) return { title, primitives: [], empty: 'Needs at least one answered fake and one answered real image.' };
  const { inner, prims } = frame(r, 'real images called fake (1 - specificity)', 'fakes caught');
  prims.push({ kind: 'line', style: 'guide', dashed: true, points: [at(inner, 0, 0), at(inner, 1, 1)] });
  prims.push({ kind: 'line', style: 'curve', points: roc.points.map((p) => at(inner, p.fpf, p.tpf)) });
  for (const p of roc.points) {
    if ((p.fpf === 0 && p.tpf === 0) || (p.fpf === 1 && p.tpf === 1)) continue;
    const q = at(inner, p.fpf, p.tpf);
    prims.push({ kind: 'dot', style: p.threshold === 4 ? 'curve2' : 'curve', x: q.x, y: q.y, r: p.threshold === 4 ? 5 : 3 });
  }
  return { title, primitives: prims, empty: null };
}

export function calibrationPlot(cal: Calibration, r: Rect): Plot {
  const used = cal.rows.filter((row) => row.observed !== null);
  const title = cal.brier === null ? 'Calibration' : `Calibration: Brier ${cal.brier.toFixed(3)}`;
  if (used.length === 0) return { title, primitives: [], empty: 'Needs answered cases.' };
  const { inner, prims } = frame(r, 'stated probability of fake', 'observed share of fakes');
  prims.push({ kind: 'line', style: 'guide', dashed: true, points: [at(inner, 0, 0), at(inner, 1, 1)] });
  prims.push({ kind: 'line', style: 'curve', points: used.map((row) => at(inner, row.stated, row.observed as number)) });
  for (const row of used) {
    const q = at(inner, row.stated, row.observed as number);
    prims.push({ kind: 'dot', style: 'curve', x: q.x, y: q.y, r: Math.min(8, 2 + Math.sqrt(row.n) * 1.5) });
  }
  return { title, primitives: prims, empty: null };
}

/** A category's name as the screens give it, never its id. */
const groupLabel = (key: string): string =>
  key === REAL_GROUP ? 'Real images' : key === UNLISTED_GROUP ? 'No listed tell' : (CATEGORY_LABELS as Readonly<Record<string, string>>)[key] ?? key;

/** Share of fakes caught per artifact category (and of real images cleared), as horizontal bars. */
export function categoryBars(groups: readonly BreakdownGroup[], r: Rect): Plot {
  const title = 'Caught, by kind of tell';
  const rows = groups.filter((g) => g.n > 0);
  if (rows.length === 0) return { title, primitives: [], empty: 'Needs answered cases.' };
  const prims: PlotPrimitive[] = [];
  const top = r.y + 24;
  const rowH = Math.min(26, (r.height - 30) / rows.length);
  // Room for the longest category name at 13 px ('Devices and markers', about 135 px) in the 300-px plot box.
  const labelW = Math.min(150, r.width * 0.5);
  const barW = r.width - labelW - 50;
  rows.forEach((g, i) => {
    const y = top + i * rowH;
    const share = g.sensitivity ?? g.specificity ?? 0;
    const count = g.fakes > 0 ? `${g.caught}/${g.fakes}` : `${g.cleared}/${g.reals}`;
    prims.push({ kind: 'text', style: 'label', x: r.x + labelW - 6, y: y + 2, text: groupLabel(g.key), align: 'right' });
    prims.push({ kind: 'bar', style: 'guide', x: r.x + labelW, y: y + 3, w: barW, h: rowH - 8 });
    prims.push({ kind: 'bar', style: g.fakes > 0 ? 'bar' : 'curve2', x: r.x + labelW, y: y + 3, w: barW * share, h: rowH - 8 });
    prims.push({ kind: 'text', style: 'label', x: r.x + labelW + barW + 6, y: y + 2, text: count, align: 'left' });
  });
  return { title, primitives: prims, empty: null };
}

export interface LearningPoint {
  readonly accuracy: number | null;
  readonly auc: number | null;
}

/** Accuracy and AUC per round of this session or per finished session (learning.ts), oldest first, named as such. */
export function learningCurve(points: readonly LearningPoint[], r: Rect, unit: 'round' | 'session'): Plot {
  const title = 'Learning curve: accuracy (line) and AUC (dots)';
  if (points.length < 2) {
    const empty = unit === 'round' ? 'Appears from round 2 of this session.' : 'Appears once you have finished two sessions.';
    return { title, primitives: [], empty };
  }
  const { inner, prims } = frame(r, unit === 'round' ? `rounds of this session (${points.length})` : `your sessions (${points.length})`, 'score');
  prims.push({ kind: 'line', style: 'guide', dashed: true, points: [at(inner, 0, 0.5), at(inner, 1, 0.5)] });
  const fx = (i: number): number => (points.length === 1 ? 0.5 : i / (points.length - 1));
  const acc = points.flatMap((p, i) => (p.accuracy === null ? [] : [at(inner, fx(i), p.accuracy)]));
  if (acc.length > 0) prims.push({ kind: 'line', style: 'curve', points: acc });
  points.forEach((p, i) => {
    if (p.auc === null) return;
    const q = at(inner, fx(i), p.auc);
    prims.push({ kind: 'dot', style: 'curve2', x: q.x, y: q.y, r: 4 });
  });
  return { title, primitives: prims, empty: null };
}

import Phaser from 'phaser';
import { formatRate, type BreakdownGroup, type Breakdowns, type CaseRecord } from '../../domain/index.js';
import { figuresFor } from '../../presenters/index.js';
import { calibrationPlot, categoryBars, learningCurve, rocPlot, type LearningPoint } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import type { Rect } from '../../viewer/index.js';
import { drawPlot } from '../plot-draw.js';
import { label, panel } from '../widgets.js';

/** Reader-study figures for a set of answers: numbers and their plain reading on the left, four plots on the right. */
export function drawFiguresPanel(
  scene: Phaser.Scene, r: Rect, title: string, records: readonly CaseRecord[], learning: readonly LearningPoint[],
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  c.add(panel(scene, r.x, r.y, r.width, r.height));
  const f = figuresFor(records);
  const b = f.report.binary;
  const leftW = Math.min(520, r.width * 0.46);
  const heading = label(scene, r.x + 20, r.y + 14, title, { size: 20, bold: true, wrap: leftW - 30 });
  c.add(heading);
  const auc = f.report.roc.auc;
  const numbers = [
    `Accuracy ${formatRate(b.accuracy)} (${b.tp + b.tn} of ${b.n})   Balanced ${formatRate(b.balancedAccuracy)}`,
    `Sensitivity ${formatRate(b.sensitivity)}   Specificity ${formatRate(b.specificity)}`,
    `PPV ${formatRate(b.ppv)}   NPV ${formatRate(b.npv)}   at ${formatRate(b.prevalence)} fakes`,
    auc ? `AUC ${auc.auc.toFixed(2)}${auc.ci95 ? ` (95% CI ${auc.ci95[0].toFixed(2)}-${auc.ci95[1].toFixed(2)}, DeLong)` : ''}` : 'AUC n/a',
    f.report.sdt ? `d' ${f.report.sdt.dPrime.toFixed(2)}   criterion c ${f.report.sdt.criterion.toFixed(2)}` : "d' n/a",
    `Tells localised ${f.report.localisation.localised} of ${f.report.localisation.fakes} fakes   Timed out ${f.report.time.timedOut}`,
  ].join('\n');
  const numText = label(scene, r.x + 20, r.y + 24 + heading.height, numbers, { size: 13, wrap: leftW - 30 }).setName('figures-numbers');
  c.add(numText);
  let y = r.y + 30 + heading.height + numText.height;
  const reading = label(scene, r.x + 20, y, f.sentences.map((s) => `- ${s}`).join('\n'), { size: 13, wrap: leftW - 30 }).setName('figures-reading');
  c.add(reading);
  y += reading.height + 12;
  c.add(label(scene, r.x + 20, y, f.context.join(' '), { size: 12, color: THEME.dim, wrap: leftW - 30 }));
  const px = r.x + leftW;
  const pw = (r.width - leftW - 30) / 2;
  const ph = (r.height - 40 - 10) / 2;
  const cells: Rect[] = [0, 1, 2, 3].map((i) => ({ x: px + (i % 2) * (pw + 10), y: r.y + 20 + Math.floor(i / 2) * (ph + 10), width: pw, height: ph }));
  c.add(drawPlot(scene, rocPlot(f.report.roc, cells[0] as Rect), cells[0] as Rect));
  c.add(drawPlot(scene, calibrationPlot(f.report.calibration, cells[1] as Rect), cells[1] as Rect));
  const bars = cells[2] as Rect;
  c.add(drawPlot(scene, categoryBars([...f.report.breakdowns.byCategory], bars), bars));
  const lines = breakdownLines(f.report.breakdowns);
  c.add(label(scene, bars.x + 8, bars.y + bars.height - 14 - 16 * lines.length, lines.join('\n'), { size: 11, color: THEME.dim, wrap: bars.width - 16 }).setName('figures-breakdowns'));
  c.add(drawPlot(scene, learningCurve(learning, cells[3] as Rect), cells[3] as Rect));
  return c;
}

/** One line per breakdown: by tell, by difficulty, by source (fakes caught or real images cleared, as counts). */
export function breakdownLines(b: Breakdowns): string[] {
  const fmt = (groups: readonly BreakdownGroup[]): string =>
    groups.filter((g) => g.n > 0).map((g) => `${g.key} ${g.fakes > 0 ? `${g.caught}/${g.fakes}` : `${g.cleared}/${g.reals}`}`).join(', ');
  return [`By tell: ${fmt(b.byArtifact)}`, `By difficulty: ${fmt(b.byDifficulty)}`, `By source: ${fmt(b.byFamily)}`];
}

import { html, type TemplateResult } from 'lit-html';
import { REAL_GROUP, type CaseRecord } from '../domain/index.js';
import { breakdownLines, calibrationPlot, categoryBars, dPrimeFigure, figuresFor, learningCurve, rocPlot, type LearningSeries } from '../presenters/index.js';
import { plotFigure, PLOT_BOX } from './plots-svg.js';
import { pct } from './widgets.js';

/**
 * Reader-study figures for a set of answers: the numbers and their plain reading, then four plots. Given the id
 * `page-heading` (the summary page), the title is the page's h1, as every page's heading is; in a dialog it is an h2.
 */
export function figuresSection(title: string, records: readonly CaseRecord[], learning: LearningSeries, headingId = 'figures-title'): TemplateResult {
  const f = figuresFor(records);
  const b = f.report.binary;
  const auc = f.report.roc.auc;
  const answered = b.n;
  return html`<div class="figures">
    <div class="figures-text">
      ${headingId === 'page-heading' ? html`<h1 id=${headingId} tabindex="-1">${title}</h1>` : html`<h2 id=${headingId} tabindex="-1">${title}</h2>`}
      <dl class="numbers" id="figures-numbers">
        <dt>Answered</dt><dd>${answered} of ${f.report.cases}${b.timedOut > 0 ? `; ${b.timedOut} timed out (left out of every figure)` : ''}</dd>
        <dt>Accuracy</dt><dd>${pct(b.accuracy)} (${b.tp + b.tn} of ${answered}); balanced ${pct(b.balancedAccuracy)}</dd>
        <dt>Sensitivity</dt><dd>${pct(b.sensitivity)} of fakes caught (${b.tp} of ${b.tp + b.fn})</dd>
        <dt>Specificity</dt><dd>${pct(b.specificity)} of real images cleared (${b.tn} of ${b.tn + b.fp})</dd>
        <dt>PPV / NPV</dt><dd>${pct(b.ppv)} / ${pct(b.npv)} at ${pct(b.prevalence)} fakes among those answered</dd>
        <dt>AUC</dt><dd>${auc ? `${auc.auc.toFixed(2)}${auc.ci95 ? ` (95% CI ${auc.ci95[0].toFixed(2)} to ${auc.ci95[1].toFixed(2)}, DeLong)` : ''}` : 'n/a'}</dd>
        <dt>d′ and c</dt><dd>${dPrimeFigure(f.report)}</dd>
        <dt>Tells marked</dt><dd>${f.report.localisation.localised} of ${f.report.localisation.fakes} fakes with a tell to point at</dd>
      </dl>
      <ul class="reading" id="figures-reading">${f.sentences.map((s) => html`<li>${s}</li>`)}</ul>
      <p class="note">${f.context.join(' ')}</p>
      <ul class="breakdowns" id="figures-breakdowns">${breakdownLines(f.report.breakdowns).map((l) => html`<li>${l}</li>`)}</ul>
    </div>
    <div class="plots">
      ${plotFigure(rocPlot(f.report.roc, PLOT_BOX), 'plot-roc', 'The curve of fakes caught against real images called fake at each rating threshold; the orange dot is the fake call at rating 4.')}
      ${plotFigure(calibrationPlot(f.report.calibration, PLOT_BOX), 'plot-calibration', 'Stated chance of fake against the observed share; the dashed diagonal is perfect calibration.')}
      ${plotFigure(categoryBars(f.report.breakdowns.byCategory.filter((g) => g.key !== REAL_GROUP), PLOT_BOX), 'plot-categories', 'The share of fakes caught for each kind of tell.')}
      ${plotFigure(learningCurve(learning.points, PLOT_BOX, learning.unit), 'plot-learning', `Accuracy and AUC over ${learning.unit === 'round' ? 'the rounds of this session' : 'your finished sessions'}.`)}
    </div>
  </div>`;
}

import { svg, html, nothing, type TemplateResult } from 'lit-html';
import type { Plot, PlotPrimitive } from '../presenters/index.js';

/**
 * A plot from presenters/plots.ts as SVG: lines, dots and bars drawn, and every label real text (selectable,
 * read by screen readers, scaled with the page). The plot keeps its aspect in any width.
 */
export const PLOT_BOX = { x: 0, y: 0, width: 300, height: 240 } as const;

const STROKE: Record<string, string> = { axis: '#9da7b3', guide: '#6e7681', curve: '#58a6ff', curve2: '#ffb000', bar: '#58a6ff', label: '#e6edf3' };

function prim(p: PlotPrimitive): TemplateResult {
  switch (p.kind) {
    case 'line':
      return svg`<polyline fill="none" stroke=${STROKE[p.style] ?? '#fff'} stroke-width="2" stroke-dasharray=${p.dashed ? '5 4' : nothing}
        points=${p.points.map((q) => `${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ')}></polyline>`;
    case 'dot':
      return svg`<circle cx=${p.x.toFixed(1)} cy=${p.y.toFixed(1)} r=${p.r} fill=${STROKE[p.style] ?? '#fff'}></circle>`;
    case 'bar':
      return svg`<rect x=${p.x.toFixed(1)} y=${p.y.toFixed(1)} width=${Math.max(0, p.w).toFixed(1)} height=${Math.max(0, p.h).toFixed(1)}
        fill=${p.style === 'guide' ? '#21262d' : STROKE[p.style] ?? '#fff'}></rect>`;
    case 'text': {
      const anchor = p.align === 'left' ? 'start' : p.align === 'right' ? 'end' : 'middle';
      return svg`<text x=${p.x.toFixed(1)} y=${(p.y + 11).toFixed(1)} text-anchor=${anchor} class="plot-label">${p.text}</text>`;
    }
  }
}

export function plotFigure(plot: Plot, id: string, description: string): TemplateResult {
  return html`<figure class="plot" id=${id}>
    <figcaption>${plot.title}</figcaption>
    ${plot.empty
      ? html`<p class="plot-empty">${plot.empty}</p>`
      : html`<svg viewBox="0 0 ${PLOT_BOX.width} ${PLOT_BOX.height}" role="img" aria-label=${`${plot.title}. ${description}`}>${plot.primitives.map(prim)}</svg>`}
  </figure>`;
}

import Phaser from 'phaser';
import type { Plot, PlotStyle } from '../presenters/index.js';
import type { Rect } from '../viewer/index.js';
import { THEME } from '../presenters/index.js';
import { label } from './widgets.js';

const COLOURS: Readonly<Record<PlotStyle, number>> = {
  axis: 0x8b949e,
  guide: 0x30363d,
  curve: 0x58a6ff,
  curve2: 0xffa657,
  bar: 0x388bfd,
  label: 0x9da7b3,
};

/** Draws plot primitives exactly where ui/plots.ts put them. */
export function drawPlot(scene: Phaser.Scene, plot: Plot, r: Rect): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  c.add(scene.add.rectangle(r.x, r.y, r.width, r.height, 0x0d1117).setOrigin(0, 0).setStrokeStyle(1, THEME.panelEdge));
  c.add(label(scene, r.x + 8, r.y + 4, plot.title, { size: 13, bold: true }));
  if (plot.empty) {
    c.add(label(scene, r.x + 8, r.y + r.height / 2 - 8, plot.empty, { size: 12, color: THEME.dim, wrap: r.width - 16 }));
    return c;
  }
  const g = scene.add.graphics();
  c.add(g);
  for (const p of plot.primitives) {
    const colour = COLOURS[p.style];
    switch (p.kind) {
      case 'line': {
        g.lineStyle(p.style === 'curve' ? 2.5 : 1.5, colour, 1);
        for (let i = 1; i < p.points.length; i++) {
          const a = p.points[i - 1] as { x: number; y: number };
          const b = p.points[i] as { x: number; y: number };
          if (p.dashed) {
            const n = Math.max(1, Math.floor(Math.hypot(b.x - a.x, b.y - a.y) / 8));
            for (let k = 0; k < n; k += 2) {
              g.lineBetween(a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n, a.x + ((b.x - a.x) * (k + 1)) / n, a.y + ((b.y - a.y) * (k + 1)) / n);
            }
          } else {
            g.lineBetween(a.x, a.y, b.x, b.y);
          }
        }
        break;
      }
      case 'dot':
        g.fillStyle(colour, 1);
        g.fillCircle(p.x, p.y, p.r);
        break;
      case 'bar':
        g.fillStyle(colour, 1);
        g.fillRect(p.x, p.y, Math.max(0, p.w), p.h);
        break;
      case 'text': {
        const t = label(scene, p.x, p.y, p.text, { size: 11, color: THEME.dim });
        t.setOrigin(p.align === 'left' ? 0 : p.align === 'center' ? 0.5 : 1, 0);
        c.add(t);
        break;
      }
    }
  }
  return c;
}

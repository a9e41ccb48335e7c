import Phaser from 'phaser';
import { MAX_MARKS, RATING_LABELS, RATINGS, WINDOW_PRESETS, type SessionState } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import type { Layout } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { PRESET_LABELS } from '../../presenters/index.js';
import { LENSES } from '../../lenses/index.js';
import { button, label, panel } from '../widgets.js';

/** The side panel while reading: the six-point scale, marks, and the viewer's tools. */
export function drawReadingPanel(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session as SessionState;
  const { x, y, width: w } = L.panel;
  const c = scene.add.container(0, 0);
  c.add(panel(scene, x, y, w, L.panel.height));
  const pad = 16;
  let cy = y + 14;
  const heading = s.phase === 'loading' ? 'Preparing the next case...' : 'Real or fake?';
  c.add(label(scene, x + pad, cy, heading, { size: 20, bold: true }));
  cy += 34;
  const last = s.records[s.records.length - 1];
  const locked = s.phase === 'answered' ? last?.rating ?? null : null;
  for (const r of RATINGS) {
    const fill = THEME.ratingColours[r - 1] as number;
    const enabled = s.phase === 'reading';
    c.add(button(scene, x + pad, cy, w - 2 * pad, 38, `${r}   ${RATING_LABELS[r]}`, () => dispatch({ type: 'rate', rating: r }), {
      fill, size: 16, selected: locked === r, disabled: !enabled && locked !== r, name: `btn-rate-${r}`,
    }));
    cy += 44;
  }
  cy += 4;
  let status: string;
  if (s.phase === 'answered' && locked) status = `Answer locked: ${locked} (${RATING_LABELS[locked]}). Enter to continue.`;
  else if (s.phase === 'timedOut') status = "Time's up: counted as wrong. Enter to continue.";
  else status = `Marks ${s.marks.length}/${MAX_MARKS}: click the image where you see the tell.`;
  c.add(label(scene, x + pad, cy, status, { size: 14, color: s.phase === 'timedOut' ? THEME.warnText : THEME.dim, wrap: w - 2 * pad }));
  cy += 46;
  c.add(label(scene, x + pad, cy, 'Tools', { size: 15, bold: true }));
  cy += 24;
  const bw = (w - 2 * pad - 16) / 3;
  const v = st.view;
  c.add(button(scene, x + pad, cy, bw, 34, 'Invert (I)', () => dispatch({ type: 'invert' }), { size: 13, selected: v.inverted, name: 'btn-invert' }));
  c.add(button(scene, x + pad + bw + 8, cy, bw, 34, 'Reset (Space)', () => dispatch({ type: 'resetView' }), { size: 13, name: 'btn-reset' }));
  c.add(button(scene, x + pad + 2 * (bw + 8), cy, bw, 34, 'Loupe (M)', () => dispatch({ type: 'magnifier' }), { size: 13, selected: v.magnifier, name: 'btn-loupe' }));
  cy += 42;
  const pw = (w - 2 * pad - 4 * 6) / WINDOW_PRESETS.length;
  WINDOW_PRESETS.forEach((p, i) => {
    c.add(button(scene, x + pad + i * (pw + 6), cy, pw, 30, PRESET_LABELS[p], () => dispatch({ type: 'setPreset', preset: p }), {
      size: 12, selected: v.preset === p, name: `btn-preset-${p}`,
    }));
  });
  cy += 40;
  c.add(label(scene, x + pad, cy, 'Forensic lenses', { size: 15, bold: true }));
  cy += 24;
  const lw = (w - 2 * pad - (LENSES.length - 1) * 6) / LENSES.length;
  LENSES.forEach((l, i) => {
    c.add(button(scene, x + pad + i * (lw + 6), cy, lw, 30, `${l.short} (${l.key.toUpperCase()})`, () => dispatch({ type: 'lens', id: l.id }), {
      size: 10, selected: v.lens === l.id, name: `btn-lens-${l.id}`,
    }));
  });
  cy += 36;
  const active = LENSES.find((l) => l.id === v.lens);
  if (active) {
    const t = label(scene, x + pad, cy, `${active.name}: ${active.explanation}`, { size: 12, color: '#ffb000', wrap: w - 2 * pad });
    c.add(t);
    cy += t.height + 8;
  }
  c.add(label(scene, x + pad, cy, 'Drag: window/level   Wheel: zoom\nRight-drag: pan   P: next preset   H: help', { size: 12, color: THEME.dim }));
  return c;
}

import Phaser from 'phaser';
import { roundRecords, summarise, tellsOfTruth, type SessionState } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import type { Layout } from '../../presenters/index.js';
import { reviewText, summaryLines } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button, label, panel } from '../widgets.js';

/** The round review: the round's figures, one case at a time with truth, answer, points and the explanation. */
export function drawReviewPanel(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session as SessionState;
  const recs = roundRecords(s);
  const i = Math.min(st.ui.reviewIndex, recs.length - 1);
  const rec = recs[i];
  const { x, y, width: w } = L.panel;
  const pad = 14;
  const c = scene.add.container(0, 0);
  c.add(panel(scene, x, y, w, L.panel.height));
  let cy = y + 10;
  c.add(label(scene, x + pad, cy, `Round ${s.round + 1} review`, { size: 19, bold: true }));
  cy += 28;
  const lines = summaryLines(summarise(recs));
  c.add(label(scene, x + pad, cy, lines.slice(0, 4).join('\n'), { size: 12, color: THEME.dim, wrap: w - 2 * pad }));
  cy += 78;
  const bw = Math.min(44, (w - 2 * pad) / recs.length - 4);
  recs.forEach((r, k) => {
    const mark = r.score.correct ? 'ok' : 'x';
    c.add(button(scene, x + pad + k * (bw + 4), cy, bw, 34, `${k + 1}\n${mark}`, () => dispatch({ type: 'reviewGoto', index: k }), {
      size: 11, selected: k === i, fill: r.score.correct ? 0x1a4d2e : 0x5a1e1e, name: `btn-review-${k + 1}`,
    }));
  });
  cy += 44;
  if (!rec) return c;
  const t = reviewText(rec);
  c.add(label(scene, x + pad, cy, `Case ${i + 1}. ${t.verdict}`, { size: 15, bold: true, wrap: w - 2 * pad, color: rec.score.correct ? THEME.good : THEME.bad }).setName('review-verdict'));
  cy += 44;
  c.add(label(scene, x + pad, cy, `${t.answer}\n${t.points}`, { size: 13, wrap: w - 2 * pad, color: THEME.dim }));
  cy += 46;
  const bodyH = L.panel.height - (cy - y) - 132;
  const body = label(scene, x + pad, cy, t.body, { size: 13, wrap: w - 2 * pad }).setName('review-body');
  const mask = scene.add.graphics().fillRect(x, cy, w, bodyH).setVisible(false);
  body.setMask(mask.createGeometryMask());
  c.add(body);
  cy = y + L.panel.height - 124;
  const forged = rec.truth.kind === 'forged';
  const hasTells = tellsOfTruth(rec.truth).length > 0;
  const tw = (w - 2 * pad - 12) / 3;
  c.add(button(scene, x + pad, cy, tw, 34, `Tells (T) ${st.ui.tellsVisible ? 'on' : 'off'}`, () => dispatch({ type: 'tells' }), { size: 12, selected: st.ui.tellsVisible, disabled: !hasTells, name: 'btn-tells' }));
  c.add(button(scene, x + pad + tw + 6, cy, tw, 34, st.ui.compare === 'original' ? 'Original (C)' : 'Compare (C)', () => dispatch({ type: 'compare' }), { size: 12, selected: st.ui.compare === 'original', disabled: !forged, name: 'btn-compare' }));
  c.add(button(scene, x + pad + 2 * (tw + 6), cy, tw, 34, 'Flicker (F)', () => dispatch({ type: 'flicker' }), { size: 12, selected: st.ui.flicker, disabled: !forged, name: 'btn-flicker' }));
  cy += 42;
  const hw = (w - 2 * pad - 12) / 3;
  c.add(button(scene, x + pad, cy, hw, 34, '< Previous', () => dispatch({ type: 'reviewStep', delta: -1 }), { size: 13, name: 'btn-prev' }));
  c.add(button(scene, x + pad + hw + 6, cy, hw, 34, 'Figures (G)', () => dispatch({ type: 'figures' }), { size: 13, name: 'btn-figures' }));
  c.add(button(scene, x + pad + 2 * (hw + 6), cy, hw, 34, 'Next >', () => dispatch({ type: 'reviewStep', delta: 1 }), { size: 13, name: 'btn-next' }));
  cy += 40;
  const last = s.round + 1 >= s.config.rounds.length;
  c.add(button(scene, x + pad, cy, w - 2 * pad, 36, last ? 'Finish session (Enter)' : 'Next round (Enter)', () => dispatch({ type: 'confirm' }), { size: 14, fill: 0x1f6feb, name: 'btn-continue' }));
  return c;
}

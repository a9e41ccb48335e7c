import Phaser from 'phaser';
import { roundRecords, summarise } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import { figuresFor } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button } from '../widgets.js';
import { drawFiguresPanel } from './figures-panel.js';

/** The round's reader-study figures over the review; the learning curve runs over this session's rounds so far. */
export function drawRoundFigures(scene: Phaser.Scene, W: number, H: number, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session;
  const c = scene.add.container(0, 0);
  if (!s) return c;
  const rounds = Array.from({ length: s.round + 1 }, (_, r) => roundRecords(s, r));
  const learning = rounds.map((recs) => ({ accuracy: summarise(recs).accuracy, auc: figuresFor(recs).report.roc.auc?.auc ?? null }));
  const r = { x: 16, y: 16, width: W - 32, height: H - 84 };
  c.add(drawFiguresPanel(scene, r, `Round ${s.round + 1} figures`, roundRecords(s), learning));
  c.add(button(scene, 16, H - 58, W - 32, 44, 'Back to the review (G, Esc or Enter)', () => dispatch({ type: 'figures' }), { size: 16, fill: 0x1f6feb, name: 'btn-close-figures' }));
  return c;
}

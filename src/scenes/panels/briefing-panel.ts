import Phaser from 'phaser';
import { casesInRound, summarise, type SessionState } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import type { Layout } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button, label, panel } from '../widgets.js';
import { drawFiguresPanel } from './figures-panel.js';
import { figuresFor, learningPoints } from '../../presenters/index.js';
import type { LearningPoint } from '../../presenters/index.js';

function centred(scene: Phaser.Scene, L: Layout, h: number): { c: Phaser.GameObjects.Container; x: number; y: number; w: number } {
  const w = Math.min(720, L.width - 40);
  const x = (L.width - w) / 2;
  const y = Math.max(L.topBar.height + 20, (L.height - h) / 2);
  const c = scene.add.container(0, 0);
  c.add(panel(scene, x, y, w, h));
  return { c, x, y, w };
}

/** Before each round: what is about to happen and how to answer. */
export function drawBriefingPanel(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session as SessionState;
  const { c, x, y, w } = centred(scene, L, 360);
  const m = s.config.mode;
  c.add(label(scene, x + 24, y + 20, `Round ${s.round + 1} of ${s.config.rounds.length}`, { size: 26, bold: true }));
  const text = [
    `${casesInRound(s)} radiographs, ${m.secondsPerCase} seconds each. About ${Math.round(m.fakeShare * 100)}% are fakes.`,
    'Rate each image from 1 (definitely real) to 6 (definitely fake). Points follow a proper scoring rule: say how ' +
      'sure you really are. A confident wrong answer costs more than a hesitant one.',
    'Click the image where you see the tell for a bonus when you call a fake correctly. Use window/level, zoom, ' +
      'invert and the loupe as you would at the workstation.',
    m.feedback === 'after-round' ? 'The truth, the tells and their explanation come after the round.' : 'The truth comes at the end of the session.',
  ].join('\n\n');
  c.add(label(scene, x + 24, y + 66, text, { size: 15, wrap: w - 48, color: THEME.dim }));
  c.add(button(scene, x + 24, y + 360 - 64, w - 48, 44, 'Start round (Enter)', () => dispatch({ type: 'confirm' }), { size: 17, fill: 0x1f6feb, name: 'btn-start-round' }));
  return c;
}

/** After the last round: the session's figures, plots and learning curve. */
export function drawSummaryPanel(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session as SessionState;
  const c = scene.add.container(0, 0);
  const r = { x: 16, y: L.topBar.height + 10, width: L.width - 32, height: L.height - L.topBar.height - 76 };
  const id = st.history.meta?.id;
  const learning = [...learningPoints(st.history.past.filter((p) => p.id !== id)), sessionPoint(s)];
  c.add(drawFiguresPanel(scene, r, `Session complete: ${s.points} points, best streak ${s.bestStreak}`, s.records, learning));
  const by = L.height - 56;
  const bw = (L.width - 32 - 10) / 2;
  c.add(button(scene, 16, by, bw, 44, 'Back to the title screen (Enter)', () => dispatch({ type: 'confirm' }), { size: 16, fill: 0x1f6feb, name: 'btn-title' }));
  c.add(button(scene, 26 + bw, by, bw, 44, 'Results and history (R)', () => dispatch({ type: 'history' }), { size: 16, name: 'btn-history' }));
  return c;
}

function sessionPoint(s: SessionState): LearningPoint {
  const sum = summarise(s.records);
  const auc = figuresFor(s.records).report.roc.auc;
  return { accuracy: sum.accuracy, auc: auc?.auc ?? null };
}

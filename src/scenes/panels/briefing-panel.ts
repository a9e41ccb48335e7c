import Phaser from 'phaser';
import { casesInRound, summarise, type SessionState } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import type { Layout } from '../../ui/layout.js';
import { summaryLines } from '../../ui/review-text.js';
import { THEME } from '../../ui/theme.js';
import type { Intent } from '../../ui/keymap.js';
import { button, label, panel } from '../widgets.js';

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

/** After the last round: the session's figures. */
export function drawSummaryPanel(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const s = st.session as SessionState;
  const { c, x, y, w } = centred(scene, L, 420);
  c.add(label(scene, x + 24, y + 20, 'Session complete', { size: 26, bold: true }));
  const all = summarise(s.records);
  const lines = [...summaryLines(all), `Best streak: ${s.bestStreak}`];
  c.add(label(scene, x + 24, y + 66, lines.join('\n'), { size: 16 }).setName('summary-lines'));
  const perRound = s.config.rounds
    .map((_, r) => {
      const rs = summarise(s.records.filter((rec) => rec.round === r));
      return `Round ${r + 1}: ${rs.correct}/${rs.cases} correct, ${rs.points} points`;
    })
    .join('\n');
  c.add(label(scene, x + 24, y + 250, perRound, { size: 14, color: THEME.dim }));
  c.add(button(scene, x + 24, y + 420 - 64, w - 48, 44, 'Back to the title screen (Enter)', () => dispatch({ type: 'confirm' }), { size: 17, fill: 0x1f6feb, name: 'btn-title' }));
  return c;
}

import Phaser from 'phaser';
import { formatRate, restoreSession, summarise, type StoredSession } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button, label, panel } from '../widgets.js';

/** One line per past session: when, mode, how far, and how well. Pure text. */
export function historyLine(s: StoredSession): string {
  const when = new Date(s.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const total = s.rounds.reduce((n, r) => n + r.length, 0);
  const status = s.status === 'complete' ? 'complete' : s.status === 'abandoned' ? 'stopped' : 'in progress';
  try {
    const sum = summarise(restoreSession(s).records);
    return `${when}  ${s.mode.name}  ${s.answers.length}/${total} (${status})  accuracy ${formatRate(sum.accuracy)}  ${sum.points} pts`;
  } catch {
    return `${when}  ${s.mode.name}  ${s.answers.length}/${total} (${status})  could not be scored`;
  }
}

/** Results and history: past sessions, export, import and "delete my data". */
export function drawHistoryPanel(scene: Phaser.Scene, W: number, H: number, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const w = Math.min(820, W - 40);
  const h = Math.min(600, H - 40);
  const x = (W - w) / 2;
  const y = (H - h) / 2;
  c.add(panel(scene, x, y, w, h));
  c.add(label(scene, x + 20, y + 16, 'Results and history', { size: 22, bold: true }));
  c.add(label(scene, x + 20, y + 48, 'Kept in this browser on this computer only. Nothing is sent anywhere; exports are files you save.', { size: 13, color: THEME.dim, wrap: w - 40 }));
  const past = st.history.past;
  if (past.length === 0) c.add(label(scene, x + 20, y + 84, 'No sessions stored yet.', { size: 14 }));
  const shown = past.slice(0, 12);
  shown.forEach((stored, i) => {
    const selected = i === st.ui.historyIndex;
    c.add(button(scene, x + 20, y + 80 + i * 30, w - 40, 26, historyLine(stored), () => dispatch({ type: 'openPast', index: i }), {
      size: 13, selected, fill: selected ? 0x1f3a5f : 0x161b22, name: `history-row-${i}`,
    }));
  });
  if (past.length > 12) c.add(label(scene, x + 20, y + 84 + 12 * 30, `... and ${past.length - 12} older session(s), all included in the exports.`, { size: 13, color: THEME.dim }));
  if (past.length > 0) c.add(label(scene, x + 20, y + h - 130, 'Up/Down and Enter (or a click) open a session for review.', { size: 12, color: THEME.dim }));
  const by = y + h - 104;
  const bw = (w - 40 - 18) / 4;
  c.add(button(scene, x + 20, by, bw, 38, 'Export JSON (J)', () => dispatch({ type: 'exportJson' }), { size: 14, name: 'btn-export-json' }));
  c.add(button(scene, x + 26 + bw, by, bw, 38, 'Export CSV (V)', () => dispatch({ type: 'exportCsv' }), { size: 14, name: 'btn-export-csv' }));
  c.add(button(scene, x + 32 + 2 * bw, by, bw, 38, 'Import JSON (O)', () => dispatch({ type: 'importResults' }), { size: 14, name: 'btn-import' }));
  const confirm = st.ui.confirmDelete;
  c.add(button(scene, x + 38 + 3 * bw, by, bw, 38, confirm ? 'Press D again to delete' : 'Delete my data (D)', () => dispatch({ type: 'deleteData' }), {
    size: 13, fill: confirm ? THEME.warn : 0x3d1d1d, name: 'btn-delete',
  }));
  c.add(button(scene, x + 20, by + 50, w - 40, 38, 'Close (R or Esc)', () => dispatch({ type: 'history' }), { size: 15, name: 'btn-close-history' }));
  return c;
}

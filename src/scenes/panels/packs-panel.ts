import Phaser from 'phaser';
import type { GameState, PackListEntry } from '../../store/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button, label, panel } from '../widgets.js';
import { reportWindow } from '../../presenters/index.js';

/** One line per deck: what it is, how many cases, and whether flagged images were reviewed. Pure text. */
export function packLine(p: PackListEntry): string {
  const review = p.flaggedCases > 0 && !p.reviewed ? `  ${p.flaggedCases} flagged image(s) NOT REVIEWED` : '';
  return `${p.title} (${p.id})  ${p.cases} cases, ${p.fakes} fake  ${p.author}; ${p.licence}${review}`;
}

const MAX_ROWS = 8;
/** Case packs: the decks that can be played, building or importing one from files, export and delete. */
export function drawPacksPanel(scene: Phaser.Scene, W: number, H: number, st: GameState, dispatch: (i: Intent) => void): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const w = Math.min(900, W - 40);
  const h = Math.min(680, H - 20);
  const x = (W - w) / 2;
  const y = (H - h) / 2;
  const p = st.packs;
  c.add(panel(scene, x, y, w, h));
  c.add(label(scene, x + 20, y + 14, 'Case packs', { size: 22, bold: true }));
  c.add(label(scene, x + 20, y + 46,
    "Build a pack from your department's de-identified images: drop a folder (with real/ and synthetic/ sub-folders) or a zip anywhere on this page, or use the buttons. Packs stay in this browser; nothing is sent anywhere.",
    { size: 13, color: THEME.dim, wrap: w - 40 }));
  const rows = [
    'Demo deck (built in): simulated chest radiographs generated in your browser',
    ...p.list.map(packLine),
  ];
  const first = Math.max(0, Math.min(p.index - MAX_ROWS + 1, rows.length - MAX_ROWS));
  rows.slice(first, first + MAX_ROWS).forEach((text, k) => {
    const i = first + k;
    const selected = i === p.index;
    c.add(button(scene, x + 20, y + 92 + k * 30, w - 40, 26, text, () => dispatch({ type: 'playPack', index: i }), {
      size: 13, selected, fill: selected ? 0x1f3a5f : 0x161b22, name: `pack-row-${i}`,
    }));
  });
  let ty = y + 100 + Math.min(MAX_ROWS, rows.length) * 30;
  if (p.busy) {
    const frac = p.busy.total > 0 ? p.busy.done / p.busy.total : 0;
    c.add(label(scene, x + 20, ty, `${p.busy.phase}: ${p.busy.done} of ${p.busy.total}`, { size: 14 }).setName('pack-progress-text'));
    c.add(scene.add.rectangle(x + 20, ty + 24, w - 40, 10, 0x21262d).setOrigin(0, 0));
    c.add(scene.add.rectangle(x + 20, ty + 24, (w - 40) * frac, 10, THEME.accent).setOrigin(0, 0));
    ty += 44;
  }
  if (p.pendingLeaks) {
    c.add(button(scene, x + 20, ty, w - 40, 30, `Build again, accepting the ${p.pendingLeaks.length} leak(s) named below knowingly (A)`, () => dispatch({ type: 'acceptLeaks' }), {
      size: 13, fill: 0x5a3a00, name: 'btn-accept-leaks',
    }));
    ty += 38;
  }
  const by = y + h - 96;
  if (p.report) {
    const bottom = by - 44;
    const shown = reportWindow(p.report, p.reportTop, bottom - ty, w - 40);
    c.add(label(scene, x + 20, ty, shown.lines.join('\n'), { size: 12, mono: true }).setName('pack-report'));
    const bw3 = (w - 40 - 12) / 3;
    const more = `Lines ${p.reportTop + 1}-${p.reportTop + shown.shown} of ${p.report.length}`;
    c.add(label(scene, x + 20, bottom + 2, more, { size: 11, color: THEME.dim }));
    c.add(button(scene, x + 20, bottom + 16, bw3, 24, 'Report up (PgUp)', () => dispatch({ type: 'packReportScroll', delta: -10 }), { size: 12, disabled: p.reportTop === 0, name: 'btn-report-up' }));
    c.add(button(scene, x + 26 + bw3, bottom + 16, bw3, 24, 'Report down (PgDn)', () => dispatch({ type: 'packReportScroll', delta: 10 }), { size: 12, disabled: !shown.more, name: 'btn-report-down' }));
    c.add(button(scene, x + 32 + 2 * bw3, bottom + 16, bw3, 24, 'Save report (W)', () => dispatch({ type: 'savePackReport' }), { size: 12, name: 'btn-save-report' }));
  }
  const bw = (w - 40 - 24) / 5;
  const packSelected = p.index > 0;
  c.add(button(scene, x + 20, by, bw, 38, 'Play (Enter)', () => dispatch({ type: 'playPack' }), { size: 14, fill: 0x1f6feb, name: 'btn-play-pack' }));
  c.add(button(scene, x + 26 + bw, by, bw, 38, 'Build from files (O)', () => dispatch({ type: 'packFiles' }), { size: 13, name: 'btn-pack-files', disabled: p.busy !== null }));
  c.add(button(scene, x + 32 + 2 * bw, by, bw, 38, 'Build from folder (F)', () => dispatch({ type: 'packFolder' }), { size: 13, name: 'btn-pack-folder', disabled: p.busy !== null }));
  c.add(button(scene, x + 38 + 3 * bw, by, bw, 38, 'Export zip (X)', () => dispatch({ type: 'exportPack' }), { size: 14, name: 'btn-export-pack', disabled: !packSelected }));
  c.add(button(scene, x + 44 + 4 * bw, by, bw, 38, p.confirmDelete ? 'D again to delete' : 'Delete (D)', () => dispatch({ type: 'deletePack' }), {
    size: 13, fill: p.confirmDelete ? THEME.warn : 0x3d1d1d, name: 'btn-delete-pack', disabled: !packSelected,
  }));
  c.add(button(scene, x + 20, by + 48, w - 40, 36, 'Close (K or Esc)', () => dispatch({ type: 'packs' }), { size: 15, name: 'btn-close-packs' }));
  return c;
}

import Phaser from 'phaser';
import { CONTROLS } from '../input/index.js';
import { THEME } from '../presenters/index.js';
import { SCENE_KEYS, sceneDeps } from './scene-deps.js';
import { button, label, panel } from './widgets.js';
import { redrawOn } from './redraw-on.js';
import { drawHistoryPanel } from './panels/history-panel.js';
import { drawRoundFigures } from './panels/round-figures.js';
import { drawHeaderPanel } from './panels/header-panel.js';
import { drawPacksPanel } from './panels/packs-panel.js';

/** Runs above the other scenes: the Esc menu, the help screen and error messages. */
export class OverlayScene extends Phaser.Scene {
  private content: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENE_KEYS.overlay);
  }

  create(): void {
    redrawOn(this, sceneDeps(this).store, (s) => [s.ui.menuOpen, s.ui.helpOpen, s.ui.error, s.settings, s.ui.historyOpen, s.ui.confirmDelete, s.history.past, s.ui.figuresOpen, s.ui.historyIndex, s.ui.headerOpen, s.ui.header, s.packs] as const, () => this.draw());
    this.draw();
  }

  private draw(): void {
    const { store, dispatch } = sceneDeps(this);
    const st = store.getState();
    this.content?.destroy();
    this.content = null;
    const { menuOpen, helpOpen, error, historyOpen, figuresOpen } = st.ui;
    const covering = menuOpen || helpOpen || error !== null || historyOpen || figuresOpen || st.packs.open;
    if (!covering) {
      if (st.ui.headerOpen) this.content = drawHeaderPanel(this, this.scale.width, this.scale.height, st);
      return;
    }
    const W = this.scale.width;
    const H = this.scale.height;
    const c = this.add.container(0, 0);
    c.add(this.add.rectangle(0, 0, W, H, 0x000000, 0.72).setOrigin(0, 0).setInteractive());
    const w = Math.min(640, W - 40);
    const x = (W - w) / 2;
    if (error) {
      c.add(panel(this, x, H / 2 - 110, w, 220));
      c.add(label(this, x + 20, H / 2 - 94, 'Something went wrong', { size: 22, bold: true, color: THEME.warnText }));
      c.add(label(this, x + 20, H / 2 - 56, error, { size: 15, wrap: w - 40 }).setName('error-text'));
      c.add(button(this, x + 20, H / 2 + 50, w - 40, 40, 'Dismiss', () => st.setError(null), { size: 15 }));
    } else if (figuresOpen && st.session) {
      c.add(drawRoundFigures(this, W, H, st, dispatch));
    } else if (st.packs.open) {
      c.add(drawPacksPanel(this, W, H, st, dispatch));
    } else if (historyOpen) {
      c.add(drawHistoryPanel(this, W, H, st, dispatch));
    } else if (helpOpen) {
      const h = 70 + CONTROLS.length * 24 + 70;
      const y = Math.max(10, (H - h) / 2);
      c.add(panel(this, x, y, w, h));
      c.add(label(this, x + 20, y + 16, 'Controls', { size: 22, bold: true }));
      CONTROLS.forEach(([keys, action], i) => {
        c.add(label(this, x + 20, y + 60 + i * 24, keys, { size: 14, bold: true, color: THEME.accentText }));
        c.add(label(this, x + 230, y + 60 + i * 24, action, { size: 14, wrap: w - 250 }));
      });
      c.add(button(this, x + 20, y + h - 54, w - 40, 38, 'Close (H or Esc)', () => dispatch({ type: 'help' }), { size: 15, name: 'btn-close-help' }));
    } else {
      const h = 392;
      const y = (H - h) / 2;
      c.add(panel(this, x, y, w, h));
      c.add(label(this, x + 20, y + 16, st.session?.phase === 'reading' ? 'Paused' : 'Menu', { size: 24, bold: true }));
      const vol = `Volume ${Math.round(st.settings.volume * 100)}%${st.settings.muted ? ' (muted)' : ''}`;
      c.add(label(this, x + 20, y + 56, vol, { size: 15, color: THEME.dim }));
      const bw = (w - 50) / 3;
      c.add(button(this, x + 20, y + 84, bw, 36, 'Volume -', () => dispatch({ type: 'volume', delta: -0.1 }), { size: 14 }));
      c.add(button(this, x + 25 + bw, y + 84, bw, 36, 'Volume +', () => dispatch({ type: 'volume', delta: 0.1 }), { size: 14 }));
      c.add(button(this, x + 30 + 2 * bw, y + 84, bw, 36, st.settings.muted ? 'Unmute (S)' : 'Mute (S)', () => dispatch({ type: 'mute' }), { size: 14 }));
      c.add(button(this, x + 20, y + 134, w - 40, 38, 'Resume (Esc)', () => dispatch({ type: 'menu' }), { size: 15, fill: 0x1f6feb, name: 'btn-resume' }));
      c.add(button(this, x + 20, y + 180, w - 40, 38, 'Controls (H)', () => dispatch({ type: 'help' }), { size: 15 }));
      c.add(button(this, x + 20, y + 226, w - 40, 38, 'Results and history (R)', () => dispatch({ type: 'history' }), { size: 15, name: 'btn-history' }));
      c.add(button(this, x + 20, y + 272, w - 40, 38, 'Artifact atlas (A)', () => dispatch({ type: 'atlas' }), { size: 15, name: 'btn-atlas' }));
      c.add(button(this, x + 20, y + 318, w - 40, 38, 'Quit to the title screen (Q)', () => dispatch({ type: 'quit' }), { size: 15, name: 'btn-quit' }));
    }
    this.content = c;
  }
}

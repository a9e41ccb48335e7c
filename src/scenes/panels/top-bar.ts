import Phaser from 'phaser';
import { casesInRound, type SessionState } from '../../domain/index.js';
import type { GameState } from '../../store/index.js';
import type { Layout } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import type { Intent } from '../../input/index.js';
import { button, label } from '../widgets.js';

/** The top bar: where you are in the session, points and streak, the countdown, sound and menu. */
export interface TopBar {
  readonly container: Phaser.GameObjects.Container;
  /** Updates the countdown bar; called every frame by the scene. */
  setCountdown(remainingMs: number | null, totalMs: number): void;
}

export function drawTopBar(scene: Phaser.Scene, L: Layout, st: GameState, dispatch: (i: Intent) => void): TopBar {
  const s = st.session as SessionState;
  const c = scene.add.container(0, 0);
  c.add(scene.add.rectangle(0, 0, L.width, L.topBar.height, 0x010409).setOrigin(0, 0));
  const where =
    s.phase === 'summary'
      ? `${s.config.mode.name}: session complete`
      : `${s.config.mode.name}  |  Round ${s.round + 1}/${s.config.rounds.length}  |  Case ${Math.min(s.caseIndex + 1, casesInRound(s))}/${casesInRound(s)}`;
  c.add(label(scene, 16, 10, where, { size: 18, bold: true }).setName('where'));
  c.add(label(scene, 16, 36, `Points ${s.points}   Streak ${s.streak}   Best ${s.bestStreak}`, { size: 14, color: THEME.dim }).setName('points'));
  const barX = Math.max(430, L.width * 0.36);
  const barW = Math.max(120, L.width - barX - 330);
  const track = scene.add.rectangle(barX, 24, barW, 16, 0x21262d).setOrigin(0, 0).setStrokeStyle(1, THEME.panelEdge);
  const fill = scene.add.rectangle(barX, 24, barW, 16, THEME.accent).setOrigin(0, 0).setName('countdown-fill');
  const secs = label(scene, barX + barW + 10, 20, '', { size: 18, bold: true }).setName('countdown-text');
  c.add([track, fill, secs]);
  const sound = st.settings.muted ? 'Sound off (S)' : `Sound ${Math.round(st.settings.volume * 100)}% (S)`;
  c.add(button(scene, L.width - 246, 14, 130, 36, sound, () => dispatch({ type: 'mute' }), { size: 13, name: 'btn-mute' }));
  c.add(button(scene, L.width - 108, 14, 96, 36, 'Menu (Esc)', () => dispatch({ type: 'menu' }), { size: 13, name: 'btn-menu' }));
  return {
    container: c,
    setCountdown: (remainingMs, totalMs) => {
      const visible = remainingMs !== null;
      track.setVisible(visible);
      fill.setVisible(visible);
      secs.setVisible(visible);
      if (remainingMs === null) return;
      const frac = Math.max(0, Math.min(1, remainingMs / totalMs));
      fill.width = barW * frac;
      const warn = remainingMs <= 5000;
      fill.setFillStyle(warn ? THEME.warn : THEME.accent);
      secs.setText(`${Math.ceil(remainingMs / 1000)} s`);
      secs.setColor(warn ? THEME.warnText : THEME.text);
    },
  };
}

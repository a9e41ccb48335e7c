import Phaser from 'phaser';
import { remainingMs } from '../domain/index.js';
import type { GameState } from '../store/index.js';
import { computeLayout, type Layout } from '../presenters/index.js';
import { drawBriefingPanel, drawSummaryPanel } from './panels/briefing-panel.js';
import { drawReadingPanel } from './panels/reading-panel.js';
import { drawReviewPanel } from './panels/review-panel.js';
import { drawTopBar, type TopBar } from './panels/top-bar.js';
import { SCENE_KEYS, sceneDeps } from './scene-deps.js';
import { redrawOn } from './redraw-on.js';

/**
 * The session screen. Draws the panel for the current phase and positions the viewer; it holds no rules.
 * Redraws when the session, view tools, settings or review selection change; the countdown updates per frame.
 */
export class PlayScene extends Phaser.Scene {
  private content: Phaser.GameObjects.Container | null = null;
  private topBar: TopBar | null = null;

  constructor() {
    super(SCENE_KEYS.play);
  }

  create(): void {
    const { store } = sceneDeps(this);
    redrawOn(
      this, store,
      (s) => [s.session, s.view, s.settings, s.ui.reviewIndex, s.ui.tellsVisible, s.ui.compare, s.ui.flicker, s.ui.atlasOpen] as const,
      () => this.redraw(),
    );
    this.redraw();
  }

  private layout(): Layout {
    return computeLayout(this.scale.width, this.scale.height);
  }

  private redraw(): void {
    const { store, viewer, dispatch } = sceneDeps(this);
    const st: GameState = store.getState();
    const s = st.session;
    this.content?.destroy();
    this.topBar?.container.destroy();
    this.content = null;
    this.topBar = null;
    if (!s) return;
    // Which screen is drawn, on the canvas element: for assistive tooling and for tests that click what they see.
    this.game.canvas.dataset.screen = s.phase;
    const L = this.layout();
    viewer.setBounds(L.viewer);
    this.topBar = drawTopBar(this, L, st, dispatch);
    switch (s.phase) {
      case 'briefing':
        this.content = drawBriefingPanel(this, L, st, dispatch);
        break;
      case 'loading':
      case 'reading':
      case 'answered':
      case 'timedOut':
        this.content = drawReadingPanel(this, L, st, dispatch);
        break;
      case 'roundReview':
        this.content = drawReviewPanel(this, L, st, dispatch);
        break;
      case 'summary':
        this.content = drawSummaryPanel(this, L, st, dispatch);
        break;
    }
    this.updateCountdown();
  }

  private updateCountdown(): void {
    const { store, now } = sceneDeps(this);
    const s = store.getState().session;
    if (!s || !this.topBar) return;
    const total = s.config.mode.secondsPerCase * 1000;
    let rem: number | null = null;
    if (s.phase === 'reading' || s.phase === 'loading') rem = remainingMs(s, now());
    else if (s.phase === 'answered' || s.phase === 'timedOut') rem = total - (s.records[s.records.length - 1]?.timeMs ?? 0);
    this.topBar.setCountdown(rem, total);
  }

  override update(): void {
    this.updateCountdown();
  }
}

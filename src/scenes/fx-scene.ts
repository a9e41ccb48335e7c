import Phaser from 'phaser';
import { isRevealed, remainingMs } from '../domain/index.js';
import { reviewedRecord, type GameStore } from '../store/index.js';

/**
 * The game surface Phaser keeps: the countdown bar drawn over the top bar's slot (pulsing in the last five
 * seconds), a soft flash when a case comes on screen, and the points of a case rising from the panel when its truth
 * is revealed (only then: nothing here moves before the mode's feedback). Every word stays in the HTML screens.
 */
export interface FxDeps {
  readonly store: GameStore;
  readonly now: () => number;
}

export class FxScene extends Phaser.Scene {
  private bar: Phaser.GameObjects.Graphics | null = null;
  private unsubs: (() => void)[] = [];

  constructor(private readonly deps: FxDeps) {
    super('fx');
  }

  create(): void {
    const { store } = this.deps;
    this.bar = this.add.graphics();
    this.unsubs = [
      store.subscribe((s) => s.session?.phase === 'reading' ? s.session.caseIndex + s.session.round * 1000 : -1, (k) => {
        if (k >= 0) this.flash();
      }),
      store.subscribe((s) => reviewedRecord(s), (rec) => {
        const s = store.getState().session;
        if (rec && s && isRevealed(s, rec)) this.floatPoints(rec.score.total);
      }),
    ];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.unsubs.forEach((u) => u()));
  }

  override update(): void {
    const g = this.bar;
    if (!g) return;
    g.clear();
    const s = this.deps.store.getState().session;
    const slot = document.querySelector<HTMLElement>('[data-fx-slot="countdown"]');
    if (s?.phase !== 'reading' || slot?.offsetParent == null) return;
    const r = slot.getBoundingClientRect();
    const total = s.config.mode.secondsPerCase * 1000;
    const rem = remainingMs(s, this.deps.now());
    const frac = Math.max(0, Math.min(1, rem / total));
    const warn = rem <= 5000;
    const pulse = warn ? 0.6 + 0.4 * Math.abs(Math.sin(this.time.now / 180)) : 1;
    g.fillStyle(warn ? 0xf85149 : 0x58a6ff, pulse);
    g.fillRoundedRect(r.left + 1, r.top + 1, Math.max(0, (r.width - 2) * frac), r.height - 2, 3);
  }

  private flash(): void {
    const slot = document.querySelector<HTMLElement>('[data-viewer-slot="case"]');
    if (!slot) return;
    const r = slot.getBoundingClientRect();
    const rect = this.add.rectangle(r.left + r.width / 2, r.top + r.height / 2, r.width, r.height, 0x58a6ff, 0.12);
    this.tweens.add({ targets: rect, alpha: 0, duration: 350, onComplete: () => rect.destroy() });
  }

  private floatPoints(points: number): void {
    const side = document.getElementById('review-verdict');
    if (!side) return;
    const r = side.getBoundingClientRect();
    const text = this.add.text(r.right - 10, r.top, `${points >= 0 ? '+' : ''}${points}`, {
      fontFamily: '"DejaVu Sans", Arial, sans-serif', fontSize: '28px', fontStyle: 'bold', color: points >= 0 ? '#56d364' : '#ff7b72',
    }).setOrigin(1, 0.5);
    this.tweens.add({ targets: text, y: r.top - 50, alpha: 0, duration: 1100, ease: 'Cubic.easeOut', onComplete: () => text.destroy() });
  }
}

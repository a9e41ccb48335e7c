import Phaser from 'phaser';
import { getMode } from '../domain/index.js';
import { THEME } from '../presenters/index.js';
import { SCENE_KEYS, sceneDeps } from './scene-deps.js';
import { button, label } from './widgets.js';

/** The title screen: what the game is, and one way in. */
export class TitleScene extends Phaser.Scene {
  private content: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENE_KEYS.title);
  }

  create(): void {
    const draw = (): void => this.draw();
    this.scale.on(Phaser.Scale.Events.RESIZE, draw);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, draw));
    this.draw();
  }

  private draw(): void {
    const { dispatch } = sceneDeps(this);
    this.content?.destroy();
    const W = this.scale.width;
    const H = this.scale.height;
    const w = Math.min(760, W - 40);
    const x = (W - w) / 2;
    let y = Math.max(30, H / 2 - 250);
    const c = this.add.container(0, 0);
    c.add(label(this, x, y, 'Real or Fake?', { size: 46, bold: true }));
    y += 62;
    c.add(label(this, x, y, 'Radiograph deepfake reading trainer', { size: 22, color: THEME.accentText }));
    y += 46;
    const practice = getMode('practice');
    const intro =
      'Generative models now make chest radiographs that fool most readers, and tampering tools can add or ' +
      'remove a lesion. Train your eye in short timed rounds: rate each image, mark the tell, and learn from ' +
      `every fake after the round.\n\n${practice.name}: ${practice.description}`;
    const introText = label(this, x, y, intro, { size: 15, wrap: w, color: THEME.text });
    c.add(introText);
    y += introText.height + 24;
    c.add(button(this, x, y, w, 54, 'Start practice (Enter)', () => dispatch({ type: 'confirm' }), { size: 20, fill: 0x1f6feb, name: 'btn-start' }));
    y += 66;
    const tw = (w - 40) / 5;
    c.add(button(this, x, y, tw, 40, 'Controls (H)', () => dispatch({ type: 'help' }), { size: 14, name: 'btn-help' }));
    c.add(button(this, x + tw + 10, y, tw, 40, 'Atlas (A)', () => dispatch({ type: 'atlas' }), { size: 14, name: 'btn-atlas' }));
    c.add(button(this, x + 2 * (tw + 10), y, tw, 40, 'Case packs (K)', () => dispatch({ type: 'packs' }), { size: 14, name: 'btn-packs' }));
    c.add(button(this, x + 3 * (tw + 10), y, tw, 40, 'Results (R)', () => dispatch({ type: 'history' }), { size: 14, name: 'btn-history' }));
    c.add(button(this, x + 4 * (tw + 10), y, tw, 40, 'Sound (S)', () => dispatch({ type: 'mute' }), { size: 14, name: 'btn-sound' }));
    y += 58;
    const note =
      'The demo deck is simulated: every radiograph is generated in your browser from a seed by a chest phantom ' +
      "and X-ray physics model, and the fakes are made from those images. Case packs (K) play your department's own " +
      'images instead. No image or answer leaves this machine.';
    c.add(label(this, x, y, note, { size: 13, color: THEME.dim, wrap: w }));
    this.content = c;
    this.game.canvas.dataset.screen = 'title';
  }
}

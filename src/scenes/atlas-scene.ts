import Phaser from 'phaser';
import { CATEGORY_LABELS } from '../presenters/index.js';
import { LENSES } from '../lenses/index.js';
import { THEME } from '../presenters/index.js';
import { SCENE_KEYS, sceneDeps } from './scene-deps.js';
import { button, label, panel } from './widgets.js';
import { redrawOn } from './redraw-on.js';

const LIST_W = 300;
const DETAIL_W = 380;

/**
 * The artifact atlas: every catalog entry with what it looks like, why it happens, how to look, the generator
 * families and sources, and a live before/after example made on the spot from a demo image. Drills start from here.
 */
export class AtlasScene extends Phaser.Scene {
  private content: Phaser.GameObjects.Container | null = null;

  constructor() {
    super(SCENE_KEYS.atlas);
  }

  create(): void {
    redrawOn(this, sceneDeps(this).store, (s) => [s.ui.atlasIndex, s.ui.compare, s.ui.flicker, s.view] as const, () => this.draw());
    this.draw();
  }

  private draw(): void {
    const { store, dispatch, viewer, atlas } = sceneDeps(this);
    const st = store.getState();
    this.content?.destroy();
    const W = this.scale.width;
    const H = this.scale.height;
    const c = this.add.container(0, 0);
    c.add(this.add.rectangle(0, 0, W, H, THEME.bg).setOrigin(0, 0).setInteractive());
    c.add(panel(this, 0, 0, LIST_W, H));
    c.add(label(this, 14, 10, 'Artifact atlas', { size: 20, bold: true }));
    const index = Math.min(st.ui.atlasIndex, atlas.length - 1);
    const rowH = Math.min(26, (H - 110) / atlas.length);
    atlas.forEach((e, i) => {
      const selected = i === index;
      const live = '';
      c.add(button(this, 8, 44 + i * rowH, LIST_W - 16, rowH - 3, `${e.artifact.id}  ${e.artifact.name}${live}`, () => store.getState().setAtlasIndex(i), {
        size: 12, selected, fill: selected ? 0x1f3a5f : 0x161b22, name: `atlas-row-${e.artifact.id}`,
      }));
    });
    c.add(label(this, 14, H - 58, 'Up/Down choose  C compare  F flicker\nEnter drill this tell  K drill category  A/Esc close', { size: 11, color: THEME.dim }));
    const entry = atlas[index];
    const dx = W - DETAIL_W;
    c.add(panel(this, dx, 0, DETAIL_W, H));
    const vr = { x: LIST_W + 10, y: 10, width: W - LIST_W - DETAIL_W - 20, height: H - 20 };
    viewer.setBounds(vr);
    if (entry) {
      const a = entry.artifact;
      c.add(label(this, dx + 16, 12, `${a.id}: ${a.name}`, { size: 18, bold: true, wrap: DETAIL_W - 32 }).setName('atlas-title'));
      const body = [
        `Category: ${CATEGORY_LABELS[a.category]}.  Families: ${a.families.join(', ')} (G GAN, D diffusion, L LLM image model, T tampering).`,
        `What it looks like: ${a.looksLike}`,
        `Why it happens: ${a.why}`,
        `How to look: ${a.howToLook}`,
        (() => {
          const lenses = LENSES.filter((l) => (l.reveals as readonly string[]).includes(a.id));
          return lenses.length > 0
            ? `Lens that reveals it: ${lenses.map((l) => `${l.name} (${l.key.toUpperCase()}): ${l.explanation}`).join(' ')}`
            : 'No lens: use the reading tools named above.';
        })(),
        entry.example
          ? `Live example: a simulated radiograph forged on the spot with ${entry.techniqueIds.join(', ')} (obvious level). ` +
            `${st.ui.compare === 'original' ? 'Showing the ORIGINAL.' : 'Showing the FAKE.'} Press C or F to compare.`
          : 'No live example: the game cannot make this tell yet; it is taught here in words.',
        `Sources: ${a.sources.join('; ')}.`,
      ].join('\n\n');
      c.add(label(this, dx + 16, 70, body, { size: 13, wrap: DETAIL_W - 32 }).setName('atlas-body'));
      const bw = (DETAIL_W - 40) / 2;
      c.add(button(this, dx + 16, H - 106, bw, 40, 'Drill this tell (Enter)', () => dispatch({ type: 'drill', scope: 'artifact' }), { size: 13, fill: 0x1f6feb, disabled: !entry.example, name: 'btn-drill' }));
      c.add(button(this, dx + 24 + bw, H - 106, bw, 40, 'Drill category (K)', () => dispatch({ type: 'drill', scope: 'category' }), { size: 13, name: 'btn-drill-category' }));
      c.add(button(this, dx + 16, H - 56, DETAIL_W - 32, 40, 'Close the atlas (A or Esc)', () => dispatch({ type: 'atlas' }), { size: 14, name: 'btn-close-atlas' }));
      if (!entry.example) c.add(label(this, vr.x + 20, vr.y + vr.height / 2, `${a.name}: taught in words only, for now.`, { size: 16, color: THEME.dim }));
    }
    this.content = c;
    this.game.canvas.dataset.screen = 'atlas';
  }
}

import Phaser from 'phaser';
import type { GameState } from '../../store/index.js';
import { computeLayout } from '../../presenters/index.js';
import { THEME } from '../../presenters/index.js';
import { label, panel } from '../widgets.js';

/** The header panel (key D): the case's de-identified DICOM attributes, over the side panel so the image stays visible. */
export function drawHeaderPanel(scene: Phaser.Scene, W: number, H: number, st: GameState): Phaser.GameObjects.Container {
  const L = computeLayout(W, H);
  const r = L.panel;
  const c = scene.add.container(0, 0);
  c.add(panel(scene, r.x, r.y, r.width, r.height, 0x0b1f33));
  c.add(label(scene, r.x + 14, r.y + 10, 'DICOM header (D to close)', { size: 16, bold: true }));
  const fields = st.ui.header ?? [];
  const text = fields.length === 0
    ? 'No header for this screen.'
    : fields.map((f) => `${f.tag} ${f.name}\n    ${f.value}`).join('\n');
  c.add(label(scene, r.x + 14, r.y + 38, text, { size: 11, wrap: r.width - 28, color: THEME.text }).setName('header-fields'));
  return c;
}

import Phaser from 'phaser';
import { THEME } from '../presenters/index.js';

/** Small drawing helpers so scenes stay short: text, panels and buttons that work with the mouse. */
export interface TextOpts {
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly wrap?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly mono?: boolean;
}

export function label(scene: Phaser.Scene, x: number, y: number, str: string, o: TextOpts = {}): Phaser.GameObjects.Text {
  return scene.add.text(x, y, str, {
    fontFamily: o.mono ? THEME.monoFont : THEME.font,
    fontSize: `${o.size ?? 16}px`,
    color: o.color ?? THEME.text,
    fontStyle: o.bold ? 'bold' : 'normal',
    align: o.align ?? 'left',
    lineSpacing: 3,
    ...(o.wrap ? { wordWrap: { width: o.wrap, useAdvancedWrap: true } } : {}),
  });
}

export function panel(scene: Phaser.Scene, x: number, y: number, w: number, h: number, fill: number = THEME.panel): Phaser.GameObjects.Rectangle {
  return scene.add.rectangle(x, y, w, h, fill).setOrigin(0, 0).setStrokeStyle(1, THEME.panelEdge);
}

export interface ButtonOpts {
  readonly fill?: number;
  readonly size?: number;
  readonly selected?: boolean;
  readonly disabled?: boolean;
  readonly name?: string;
}

export function button(
  scene: Phaser.Scene, x: number, y: number, w: number, h: number, text: string, onClick: () => void, o: ButtonOpts = {},
): Phaser.GameObjects.Container {
  const fill = o.fill ?? 0x21262d;
  const bg = scene.add.rectangle(0, 0, w, h, fill).setOrigin(0, 0);
  bg.setStrokeStyle(o.selected ? 3 : 1, o.selected ? 0xffffff : THEME.panelEdge);
  const t = label(scene, w / 2, h / 2, text, { size: o.size ?? 15, align: 'center', color: o.disabled ? THEME.dim : THEME.text });
  t.setOrigin(0.5, 0.5);
  const c = scene.add.container(x, y, [bg, t]);
  if (o.name) c.setName(o.name);
  if (!o.disabled) {
    bg.setInteractive({ useHandCursor: true });
    bg.on('pointerover', () => bg.setFillStyle(Phaser.Display.Color.IntegerToColor(fill).brighten(15).color));
    bg.on('pointerout', () => bg.setFillStyle(fill));
    bg.on('pointerup', onClick);
  }
  return c;
}

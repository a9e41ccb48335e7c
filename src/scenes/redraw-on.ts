import Phaser from 'phaser';
import type { GameState, GameStore } from '../store/index.js';

/**
 * Redraws a scene whenever the selected store values change (compared element by element) or the window resizes,
 * and releases both when the scene shuts down.
 */
export function redrawOn<T extends readonly unknown[]>(
  scene: Phaser.Scene, store: GameStore, select: (s: GameState) => T, draw: () => void,
): void {
  const unsub = store.subscribe(select, draw, { equalityFn: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]) });
  scene.scale.on(Phaser.Scale.Events.RESIZE, draw);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    unsub();
    scene.scale.off(Phaser.Scale.Events.RESIZE, draw);
  });
}

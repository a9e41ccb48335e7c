import Phaser from 'phaser';
import { FxScene, type FxDeps } from './fx-scene.js';

/** Starts Phaser on a transparent canvas over the page, for the effects only. Loaded lazily by main.ts. */
export function bootFx(parent: HTMLElement, store: FxDeps['store'], opts: { now: () => number }): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    transparent: true,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    audio: { noAudio: true }, // Howler is the only audio owner: one context, one mute.
    input: { keyboard: false, mouse: false, touch: false },
    scene: [new FxScene({ store, now: opts.now })],
  });
  game.events.once(Phaser.Core.Events.READY, () => performance.mark('phaser-ready'));
  return game;
}

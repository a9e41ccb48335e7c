import Phaser from 'phaser';
import type { GameStore } from '../store/index.js';
import { THEME } from '../presenters/index.js';
import { startSceneDirector } from './director.js';
import { setSceneDeps, type SceneDeps } from './scene-deps.js';

/** Creates the Phaser game in #game and lets the director choose its scenes. Loaded lazily by main.ts. */
export function bootGame(parent: string, store: GameStore, deps: SceneDeps): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: THEME.bg,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    audio: { noAudio: true }, // Howler is the only audio owner: one context, one mute.
    callbacks: { preBoot: (g) => setSceneDeps(g, deps) },
  });
  startSceneDirector(game, store);
  game.events.once(Phaser.Core.Events.READY, () => performance.mark('phaser-ready'));
  return game;
}

import Phaser from 'phaser';
import type { GameStore } from '../store/index.js';
import { OverlayScene } from './overlay-scene.js';
import { PlayScene } from './play-scene.js';
import { SCENE_KEYS } from './scene-deps.js';
import { TitleScene } from './title-scene.js';
import { AtlasScene } from './atlas-scene.js';

/** Chooses the running scenes from the store: the title without a session, the play scene with one; overlay on top. */
export function startSceneDirector(game: Phaser.Game, store: GameStore): () => void {
  const apply = (hasSession: boolean): void => {
    const sm = game.scene;
    const [show, hide] = hasSession ? [SCENE_KEYS.play, SCENE_KEYS.title] : [SCENE_KEYS.title, SCENE_KEYS.play];
    sm.stop(hide);
    sm.run(show);
    sm.run(SCENE_KEYS.overlay);
    sm.bringToTop(SCENE_KEYS.overlay);
  };
  let unsub: (() => void) | null = null;
  const onReady = (): void => {
    // Scenes are added here, not in the game config, so none starts before the director decides.
    game.scene.add(SCENE_KEYS.title, TitleScene, false);
    game.scene.add(SCENE_KEYS.play, PlayScene, false);
    game.scene.add(SCENE_KEYS.atlas, AtlasScene, false);
    game.scene.add(SCENE_KEYS.overlay, OverlayScene, false);
    apply(store.getState().session !== null);
    const unsubSession = store.subscribe((s) => s.session !== null, apply);
    const applyAtlas = (open: boolean): void => {
      if (open) game.scene.run(SCENE_KEYS.atlas);
      else game.scene.stop(SCENE_KEYS.atlas);
      game.scene.bringToTop(SCENE_KEYS.overlay);
    };
    const unsubAtlas = store.subscribe((s) => s.ui.atlasOpen, applyAtlas);
    unsub = () => {
      unsubSession();
      unsubAtlas();
    };
  };
  // The SceneManager boots on READY (its listener is registered first). Before that, add() and run() are queued
  // but stop() is dropped, so deciding earlier could leave the title running under the play scene.
  if (game.scene.isBooted) onReady();
  else game.events.once(Phaser.Core.Events.READY, onReady);
  return () => unsub?.();
}

import type Phaser from 'phaser';
import type { GameStore } from '../store/index.js';
import type { ViewerPort } from '../viewer/index.js';
import type { Intent } from '../input/index.js';
import type { AtlasEntry } from '../decks/index.js';

/** What scenes receive from the composition root (main.ts), through the game registry. */
export interface SceneDeps {
  readonly store: GameStore;
  readonly viewer: ViewerPort;
  readonly dispatch: (intent: Intent) => void;
  /** The same clock the store uses. */
  readonly now: () => number;
  readonly atlas: readonly AtlasEntry[];
}

export const SCENE_KEYS = { title: 'title', play: 'play', atlas: 'atlas', overlay: 'overlay' } as const;
const DEPS_KEY = 'deps';

export function setSceneDeps(game: Phaser.Game, deps: SceneDeps): void {
  game.registry.set(DEPS_KEY, deps);
}

export function sceneDeps(scene: Phaser.Scene): SceneDeps {
  const deps = scene.registry.get(DEPS_KEY) as SceneDeps | undefined;
  if (!deps) throw new Error(`sceneDeps: scene "${scene.scene.key}" started before main.ts registered its dependencies`);
  return deps;
}

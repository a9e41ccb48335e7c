export * from './scene-deps.js';
export * from './title-scene.js';
export * from './play-scene.js';
export * from './overlay-scene.js';
export * from './director.js';
export * from './boot-game.js';

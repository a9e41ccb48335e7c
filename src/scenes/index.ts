/** Public face of scenes/: the Phaser game surface (countdown bar and effects). Loaded lazily; nothing waits for it. */
export { bootFx } from './boot-fx.js';

import type { SoundKey } from './synth.js';

/**
 * What the rest of the game may ask of audio. Scenes and store subscribers talk to this port only, so Howler stays
 * the single audio owner (Phaser's own sound manager stays off: two systems would mean two mutes) and tests can
 * swap in the silent port.
 */
export interface AudioPort {
  /**
   * Gets the sounds ready (the audio context and the cue sprite); idempotent. Until then play() does nothing, so the
   * game calls it once its first screen or case is shown rather than while the page starts.
   */
  prepare(): void;
  /** Plays a cue. Never throws: before the first user gesture or without audio it does nothing. */
  play(key: SoundKey): void;
  /** Master volume in [0, 1]; values outside are clamped. */
  setVolume(v: number): void;
  setMuted(m: boolean): void;
  /** True once the browser lets audio start (after the first click, tap or key press). */
  readonly isUnlocked: boolean;
  /** Releases the sound buffer; afterwards play() is a no-op. */
  dispose(): void;
}

/**
 * Clamps a volume to [0, 1]. A NaN is a caller bug (e.g. a slider parsed from an empty string), so it fails fast
 * rather than silently muting the game.
 */
export function clampVolume(v: number): number {
  if (Number.isNaN(v)) throw new RangeError(`setVolume: volume must be a number in [0, 1], got ${v}`);
  return Math.min(1, Math.max(0, v));
}

import { clampVolume, type AudioPort } from './audio-port.js';
import type { SoundKey } from './synth.js';

/** A port that makes no sound and remembers what it was asked to do, so tests can check orchestration. */
export interface SilentAudio extends AudioPort {
  /** Every key passed to play(), in order (kept after dispose: a play after dispose is still not recorded). */
  readonly played: readonly SoundKey[];
  readonly volume: number;
  readonly isMuted: boolean;
}

/** For tests and for environments without audio. It counts as unlocked so callers behave as they would in play. */
export function createSilentAudio(opts: { volume: number; muted: boolean } = { volume: 1, muted: false }): SilentAudio {
  const played: SoundKey[] = [];
  let volume = clampVolume(opts.volume);
  let isMuted = opts.muted;
  let isDisposed = false;
  return {
    prepare() {},
    play(key) {
      if (!isDisposed) played.push(key);
    },
    setVolume(v) {
      volume = clampVolume(v);
    },
    setMuted(m) {
      isMuted = m;
    },
    get isUnlocked() {
      return !isDisposed;
    },
    dispose() {
      isDisposed = true;
    },
    get played() {
      return played;
    },
    get volume() {
      return volume;
    },
    get isMuted() {
      return isMuted;
    },
  };
}

export type { AudioPort } from './audio-port.js';
export { clampVolume } from './audio-port.js';
export { createHowlerAudio } from './howler-audio.js';
export { createSilentAudio, type SilentAudio } from './silent-audio.js';
export {
  buildCueSprite,
  encodeWav,
  toDataUri,
  CUE_GAP_MS,
  CUE_SAMPLE_RATE,
  SOUND_KEYS,
  type CueSprite,
  type SoundKey,
} from './synth.js';

import { describe, expect, it } from 'vitest';
import { createSilentAudio } from '../../../src/audio/index.js';

describe('createSilentAudio', () => {
  it('records the cues it was asked to play, in order', () => {
    const audio = createSilentAudio();
    audio.play('tick');
    audio.play('tickUrgent');
    audio.play('lock');
    audio.play('correct');
    expect(audio.played).toEqual(['tick', 'tickUrgent', 'lock', 'correct']);
    expect(audio.isUnlocked).toBe(true);
  });

  it('keeps volume and mute settings, clamping volume to [0, 1]', () => {
    const audio = createSilentAudio({ volume: 0.4, muted: true });
    expect(audio.volume).toBe(0.4);
    expect(audio.isMuted).toBe(true);
    audio.setVolume(3);
    expect(audio.volume).toBe(1);
    audio.setVolume(-1);
    expect(audio.volume).toBe(0);
    audio.setMuted(false);
    expect(audio.isMuted).toBe(false);
    expect(() => audio.setVolume(Number.NaN)).toThrow(/setVolume.*NaN/);
  });

  it('stops recording after dispose', () => {
    const audio = createSilentAudio();
    audio.play('wrong');
    audio.dispose();
    audio.play('roundComplete');
    expect(audio.played).toEqual(['wrong']);
    expect(audio.isUnlocked).toBe(false);
  });
});

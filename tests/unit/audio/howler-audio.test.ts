import { afterEach, describe, expect, it, vi } from 'vitest';
import { Howler } from 'howler';
import { createHowlerAudio, SOUND_KEYS } from '../../../src/audio/index.js';

// Node has no Web Audio and no <audio>: the same situation as a browser with audio disabled. The port must stay
// silent and never throw, whatever the game asks of it.
describe('createHowlerAudio without audio support', () => {
  // Howler reports its load error on a later turn; wait for it so the debug spy still catches it.
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    vi.restoreAllMocks();
  });

  it('never throws, stays locked, and logs the reason once at debug level', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const audio = createHowlerAudio({ volume: 0.5, muted: false });
    audio.prepare();
    expect(audio.isUnlocked).toBe(false);
    for (let i = 0; i < 10; i++) for (const key of SOUND_KEYS) expect(() => audio.play(key)).not.toThrow();
    const skips = debug.mock.calls.filter(([msg]) => String(msg).includes('cue skipped'));
    expect(skips.length).toBe(1);
    expect(() => audio.dispose()).not.toThrow();
    expect(() => audio.play('tick')).not.toThrow();
  });

  it('leaves Howler alone until prepared, then applies the volume and mute set meanwhile', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const volume = vi.spyOn(Howler, 'volume');
    const mute = vi.spyOn(Howler, 'mute');
    const audio = createHowlerAudio({ volume: 0.3, muted: false });
    audio.setVolume(0.6);
    audio.setMuted(true);
    audio.play('tick');
    // Howler's volume() and mute() create its AudioContext: none of it may happen while the page starts.
    expect(volume).not.toHaveBeenCalled();
    expect(mute).not.toHaveBeenCalled();
    audio.prepare();
    audio.prepare();
    expect(volume).toHaveBeenCalledTimes(1);
    expect(volume).toHaveBeenLastCalledWith(0.6);
    expect(mute).toHaveBeenCalledTimes(1);
    expect(mute).toHaveBeenLastCalledWith(true);
    audio.dispose();
  });

  it('drives Howler global volume and mute', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const audio = createHowlerAudio({ volume: 0.3, muted: false });
    audio.prepare();
    expect(Howler.volume()).toBeCloseTo(0.3);
    audio.setVolume(7);
    expect(Howler.volume()).toBe(1);
    // Mute goes through Howler's public global mute, the one switch every sound obeys.
    const mute = vi.spyOn(Howler, 'mute');
    audio.setMuted(true);
    expect(mute).toHaveBeenLastCalledWith(true);
    audio.setMuted(false);
    expect(mute).toHaveBeenLastCalledWith(false);
    audio.dispose();
  });
});

import { Howl, Howler } from 'howler';
import { clampVolume, type AudioPort } from './audio-port.js';
import { buildCueSprite, encodeWav, toDataUri, type SoundKey } from './synth.js';

/**
 * Howler's AudioContext is a page-wide singleton and unlocks once per page. It emits 'unlock' only to the Howls that
 * exist at that moment, so a port created later (e.g. after dispose and rebuild) learns it from this mirror.
 */
let hasPageUnlocked = false;

/**
 * The game's audio, on Howler: one Howl over the synthesised cue sprite, inlined as a data URI (Howler decodes
 * data URIs itself, so there is no request and nothing to host). Volume and mute are Howler's global ones, so a
 * single setting covers every sound the game makes.
 */
export function createHowlerAudio(opts: { volume: number; muted: boolean }): AudioPort {
  let howl: Howl | undefined;
  let isBroken = false;
  let isPrepared = false;
  let isDisposed = false;
  // Kept here until prepare(): Howler's volume() and mute() create its AudioContext on first use.
  let volume = clampVolume(opts.volume);
  let muted = opts.muted;
  const logged = new Set<string>();
  // Debug, once per reason: a missing sound is not an error the player can act on, and ticks repeat every second.
  const noteOnce = (reason: string, detail?: unknown): void => {
    if (logged.has(reason)) return;
    logged.add(reason);
    console.debug(`[audio] ${reason}`, detail ?? '');
  };
  const guard = (what: string, action: () => void): void => {
    try {
      action();
    } catch (err) {
      noteOnce(`${what} failed; continuing without it`, err);
    }
  };

  // Creating the AudioContext and synthesising the sprite are heavy main-thread work, so the game does them after the
  // first case is on screen (main.ts). A context created after the page's first user gesture may start at once
  // (Chrome's autoplay policy: sticky activation), so nothing is lost by waiting.
  const prepare = (): void => {
    if (isPrepared || isDisposed) return;
    isPrepared = true;
    guard('setting volume', () => Howler.volume(volume));
    guard('setting mute', () => Howler.mute(muted));
    // Browsers start audio suspended until a user gesture. With autoUnlock, Howler listens for the first click, touch
    // or key press, resumes its AudioContext inside that gesture and emits 'unlock' (Howler 2.2 README, "autoUnlock").
    Howler.autoUnlock = true;
    try {
      const { pcm, sampleRate, sprite } = buildCueSprite();
      howl = new Howl({
        src: [toDataUri(encodeWav(pcm, sampleRate))],
        format: ['wav'],
        sprite,
        onunlock: () => {
          hasPageUnlocked = true;
        },
        onloaderror: (_id, err) => {
          isBroken = true;
          noteOnce('cue sprite failed to load; audio is off', err);
        },
        onplayerror: (_id, err) => noteOnce('a cue failed to play', err),
      });
    } catch (err) {
      isBroken = true;
      noteOnce('audio is unavailable here; audio is off', err);
    }
  };

  const isUnlocked = (): boolean => {
    if (howl === undefined || isBroken || Howler.noAudio) return false;
    if (hasPageUnlocked) return true;
    // The context may already run (user activation came first); Howler then sends no 'unlock'.
    const ctx = Howler.ctx as AudioContext | null | undefined;
    if (ctx) return ctx.state === 'running';
    // HTML5 Audio fallback (no Web Audio): Howler cannot tell; let it try, failures reach onplayerror.
    return !Howler.usingWebAudio;
  };

  return {
    prepare,
    play(key: SoundKey) {
      // Dropped, not deferred: Howler would queue plays until the context resumes and then fire a burst of stale ticks.
      if (!isUnlocked()) {
        noteOnce('cue skipped: audio not prepared or not unlocked yet (waits for the first click or key press) or unavailable');
        return;
      }
      guard('playing a cue', () => howl?.play(key));
    },
    setVolume(v) {
      volume = clampVolume(v);
      if (isPrepared) guard('setting volume', () => Howler.volume(volume));
    },
    setMuted(m) {
      muted = m;
      if (isPrepared) guard('setting mute', () => Howler.mute(m));
    },
    get isUnlocked() {
      return isUnlocked();
    },
    dispose() {
      // Only our Howl: Howler.unload() would close the page-wide AudioContext that other sounds may share.
      isDisposed = true;
      const old = howl;
      howl = undefined;
      guard('unloading the cue sprite', () => old?.unload());
    },
  };
}

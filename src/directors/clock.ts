import { remainingMs } from '../domain/index.js';
import type { AudioPort } from '../audio/index.js';
import type { GameStore } from '../store/index.js';
import { timeAnnouncement } from '../presenters/index.js';

/** Drives the countdown: ticks the store, plays the countdown cue each second of the last ten, announces time marks. */
export const TICK_INTERVAL_MS = 100;

export function startClock(store: GameStore, audio: AudioPort, announce: (text: string) => void, now: () => number): () => void {
  let prevRemaining = Infinity;
  const timer = setInterval(() => {
    const s = store.getState().session;
    if (s?.phase !== 'reading' || s.pausedAt !== null) {
      prevRemaining = Infinity;
      return;
    }
    const rem = remainingMs(s, now());
    if (prevRemaining !== Infinity) {
      const text = timeAnnouncement(prevRemaining, rem);
      if (text) announce(text);
      const before = Math.ceil(prevRemaining / 1000);
      const after = Math.ceil(rem / 1000);
      if (after !== before && after <= 10 && after > 0) audio.play(after <= 5 ? 'tickUrgent' : 'tick');
    }
    prevRemaining = rem;
    store.getState().tick();
  }, TICK_INTERVAL_MS);
  return () => clearInterval(timer);
}

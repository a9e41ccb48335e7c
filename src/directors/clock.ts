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

/**
 * Writes the seconds left and the countdown bar's length into the top bar (#hud-time, #hud-bar) between renders of
 * the screens, ten times a second, so the HTML screens need not re-render for the clock.
 */
export function startCountdownText(store: GameStore, now: () => number): () => void {
  let lastText = '';
  const timer = setInterval(() => {
    const s = store.getState().session;
    const time = document.getElementById('hud-time');
    const bar = document.getElementById('hud-bar');
    if (!s || !time) return;
    const total = s.config.mode.secondsPerCase * 1000;
    const rem = s.phase === 'reading' ? remainingMs(s, now()) : s.phase === 'loading' ? total : 0;
    const text = `${Math.ceil(rem / 1000)} s${s.pausedAt !== null ? ' (paused)' : ''}`;
    if (text !== lastText || time.textContent !== text) {
      time.textContent = text;
      lastText = text;
      time.classList.toggle('warn', rem <= 5000 && s.phase === 'reading');
    }
    if (bar) bar.style.width = `${(100 * rem) / total}%`;
  }, TICK_INTERVAL_MS);
  return () => clearInterval(timer);
}

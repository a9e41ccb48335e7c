import { remainingMs, type SessionState } from '../domain/index.js';
import type { AudioPort } from '../audio/index.js';
import type { GameStore } from '../store/index.js';
import { timeAnnouncement } from '../presenters/index.js';

/** Drives the countdown: ticks the store, plays the countdown cue each second of the last ten, announces time marks. */
export const TICK_INTERVAL_MS = 100;

/** The time left at the last tick, and of which case: a mark is crossed only between two ticks of one case. */
export interface ClockReading {
  readonly round: number;
  readonly caseIndex: number;
  readonly remainingMs: number;
}

/**
 * What one tick announces and plays, from the previous tick's reading. Pure. The first tick of a case only reads: a
 * prepared next case follows the answer within one tick, and its full time measured against the last case's time
 * left would cross a mark ("30 seconds left.") and drown the case's own announcement.
 */
export function clockTick(prev: ClockReading | null, s: SessionState, rem: number): { reading: ClockReading; say: string | null; cue: 'tick' | 'tickUrgent' | null } {
  const reading = { round: s.round, caseIndex: s.caseIndex, remainingMs: rem };
  if (!prev || prev.round !== s.round || prev.caseIndex !== s.caseIndex) return { reading, say: null, cue: null };
  const before = Math.ceil(prev.remainingMs / 1000);
  const after = Math.ceil(rem / 1000);
  const cue = after !== before && after <= 10 && after > 0 ? (after <= 5 ? 'tickUrgent' : 'tick') : null;
  return { reading, say: timeAnnouncement(prev.remainingMs, rem), cue };
}

export function startClock(store: GameStore, audio: AudioPort, announce: (text: string) => void, now: () => number): () => void {
  let prev: ClockReading | null = null;
  const timer = setInterval(() => {
    const s = store.getState().session;
    if (s?.phase !== 'reading' || s.pausedAt !== null) {
      prev = null;
      return;
    }
    const t = clockTick(prev, s, remainingMs(s, now()));
    if (t.say) announce(t.say);
    if (t.cue) audio.play(t.cue);
    prev = t.reading;
    store.getState().tick();
  }, TICK_INTERVAL_MS);
  return () => clearInterval(timer);
}

/**
 * Writes the seconds left and the countdown bar's length into the top bar (#hud-time, #hud-bar) between renders of
 * the screens, ten times a second, so the HTML screens need not re-render for the clock; and at once when the session
 * changes, so a case that comes back with less time (a resumed module) never shows the full time for a tick.
 */
export function startCountdownText(store: GameStore, now: () => number): () => void {
  let lastText = '';
  const paint = (): void => {
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
  };
  const timer = setInterval(paint, TICK_INTERVAL_MS);
  const unsubscribe = store.subscribe((st, prev) => {
    if (st.session !== prev.session) paint();
  });
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

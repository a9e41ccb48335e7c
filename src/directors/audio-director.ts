import { isRevealed } from '../domain/index.js';
import type { AudioPort } from '../audio/index.js';
import { reviewedRecord, type GameStore } from '../store/index.js';

/**
 * Plays cues for what happens in the session. The right/wrong cues sound only for a case whose truth is on screen,
 * so a sound never tells an outcome before the mode's feedback does; giving an answer plays the same 'lock' cue
 * whatever it was, and a time-out (which the reader sees anyway) its own.
 */
export function startAudioDirector(store: GameStore, audio: AudioPort): () => void {
  const apply = (): void => {
    const { volume, muted } = store.getState().settings;
    audio.setVolume(volume);
    audio.setMuted(muted);
  };
  apply();
  const subs = [
    store.subscribe((s) => s.settings, apply),
    store.subscribe(
      (s) => s.session,
      (next, prev) => {
        if (!next || !prev || next === prev) return;
        if (next.records.length > prev.records.length) audio.play(next.phase === 'timedOut' ? 'wrong' : 'lock');
        if (next.phase === 'roundReview' && (prev.phase !== 'roundReview' || prev.round !== next.round)) audio.play('roundComplete');
      },
    ),
    store.subscribe(
      (s) => reviewedRecord(s),
      (rec) => {
        const s = store.getState().session;
        if (rec && s && isRevealed(s, rec) && !rec.timedOut) audio.play(rec.score.correct ? 'correct' : 'wrong');
      },
    ),
  ];
  return () => subs.forEach((u) => u());
}

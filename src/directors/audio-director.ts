import { roundRecords } from '../domain/index.js';
import type { AudioPort } from '../audio/index.js';
import type { GameStore } from '../store/index.js';

/** Plays cues for what happens in the session. Correct/wrong cues wait for the review so they never give answers away. */
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
        if (!next || !prev || next.phase === prev.phase) return;
        if (next.phase === 'answered') audio.play('lock');
        else if (next.phase === 'timedOut') audio.play('wrong');
        else if (next.phase === 'roundReview') audio.play('roundComplete');
      },
    ),
    store.subscribe(
      (s) => s.ui.reviewIndex,
      (i) => {
        const s = store.getState().session;
        const rec = s?.phase === 'roundReview' ? roundRecords(s)[i] : undefined;
        if (rec) audio.play(rec.score.correct ? 'correct' : 'wrong');
      },
    ),
  ];
  return () => subs.forEach((u) => u());
}

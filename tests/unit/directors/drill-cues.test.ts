import { describe, expect, it } from 'vitest';
import { getMode, isFake, type SessionState } from '../../../src/domain/index.js';
import { startAudioDirector } from '../../../src/directors/index.js';
import { sessionAnnouncement } from '../../../src/presenters/index.js';
import type { AudioPort } from '../../../src/audio/index.js';
import { testGame } from '../../helpers/test-game.js';

/**
 * In a readiness drill the keys give the read and the flag, and nothing the reader hears or is told before the end
 * depends on the film's truth: the same answer plays the same cue and says the same words on a fake and on an
 * authentic film (issue 16).
 */
function recordingAudio(): AudioPort & { cues: string[] } {
  const cues: string[] = [];
  return { cues, prepare: () => undefined, play: (k) => void cues.push(k), setVolume: () => undefined, setMuted: () => undefined, isUnlocked: true, dispose: () => undefined };
}

describe('an unprompted drill played by keys', () => {
  it('reads with 1 and 2, flags with F, and sounds and says the same for the same answer whatever the film', () => {
    const g = testGame();
    const drill = getMode('drill');
    g.startPractice({ seed: 3, cases: 12, seconds: 120, mode: { ...drill, casesPerRound: 12, fakeShare: 0.5 } });
    const audio = recordingAudio();
    startAudioDirector(g.store, audio);
    const said: { fake: boolean; cues: string; words: string }[] = [];
    g.key('Enter');
    for (let i = 0; i < 12; i++) {
      g.show();
      const fake = isFake(g.truthOnScreen());
      g.key('2');
      g.key('f');
      expect(g.state()).toMatchObject({ read: 'abnormal', flagged: true });
      const before: SessionState = g.state();
      const n = audio.cues.length;
      g.key('Enter');
      const words = sessionAnnouncement(before, g.state()) ?? '';
      said.push({ fake, cues: audio.cues.slice(n).join(','), words: words.replace(/ Review of the worklist.*$/, '') });
    }
    expect(new Set(said.map((x) => x.fake))).toEqual(new Set([true, false]));
    // Before the end every answer plays the one 'lock' cue; the last answer ends the drill, and the review may tell.
    expect(new Set(said.slice(0, -1).map((x) => x.cues))).toEqual(new Set(['lock']));
    expect(said.at(-1)?.cues.startsWith('lock,roundComplete')).toBe(true);
    expect(new Set(said.map((x) => x.words))).toEqual(new Set(['Answer given: read abnormal, flagged as suspected manipulated or synthetic.']));
    expect(g.state().records.every((r) => r.read === 'abnormal' && r.flagged === true && r.rating === null)).toBe(true);
    // The end tells: the review plays the verdict cues only now.
    expect(g.state().phase).toBe('roundReview');
  });
});

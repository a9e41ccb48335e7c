import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startClock, startCountdownText, TICK_INTERVAL_MS } from '../../../src/directors/index.js';
import type { AudioPort } from '../../../src/audio/index.js';
import { testGame } from '../../helpers/test-game.js';

/**
 * The clock announces only its own case's time marks: a prepared next case, shown within one tick of the answer,
 * must not be heard as "30 seconds left." over its own "Answer given ... Case N of M" (user audit, a11y).
 */
const START = 1_700_000_000_000;

function recordingAudio(): AudioPort & { cues: string[] } {
  const cues: string[] = [];
  return { cues, prepare: () => undefined, play: (k) => void cues.push(k), setVolume: () => undefined, setMuted: () => undefined, isUnlocked: true, dispose: () => undefined };
}

describe('the clock director', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing when the next case comes on screen between two ticks; within a case it says its marks', () => {
    const g = testGame(START);
    g.startPractice({ seed: 7, cases: 3, seconds: 30 });
    const said: string[] = [];
    const audio = recordingAudio();
    const stop = startClock(g.store, audio, (t) => said.push(t), () => START + g.time());
    const run = (ms: number): void => {
      // The game's clock and the director's interval move together, a tick at a time.
      for (let t = 0; t < ms; t += TICK_INTERVAL_MS) {
        g.advance(TICK_INTERVAL_MS);
        vi.advanceTimersByTime(TICK_INTERVAL_MS);
      }
    };
    g.key('Enter');
    g.show();
    run(2_000);
    expect(said).toEqual([]);
    // Answered, and the next case (made ahead) shown before the clock's next tick.
    g.answer(2);
    g.show();
    expect(g.state()).toMatchObject({ phase: 'reading', caseIndex: 1 });
    run(2_000);
    expect(said, 'the new case starts at its full time: no mark was crossed').toEqual([]);
    run(18_500);
    expect(said).toEqual(['20 seconds left.', '10 seconds left.']);
    expect(audio.cues).toEqual(['tick']);
    stop();
  });

  it('writes the time left at once when the session changes, not at the next tick', () => {
    const g = testGame(START);
    g.startPractice({ seed: 7, cases: 3, seconds: 30 });
    const time = { textContent: '' as string | null, classList: { toggle: () => undefined } };
    vi.stubGlobal('document', { getElementById: (id: string) => (id === 'hud-time' ? time : null) });
    try {
      let closed = 0; // time that passes with no tick of the store (a window closed, then the case resumed)
      const stop = startCountdownText(g.store, () => START + g.time() + closed);
      g.key('Enter');
      g.show();
      vi.advanceTimersByTime(TICK_INTERVAL_MS);
      expect(time.textContent).toBe('30 s');
      closed = 5_000;
      g.key('3'); // a rating: the session changes between two ticks of the director
      expect(time.textContent).toBe('25 s');
      stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

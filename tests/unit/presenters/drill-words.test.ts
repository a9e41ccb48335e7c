import { describe, expect, it } from 'vitest';
import { getMode, withSettings, type SessionState } from '../../../src/domain/index.js';
import { drillBriefing, durationWords } from '../../../src/presenters/index.js';

/** A briefing needs only the mode and the worklist's length. */
function briefingAt(secondsPerCase: number): string {
  const mode = withSettings(getMode('drill'), { secondsPerCase });
  const s = { config: { mode, rounds: [['a', 'b', 'c']] }, round: 0 } as unknown as SessionState;
  return drillBriefing(s).join(' ');
}

describe('time per film in words', () => {
  it('says seconds under a minute, and minutes and seconds above', () => {
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(20)).toBe('20 seconds');
    expect(durationWords(30)).toBe('30 seconds');
    expect(durationWords(59)).toBe('59 seconds');
    expect(durationWords(60)).toBe('1 minute');
    expect(durationWords(90)).toBe('1 minute 30 seconds');
    expect(durationWords(61)).toBe('1 minute 1 second');
    expect(durationWords(120)).toBe('2 minutes');
    expect(durationWords(600)).toBe('10 minutes');
  });

  it('the drill briefing gives the time per film that way, never as a fraction of a minute', () => {
    expect(briefingAt(20)).toContain('Each film has up to 20 seconds');
    expect(briefingAt(30)).toContain('Each film has up to 30 seconds');
    expect(briefingAt(120)).toContain('Each film has up to 2 minutes');
    expect(briefingAt(150)).toContain('Each film has up to 2 minutes 30 seconds');
    for (const s of [20, 30, 45, 100]) expect(briefingAt(s)).not.toMatch(/\d\.\d+ minutes/);
  });
});

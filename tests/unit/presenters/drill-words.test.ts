import { describe, expect, it } from 'vitest';
import { figureRows, flagScore, getMode, withSettings, type CaseRecord, type DrillFigures, type SessionState } from '../../../src/domain/index.js';
import { creditsText, drillBriefing, drillDisclosure, durationWords, resumedWords, reviewText } from '../../../src/presenters/index.js';
import { LOADING_MODULE } from '../../../src/app/index.js';
import { FAKE, REAL, rec } from '../domain/metrics/records.js';

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

describe('the drill debrief and review say what happened', () => {
  const prompted = withSettings(getMode('drill'), { answer: 'rating' });

  it('calls the fakes rare only when they were rare in this worklist', () => {
    expect(drillDisclosure(prompted, 2, 40)).toMatch(/in a worklist where they are rare\. 2 of the 40 films were/);
    expect(drillDisclosure(prompted, 1, 40)).toContain('1 of the 40 films was');
    const many = drillDisclosure(prompted, 4, 6);
    expect(many).not.toContain('rare');
    expect(many).toContain('4 of the 6 films were manipulated or synthetic');
    expect(drillDisclosure(prompted, 0, 6)).toContain('was a control');
  });

  it('names the second figure beside the median time to flag a fake', () => {
    const f = { fakesFlagged: 1, fakesShown: 2, noticedRate: 0.5, falseFlags: 0, authenticShown: 4, falseFlagRate: 0, medianSecondsToFlag: 2, medianSecondsPerFilm: 3.5, sdt: null, timedOut: 0 } as unknown as DrillFigures;
    const row = figureRows(f).find((r) => r.label === 'Median time to flag a fake');
    expect(row?.value).toBe('2.0 s');
    expect(row?.note).toBe('median time per film, all films: 3.5 s');
  });

  it('a routine-read drill\'s review judges the flag, and says so, never the read', () => {
    const drillRec = (truth: CaseRecord['truth'], flagged: boolean): CaseRecord => ({ ...rec(truth, null), rating: null, timedOut: false, read: 'abnormal', flagged, hint: null, score: flagScore(truth, flagged, false) });
    expect(reviewText(drillRec(REAL, true)).verdict).toBe('Wrong to flag: the film is authentic. REAL: an authentic exam');
    expect(reviewText(drillRec(REAL, false)).verdict).toBe('Right not to flag. REAL: an authentic exam');
    expect(reviewText(drillRec(FAKE, true)).verdict).toMatch(/^Right to flag\. FAKE: /);
    expect(reviewText(drillRec(FAKE, false)).verdict).toMatch(/^Missed: not flagged\. FAKE: /);
    // A rated case (practice, or the prompted drill) keeps Correct / Wrong: the rating is the call.
    expect(reviewText(rec(REAL, 5)).verdict).toMatch(/^Wrong\. REAL/);
  });
});

describe('counts in words', () => {
  it('resuming says 1 answer, 1 mark, 1 second, never "(s)" or "1 answers"', () => {
    expect(resumedWords({ answers: 3, drill: true, at: { round: 0, caseIndex: 3, cases: 40, marks: 0, secondsLeft: 90 } }))
      .toBe('Resumed your session at film 4 of 40, with 3 answers kept and 90 seconds left on this film.');
    expect(resumedWords({ answers: 1, at: { round: 0, caseIndex: 2, cases: 4, marks: 1, secondsLeft: 1 } }))
      .toBe('Resumed your session at round 1, case 3 of 4, with 1 answer kept, your 1 mark and 1 second left on this case.');
    expect(resumedWords({ answers: 2, at: { round: 1, caseIndex: 0, cases: 4, marks: 0, secondsLeft: 30 } }))
      .toBe('Resumed your session at round 2, case 1 of 4, with 2 answers kept and 30 seconds left on this case.');
    expect(resumedWords({ answers: 1, at: null })).toBe('Resumed your session with 1 answer kept.');
  });

  it('a module credits one credit in the singular, the unit as the author wrote it otherwise', () => {
    const info = (credits: number, creditUnit: string) => ({ ...LOADING_MODULE.info, credits, creditUnit });
    expect(creditsText(info(1, 'credits'))).toBe('1 credit');
    expect(creditsText(info(1, 'AMA PRA Category 1 Credits™'))).toBe('1 AMA PRA Category 1 Credit™');
    expect(creditsText(info(1.25, 'AMA PRA Category 1 Credits™'))).toBe('1.25 AMA PRA Category 1 Credits™');
    expect(creditsText(info(2, 'credits'))).toBe('2 credits');
    expect(creditsText(info(0, 'credits'))).toBeNull();
  });
});

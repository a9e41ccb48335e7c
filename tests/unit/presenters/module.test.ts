import { describe, expect, it } from 'vitest';
import {
  availabilitySentence, callsToPass, changeSentence, lmsStepProblem, moduleDate, passMarkSentence, resultLines, trackingNotice,
} from '../../../src/presenters/index.js';
import { LOADING_MODULE } from '../../../src/app/index.js';

const info = { ...LOADING_MODULE.info, preCases: 8, postCases: 8, attempts: 3, passMark: 0.75, releaseDate: '2026-09-01', expiryDate: '2029-09-01' };

describe('what the module pages say', () => {
  it('states the pass mark in calls, rounding up to the calls needed', () => {
    expect(callsToPass(0.75, 8)).toBe(6);
    expect(callsToPass(0.75, 5)).toBe(4);
    expect(callsToPass(0.8, 5)).toBe(4);
    expect(passMarkSentence(info)).toBe('To pass, get at least 75% of the post-test calls right (6 of 8). You have 3 attempts, each on new cases matched to the pre-test.');
  });

  it('refuses outside the release window with the reason and the date as written', () => {
    expect(moduleDate('2026-09-01')).toBe('1 September 2026');
    expect(availabilitySentence({ availability: 'open', info })).toBeNull();
    expect(availabilitySentence({ availability: 'not-yet-released', info })).toMatch(/opens on 1 September 2026 .*cannot be started before then/);
    expect(availabilitySentence({ availability: 'expired', info })).toMatch(/expired on 1 September 2029: .*no credit can be claimed/);
  });

  it('says when no LMS records the module, and when the LMS opened it for review', () => {
    const lms = LOADING_MODULE.lms;
    expect(trackingNotice({ ...lms, tracked: true })).toBeNull();
    expect(trackingNotice({ ...lms, tracked: false, standaloneReason: 'no SCORM 1.2 API was found' })).toMatch(/^No LMS is recording this module: no SCORM 1\.2 API was found\. .*no completion or credit is reported/);
    expect(trackingNotice({ ...lms, tracked: true, mode: 'review' })).toMatch(/review mode: .*nothing you answer is recorded/);
  });

  it('gives the result, the attempts left and the pre-to-post change', () => {
    const s = (correct: number) => ({ correct, total: 8 });
    expect(resultLines({ pre: s(4), attempts: [s(5)], passed: null, decisive: s(5) }, info).lines.join(' ')).toMatch(/pass mark is 75% \(6 of 8\)\. You have 2 more attempts/);
    expect(resultLines({ pre: s(4), attempts: [s(5), s(5)], passed: null, decisive: s(5) }, info).lines.join(' ')).toMatch(/You have one more attempt/);
    expect(resultLines({ pre: s(4), attempts: [s(5), s(4), s(5)], passed: false, decisive: s(5) }, info).heading).toBe('Not passed: 5 of 8 (63%) correct at best');
    expect(changeSentence({ pre: s(4), attempts: [s(7)], passed: true, decisive: s(7) })).toBe('Pre-test 4 of 8 (50%); post-test 7 of 8 (88%): up 38 percentage points.');
    expect(changeSentence({ pre: s(6), attempts: [s(6)], passed: true, decisive: s(6) })).toMatch(/no change/);
  });
});

describe('lmsStepProblem', () => {
  it('says to reload while the session is live, and to relaunch from the LMS when a reload cannot work', () => {
    const live = lmsStepProblem('LMS error 101', 'Your progress is saved', false);
    expect(live).toMatch(/reload the page to carry on; if that does not work, close this window and open the module again from your LMS\.$/);
    const ended = lmsStepProblem('LMS error 101', 'Your progress is saved', true);
    expect(ended).toBe('Your LMS did not take the last step: LMS error 101. Your progress is saved; close this window and open the module again from your LMS.');
  });
});

import { describe, expect, it } from 'vitest';
import { drillAnswersOf } from '../../../../src/domain/readiness/from-records.js';
import { readerReport } from '../../../../src/domain/metrics/report.js';
import { figuresFor } from '../../../../src/presenters/figures.js';
import type { CaseRecord } from '../../../../src/domain/session.js';
import { FAKE, REAL, rec } from './records.js';

/** A read-and-flag answer (the unprompted drill): a read and a flag, no rating; no read means the clock ran out. */
const flag = (truth: typeof FAKE, flagged: boolean, read: 'normal' | null = 'normal'): CaseRecord => ({
  ...rec(truth, null), timedOut: read === null, read, flagged, hint: null,
});

describe('read-and-flag answers in the reader figures', () => {
  // 1 of 2 fakes flagged, 1 of 3 real films flagged, and one film whose clock ran out with a flag set.
  const records = [flag(FAKE, true), flag(FAKE, false), flag(REAL, true), flag(REAL, false), flag(REAL, false), flag(FAKE, true, null)];

  it('count as answered calls in the yes/no figures and d′; only the film with no read is a time-out', () => {
    const r = readerReport(records);
    expect([r.binary.n, r.binary.timedOut, r.binary.tp, r.binary.fn, r.binary.fp, r.binary.tn]).toEqual([5, 1, 1, 1, 1, 2]);
    expect(r.binary.accuracy).toBeCloseTo(3 / 5, 15);
    expect(r.sdt?.dPrime).toBeDefined();
    expect([r.time.answered, r.time.timedOut]).toEqual([5, 1]);
    // The ROC and calibration need ratings: nothing to show, rather than five "time-outs".
    expect(r.roc.auc).toBeNull();
  });

  it('the figures\' sentences say a drill\'s time-out cost no points', () => {
    const text = figuresFor(records).sentences.join(' ');
    expect(text).toMatch(/1 case timed out: .* only the 5 answered cases\./);
    expect(text).not.toMatch(/50 points/);
    expect(figuresFor([rec(FAKE, null), rec(FAKE, 5), rec(REAL, 2)]).sentences.join(' ')).toMatch(/each time-out cost 50 points/);
  });

  it('the drill report counts a flagged film whose clock ran out as not flagged (a time-out makes no call)', () => {
    expect(drillAnswersOf(records).map((a) => a.flagged)).toEqual([true, false, true, false, false, false]);
  });
});

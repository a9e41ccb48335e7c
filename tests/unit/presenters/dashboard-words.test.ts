import { describe, expect, it } from 'vitest';
import { trainingSettings } from '../../../src/delivery/index.js';
import { readerFigures, type GroupFigures } from '../../../src/domain/index.js';
import {
  caseCells, groupSentence, intakeLine, meanAccuracy, missRateCells, outboxWords, prePostSentences, readerCallCells, readerScaleCells, sessionFactLines,
} from '../../../src/presenters/index.js';
import { FRESH_DASHBOARD, type DashboardReader } from '../../../src/store/index.js';

/** The dashboard's and the join page's words: rounding, R1..Rn, what is pending, and sentences a physicist can check. */
const reading = (caseId: string, truth: 'fake' | 'authentic', rating: 1 | 2 | 3 | 4 | 5 | 6 | null) => ({ caseId, truth, rating, localised: false, timeMs: 4000 });
const ana: DashboardReader = {
  name: 'Ana', fingerprint: 'AAAA-BBBB-CCCC-DDDD', source: 'ana.json',
  figures: readerFigures({ readerId: 'Ana', readings: [reading('a', 'fake', 6), reading('b', 'fake', 2), reading('c', 'authentic', 1), reading('d', 'authentic', null)] }),
};

describe('dashboard words', () => {
  it('a reader row: percentages, the AUC with its DeLong interval, and R1..Rn on request', () => {
    const calls = readerCallCells(0, ana, { anonymise: false });
    // Of the 3 answered: 2 right; the time-out is counted apart (as in the reader's own report).
    expect(calls).toEqual(['Ana', '4', '67%', '50%', '100%', '1', '4.0 s']);
    expect(readerCallCells(2, ana, { anonymise: true })[0]).toBe('R3');
    const scale = readerScaleCells(0, ana, { anonymise: false, localisation: 'pending' });
    expect(scale[1]).toMatch(/^\d\.\d\d( \(\d\.\d\d–\d\.\d\d\))?$/);
    expect(scale[5]).toBe('checking…');
    expect(readerScaleCells(0, ana, { anonymise: false, localisation: 'done' })[5]).toBe('0%');
  });

  it('the group sentence gives the OR interval with Hillis df, says when it is too wide to mean much, or why it is missing', () => {
    const g = { readers: 3, casesUsed: 20, casesLeftOut: ['x'], meanAuc: 0.634, se: 0.1, df: 2, ci95: [-0.17, 1.43], unavailable: null, analysis: null } as GroupFigures;
    expect(groupSentence(g)).toBe('Reader-averaged AUC 0.63, 95% CI -0.17 to 1.43 (Obuchowski–Rockette, Hillis df 2.00), over 20 cases read by all 3 readers; 1 case left out because not every reader answered them. With this few readers the interval is wide and passes the ends of the scale: the group figure is not yet known.');
    expect(groupSentence({ ...g, ci95: [0.6, 0.7] })).not.toMatch(/not yet known/);
    // One reader, one case: no "all 1 readers", no "(s)".
    expect(groupSentence({ ...g, readers: 1, casesUsed: 1, casesLeftOut: ['x', 'y'], ci95: [0.6, 0.7] })).toMatch(/over 1 case read by the one reader; 2 cases left out because/);
    expect(groupSentence({ ...g, meanAuc: null, unavailable: 'no readers' })).toBe('Reader-averaged AUC: not available (no readers).');
  });

  it('cases, miss rates and the intake line', () => {
    const [id, truth, tells, fooled, share] = caseCells({ caseId: 'demo-7-r1c2', truth: 'fake', readers: 3, answered: 2, fooled: 2, timedOut: 1, fooledShare: 1, tells: ['A9', 'E1'], level: 'subtle' });
    expect([id, truth, fooled, share]).toEqual(['demo-7-r1c2', 'fake, subtle', '2 of 2 (+1 time-out)', '100%']);
    expect(tells).toMatch(/^A9 \w.+; E1 \w.+$/);
    expect(missRateCells({ key: 'texture-noise', cases: 2, readings: 6, missed: 3, timedOut: 0, missRate: 0.5 }, 'category')).toEqual(['Texture and noise', '2', '3 of 6', '50%']);
    expect(intakeLine(FRESH_DASHBOARD)).toMatch(/^No files yet/);
    expect(intakeLine({ ...FRESH_DASHBOARD, files: 4, readers: [ana], refused: [{ name: 'x', reason: 'tampered', message: '' }] })).toBe('1 reader from 4 files; 1 refused; 0 superseded by another file of the same reader.');
    expect(intakeLine({ ...FRESH_DASHBOARD, files: 1, readers: [ana, ana], refused: [] })).toMatch(/^2 readers from 1 file;/);
    expect(meanAccuracy([ana, { ...ana, figures: { ...ana.figures, accuracy: 1 } }])).toBeCloseTo(5 / 6, 15);
  });

  it('the pre/post change: AUCs before and after, the change with its CI, F, ddf and p', () => {
    const lines = prePostSentences({
      readers: ['a', 'b', 'c'], readersLeftOut: ['d'], casesUsed: 10, casesLeftOut: [], pre: { treatment: 'pre', auc: 0.7 } as never, post: { treatment: 'post', auc: 0.82 } as never,
      change: 0.12, f: 5.123, ndf: 1, ddf: 9.87, p: 0.0471, ci95: [0.002, 0.238], unavailable: null, analysis: null, preTitle: 'Before', postTitle: 'After',
    });
    expect(lines).toEqual([
      'Pre: "Before". Post: "After". 3 readers in both, 10 cases answered by all of them in both.',
      '1 reader took part in only one session and is left out.',
      'Reader-averaged AUC 0.70 before and 0.82 after.',
      'Change +0.12, 95% CI +0.00 to +0.24; Obuchowski–Rockette test F = 5.12 on 1 and 9.9 df, p = 0.047.',
    ]);
  });
});

describe('training words', () => {
  it('lists a session\'s fixed settings as the join page shows them', () => {
    const lines = sessionFactLines({
      mode: trainingSettings({ rounds: 2, casesPerRound: 10, secondsPerCase: 30, fakeShare: 0.4, lenses: [], tools: ['zoom', 'pan'] }),
      order: 'counterbalanced', deck: { kind: 'demo', seed: 7 }, pairing: { id: 'ct-2026', role: 'post' }, issuedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(Object.fromEntries(lines)).toMatchObject({
      Deck: 'Demo deck (simulated radiographs), seed 7', Cases: '2 rounds of 10, 30 seconds each', Fakes: 'about 40%', Feedback: 'after each round',
      Pause: 'the clock does not pause', 'Viewer tools': 'Zoom, Pan', 'Forensic lenses': 'none', Order: 'the same cases, in a counterbalanced order per reader',
      Pairing: "post-test of 'ct-2026'",
    });
  });

  it('says what became of the answers sent to the LRS', () => {
    const o = { host: 'lrs.example.org', pending: 0, rejected: 0, phase: 'idle', note: null };
    expect(outboxWords(o)).toBe('Every answer has reached lrs.example.org.');
    expect(outboxWords({ ...o, pending: 3, phase: 'waiting', note: 'network: offline' })).toBe('3 answers wait to be sent to lrs.example.org; the game retries by itself (network: offline).');
    expect(outboxWords({ ...o, pending: 1, rejected: 1, phase: 'blocked', note: null })).toBe('Sending to lrs.example.org is blocked: the LRS refused the session token. 1 answer waits in this browser; your result file holds it. 1 answer was refused by the LRS and is kept: it is in your result file.');
    expect(outboxWords({ ...o, pending: 2, rejected: 1, phase: 'blocked', note: 'LRS answered HTTP 401' })).toMatch(/^Sending to lrs\.example\.org is blocked: LRS answered HTTP 401\. 2 answers wait in this browser; your result file holds them all\. 1 answer was refused/);
    expect(outboxWords({ ...o, phase: 'off', note: 'The token expired.' })).toBe('The token expired.');
  });
});

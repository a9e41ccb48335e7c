import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode } from '../../../src/domain/index.js';
import { plainLanguage, readerReport } from '../../../src/domain/metrics/index.js';
import { sessionAnnouncement } from '../../../src/presenters/index.js';
import { fake } from '../domain/metrics/records.js';

/** A round, a report or a page about one of something says "1 case", never "1 cases" or "1 of the 1 images". */
describe('one of a thing', () => {
  it('a one-case round: "1 case" in the briefing announcement', () => {
    const mode = { ...getMode('practice'), casesPerRound: 1, rounds: 1, secondsPerCase: 20 };
    const s = createSession({ mode, deckId: 'demo', seed: 3, rounds: [[caseId('a')]] });
    expect(sessionAnnouncement(null, s)).toMatch(/round 1 of 1: 1 case, 20 seconds each\./);
  });

  it('a one-image report: "the one image you answered was fake", not "1 of the 1 images"', () => {
    const text = plainLanguage(readerReport([fake(5)])).find((x) => x.metric === 'ppv')?.text ?? '';
    expect(text).toMatch(/the one image you answered was fake\./);
    expect(text).not.toMatch(/1 of the 1 images/);
  });
});

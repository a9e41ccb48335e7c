import { describe, expect, it } from 'vitest';
import { getMode, withSettings } from '../../../src/domain/index.js';
import { drillAnswerFromInteraction, drillInteraction, DrillModuleSchema, type DrillLmsAnswer } from '../../../src/lms/index.js';

describe('a readiness drill as an LMS activity', () => {
  it('is defined by the game\'s own drill mode, and refuses any other', () => {
    const base = { schemaVersion: 1, kind: 'drill', id: 'june-drill', title: 'June chest list', deck: { kind: 'demo', seed: 7 }, standard: 'scorm2004' };
    const mode = withSettings(getMode('drill'), { casesPerRound: 40, fakeShare: 0.05 });
    expect(DrillModuleSchema.parse({ ...base, mode }).mode.fakeShare).toBe(0.05);
    expect(DrillModuleSchema.safeParse({ ...base, mode: getMode('practice') }).error?.issues[0]?.message).toMatch(/must be a readiness drill/);
  });

  it('keeps every answer as a neutral fill-in interaction that reads back the same', () => {
    const answers: DrillLmsAnswer[] = [
      { caseId: 'demo-7-r1c3', rating: null, read: 'abnormal', flagged: true, tellNamed: 'texture-noise', hint: null, timeMs: 12_345, timedOut: false },
      { caseId: 'demo-7-r1c4', rating: null, read: null, flagged: false, tellNamed: null, hint: null, timeMs: 120_000, timedOut: true },
      { caseId: 'demo-7-r1c5', rating: 5, tellNamed: 'metadata', hint: 'authentic', timeMs: 8_000, timedOut: false },
    ];
    for (const a of answers) {
      const i = drillInteraction(a, new Date('2026-06-02T09:00:00Z'));
      expect(i).toMatchObject({ kind: 'fill-in', result: 'neutral', correctResponses: [] });
      expect(i.response.length).toBeLessThan(255);
      expect(drillAnswerFromInteraction(i.id, i.response, i.latencyMs)).toEqual(a);
    }
    expect(drillAnswerFromInteraction('x', 'choice 4', 10)).toBeNull();
  });
});

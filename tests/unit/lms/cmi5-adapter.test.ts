import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Cmi5Adapter, LmsError, memoryStore } from '../../../src/lms/index.js';
import { fakeLrs, httpError, LAUNCH, resetFakeLrs } from '../../helpers/fake-cmi5.js';

vi.mock('@xapi/cmi5/dist/Cmi5.esm.js', async () => ({ default: (await import('../../helpers/fake-cmi5.js')).FakeCmi5 }));

const verbs = (): string[] => fakeLrs.sent.map((s) => s.verb);

beforeEach(resetFakeLrs);

describe('cmi5 scores', () => {
  it('sends scaled unrounded and raw/min/max as integers (9.5.1), so a fail stays below masteryScore (9.3.5)', async () => {
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    await a.setResult({ scaled: 2 / 3, raw: { correct: 2, total: 3 }, passed: false, completed: false });
    expect(fakeLrs.sent.find((s) => s.verb === 'failed')?.arg).toEqual({ scaled: 2 / 3, raw: 2, min: 0, max: 3 });
  });
});

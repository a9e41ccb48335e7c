import { describe, expect, it } from 'vitest';
import { decodeSuspendData, encodeSuspendData, MAX_ATTEMPTS, MAX_TEST_CASES, SCORM12_SUSPEND_LIMIT, type ModuleProgress } from '../../../src/lms/index.js';
import { demoModule } from '../../helpers/lms-module.js';

describe('suspend data', () => {
  it('round-trips a module caught mid post-test', () => {
    const def = demoModule();
    const p: ModuleProgress = { phase: 'post', pre: [5, 2, 0, 6], posts: [[1, 2, 3, 4], [6, 0]], practiceDone: 2, evaluationDone: false };
    const raw = encodeSuspendData(def, p);
    expect(raw).toMatch(/^XR1\|[0-9a-z]+\|o\|2\|0\|5206\|1234\|60$/);
    expect(decodeSuspendData(def, raw)).toEqual({ ok: true, progress: p });
  });

  it('fits SCORM 1.2 at the largest module the schema allows (50 + 50 cases x 5 attempts), with room to spare', () => {
    const def = demoModule({ preCases: MAX_TEST_CASES, postCases: MAX_TEST_CASES, attempts: MAX_ATTEMPTS, practiceCases: 20 });
    const full = Array.from({ length: MAX_TEST_CASES }, (_, i) => ((i % 6) + 1) as 1);
    const p: ModuleProgress = { phase: 'certificate', pre: full, posts: Array.from({ length: MAX_ATTEMPTS }, () => full), practiceDone: 20, evaluationDone: true };
    const raw = encodeSuspendData(def, p);
    // Measured: printed so the report can quote it.
    console.log(`largest suspend data: ${raw.length} characters (limit ${SCORM12_SUSPEND_LIMIT})`);
    expect(raw.length).toBeLessThan(400);
    expect(raw.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeSuspendData(def, raw)).toEqual({ ok: true, progress: p });
  });

  it('refuses a record of another module or a damaged one, saying why, without throwing', () => {
    const def = demoModule();
    const raw = encodeSuspendData(def, { phase: 'pre', pre: [5], posts: [], practiceDone: 0, evaluationDone: false });
    const other = demoModule({ deck: { kind: 'demo', seed: 8 } });
    expect(decodeSuspendData(other, raw)).toEqual({ ok: false, reason: 'saved progress belongs to another version of this module' });
    for (const bad of ['XR1', 'XR2|a|p|0|0|', `${raw}9`, raw.replace('|p|', '|z|'), raw.replace(/\|0\|0\|/, '|0|7|'), `${raw}|1|2|3|4`]) {
      const r = decodeSuspendData(def, bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(decodeSuspendData(def, '')).toEqual({ ok: false, reason: 'no saved progress' });
  });
});

import { describe, expect, it } from 'vitest';
import { decodeSuspendData, encodeSuspendData, MAX_ATTEMPTS, MAX_TEST_CASES, SCORM12_SUSPEND_LIMIT, type ModuleProgress } from '../../../src/lms/index.js';
import { demoModule } from '../../helpers/lms-module.js';

describe('suspend data', () => {
  it('round-trips a module caught mid post-test', () => {
    const def = demoModule();
    const p: ModuleProgress = { phase: 'post', pre: [5, 2, 0, 6], posts: [[1, 2, 3, 4], [6, 0]], practiceDone: 2, evaluationDone: false };
    const raw = encodeSuspendData(def, p);
    expect(raw).toMatch(/^XR2\|[0-9a-z]+\|o\|2\|0\|\|5206\|1234\|60$/);
    expect(decodeSuspendData(def, raw)).toEqual({ ok: true, progress: p, clock: null });
    const clock = { index: 2, startedAt: Date.parse('2026-06-02T09:00:00Z'), pausedAt: Date.parse('2026-06-02T09:00:31Z') };
    const timed = encodeSuspendData(def, p, clock);
    expect(timed).toMatch(/^XR2\|[0-9a-z]+\|o\|2\|0\|2\.[0-9a-z]{8}\.[0-9a-z]{8}\|5206\|1234\|60$/);
    expect(decodeSuspendData(def, timed)).toEqual({ ok: true, progress: p, clock });
  });

  it('fits SCORM 1.2 at the largest module the schema allows (50 + 50 cases x 5 attempts, a paused clock), with room to spare', () => {
    const def = demoModule({ preCases: MAX_TEST_CASES, postCases: MAX_TEST_CASES, attempts: MAX_ATTEMPTS, practiceCases: 20 });
    const full = Array.from({ length: MAX_TEST_CASES }, (_, i) => ((i % 6) + 1) as 1);
    const last = full.slice(0, MAX_TEST_CASES - 1);
    // The last attempt one case short, with that case's clock paused: the largest a record gets.
    const p: ModuleProgress = { phase: 'post', pre: full, posts: [...Array.from({ length: MAX_ATTEMPTS - 1 }, () => full), last], practiceDone: 20, evaluationDone: false };
    const clock = { index: MAX_TEST_CASES - 1, startedAt: Date.parse('2099-12-31T23:59:00Z'), pausedAt: Date.parse('2099-12-31T23:59:59Z') };
    const raw = encodeSuspendData(def, p, clock);
    // Measured: printed so the report can quote it.
    console.log(`largest suspend data: ${raw.length} characters (limit ${SCORM12_SUSPEND_LIMIT})`);
    expect(raw.length).toBeLessThan(400);
    expect(raw.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeSuspendData(def, raw)).toEqual({ ok: true, progress: p, clock });
  });

  it('refuses a record of another module or a damaged one, saying why, without throwing', () => {
    const def = demoModule();
    const raw = encodeSuspendData(def, { phase: 'pre', pre: [5], posts: [], practiceDone: 0, evaluationDone: false });
    const other = demoModule({ deck: { kind: 'demo', seed: 8 } });
    expect(decodeSuspendData(other, raw)).toEqual({ ok: false, reason: 'saved progress belongs to another version of this module' });
    for (const bad of ['XR1', 'XR3|a|p|0|0||', `${raw}9`, raw.replace('|p|', '|z|'), raw.replace(/\|0\|0\|/, '|0|7|'), `${raw}|1|2|3|4`, raw.replace('|0|0||', '|0|0|x.y|')]) {
      const r = decodeSuspendData(def, bad);
      expect(r.ok, bad).toBe(false);
    }
    expect(decodeSuspendData(def, '')).toEqual({ ok: false, reason: 'no saved progress' });
  });
});

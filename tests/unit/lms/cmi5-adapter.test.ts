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

describe('cmi5 progress', () => {
  it('a failed "progressed" statement does not keep the state document from being written', async () => {
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    fakeLrs.failNext.set('progressed', httpError(503));
    await a.setProgress(0.4, 'pre:2:0:0', 'XR2|resume');
    await a.commit();
    expect(fakeLrs.state).toMatchObject({ resumeData: 'XR2|resume', progress: 0.4 });
  });
});

describe('cmi5 saved state', () => {
  it('a 404 is a fresh start', async () => {
    const launch = await new Cmi5Adapter(LAUNCH, memoryStore()).initialize();
    expect(launch.resumeData).toBe('');
  });

  it('any other failure to read it stops with what to do, and nothing is overwritten', async () => {
    fakeLrs.state = { resumeData: 'XR2|saved', progress: 0.9, location: 'x', sentResult: 'passed', sentCompleted: false };
    fakeLrs.failNext.set('getState', httpError(503));
    await expect(new Cmi5Adapter(LAUNCH, memoryStore()).initialize()).rejects.toThrow(LmsError);
    fakeLrs.failNext.set('getState', httpError(401));
    await expect(new Cmi5Adapter(LAUNCH, memoryStore()).initialize()).rejects.toThrow(/HTTP 401.*Reload the page in a few minutes.*LMS administrator/);
    expect(verbs()).not.toContain('setState');
    expect(fakeLrs.state).toMatchObject({ resumeData: 'XR2|saved', sentResult: 'passed' });
  });
});

describe('cmi5 session end', () => {
  it('a reload after terminated sends nothing and says to open the module again from the LMS (9.3.8)', async () => {
    const session = memoryStore();
    const a = new Cmi5Adapter(LAUNCH, session);
    await a.initialize();
    await a.finish('normal');
    expect(verbs().at(-1)).toBe('terminated');
    fakeLrs.sent = [];
    await expect(new Cmi5Adapter(LAUNCH, session).initialize()).rejects.toThrow('This session has ended: open the module again from your LMS.');
    expect(fakeLrs.sent).toEqual([]);
  });

  it('goes to the returnURL after terminated (section 10.0), and only to an http(s) one', async () => {
    fakeLrs.launchData = { ...fakeLrs.launchData, returnURL: 'https://lms.example/course/7' };
    const went: string[] = [];
    const a = new Cmi5Adapter(LAUNCH, memoryStore(), undefined, (url) => void went.push(`${url} after ${verbs().at(-1)}`));
    await a.initialize();
    await a.finish('suspend');
    expect(went).toEqual(['https://lms.example/course/7 after terminated']);
    resetFakeLrs();
    fakeLrs.launchData = { ...fakeLrs.launchData, returnURL: 'javascript:alert(1)' };
    const b = new Cmi5Adapter(LAUNCH, memoryStore(), undefined, (url) => void went.push(url));
    await b.initialize();
    await b.finish('normal');
    expect(went).toHaveLength(1);
  });
});

describe('cmi5 result sent again', () => {
  it('passed and completed go once per registration, however often the run reports (9.3.2-9.3.4)', async () => {
    const r = { scaled: 1, raw: { correct: 4, total: 4 }, passed: true, completed: true };
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    await a.setResult(r);
    await a.setResult(r);
    const again = new Cmi5Adapter(LAUNCH, memoryStore()); // another session of the same registration
    await again.initialize();
    await again.setResult(r);
    expect(verbs().filter((v) => v === 'passed' || v === 'completed')).toEqual(['passed', 'completed']);
  });
});

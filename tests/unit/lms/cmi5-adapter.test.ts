import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Cmi5Adapter, LmsError, memoryStore, type LmsInteraction } from '../../../src/lms/index.js';
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

describe('cmi5 "answered" statements the LRS did not take', () => {
  const answer = (id: string): LmsInteraction => ({
    id, kind: 'rating', description: `case ${id}`, response: '5', correctResponses: ['4', '5', '6'], result: 'correct', latencyMs: 4000, at: new Date('2026-06-02T09:05:00Z'),
  });
  const answered = (): unknown[] => fakeLrs.sent.filter((s) => s.verb === 'answered').map((s) => s.arg);

  it('go again, in order, before the next one; the failure still reaches the caller', async () => {
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    fakeLrs.failNext.set('answered', httpError(503));
    await expect(a.recordInteraction(answer('pre-01-c1'))).rejects.toThrow(/503/);
    await a.recordInteraction(answer('pre-02-c2'));
    expect(answered()).toEqual(['pre/01-c1', 'pre/02-c2']);
    await a.commit();
    expect((fakeLrs.state as { unsent?: unknown[] }).unsent).toEqual([]);
  });

  it('are kept in the state document, so a reload sends them before its first statement and before terminated', async () => {
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    fakeLrs.failNext.set('answered', httpError(503));
    await expect(a.recordInteraction(answer('drill-c0007'))).rejects.toThrow();
    expect((fakeLrs.state as { unsent?: { id: string }[] }).unsent?.map((u) => u.id)).toEqual(['drill-c0007']);
    fakeLrs.sent = [];
    const b = new Cmi5Adapter(LAUNCH, memoryStore());
    await b.initialize();
    await b.finish('suspend');
    expect(fakeLrs.sent.map((s) => s.verb).filter((v) => v !== 'getState' && v !== 'initialize')).toEqual(['answered', 'setState', 'terminated']);
    expect(answered()).toEqual(['drill/c0007']);
  });

  it('a damaged entry in the saved list is dropped, not sent', async () => {
    fakeLrs.state = { resumeData: '', progress: 0, location: '', sentResult: null, sentCompleted: false, unsent: [{ id: 'x' }, null, 'y'] };
    const a = new Cmi5Adapter(LAUNCH, memoryStore());
    await a.initialize();
    await a.recordInteraction(answer('post1-01-c3'));
    expect(answered()).toEqual(['post1/01-c3']);
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

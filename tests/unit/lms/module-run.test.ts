import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import {
  encodeSuspendData, LmsFinishedError, ModuleRun, Scorm12Adapter, Scorm2004Adapter, StandaloneAdapter, memoryStore, type Scorm12Api, type Scorm2004Api,
} from '../../../src/lms/index.js';
import { demoModule, planFor, playModule, ratingFor } from '../../helpers/lms-module.js';

/**
 * scorm-again (a maintained LMS-side runtime) stands in for the LMS. Many elements are write-only to content, so the
 * test reads what the LMS received from the runtime's SetValue events: the values an LMS would store.
 */
function lms12(): Scorm12API & { values: Map<string, string> } {
  const api = Object.assign(new Scorm12API({ logLevel: 5 }), { values: new Map<string, string>() });
  api.on('LMSSetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
  return api;
}
function lms2004(): Scorm2004API & { values: Map<string, string> } {
  const api = Object.assign(new Scorm2004API({ logLevel: 5 }), { values: new Map<string, string>() });
  api.on('SetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
  return api;
}

describe('a module run recorded by a SCORM 1.2 LMS', () => {
  it('fails the first post-test, passes the retry; status, score, interactions, exit and one finish', async () => {
    const def = demoModule();
    const api = lms12();
    let finishes = 0;
    api.on('LMSFinish', () => void finishes++);
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    await playModule(run, [1, 4], false);
    expect(api.cmi.core.lesson_status).toBe('passed');
    expect(api.cmi.core.score.raw).toBe('100');
    expect(api.cmi.core.score.min).toBe('0');
    expect(api.cmi.core.score.max).toBe('100');
    // 4 pre + 2 x 4 post + 4 evaluation items.
    expect(api.cmi.interactions.childArray).toHaveLength(16);
    const v = api.values;
    expect(v.get('cmi.interactions.0.id')).toBe('pre-01-demo-7-r1c1');
    expect(v.get('cmi.interactions.0.type')).toBe('choice');
    expect(['correct', 'wrong']).toContain(v.get('cmi.interactions.0.result'));
    expect(v.get('cmi.interactions.0.student_response')).toMatch(/^[1-6]$/);
    expect(v.get('cmi.interactions.0.latency')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(v.get('cmi.interactions.0.time')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(v.get('cmi.interactions.4.result')).toBe('correct'); // post 1, case 1 answered right
    expect(v.get('cmi.interactions.5.result')).toBe('wrong');
    expect(api.cmi.suspend_data).toMatch(/^XR2\|/);
    await run.close();
    expect(api.values.get('cmi.core.exit')).toBe('');
    expect(api.values.get('cmi.core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    expect(finishes).toBe(1);
    await expect(run.close()).rejects.toThrow(LmsFinishedError);
    expect(finishes).toBe(1);
  });

  it('resumes mid post-test from the committed suspend data after the window was closed', async () => {
    const def = demoModule();
    const api = lms12();
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    await run.beginPreTest();
    for (let i = 0; i < 4; i++) await run.answer(ratingFor(run, true));
    await run.finishTeaching();
    await run.answerPractice();
    await run.answerPractice();
    await run.answer(ratingFor(run, true));
    await run.suspend();
    expect(api.values.get('cmi.core.exit')).toBe('suspend');
    // A new session of the same learner: the LMS hands back what was committed, with entry=resume.
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api.cmi.suspend_data });
    const run2 = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api2 as unknown as Scorm12Api));
    expect(run2.resumeProblem).toBeNull();
    expect(run2.progress.phase).toBe('post');
    expect(run2.currentCase?.index).toBe(1);
    expect(run2.progress.pre).toEqual(run.progress.pre);
  });

  it('keeps an answer whose statement was still travelling when the window closed', async () => {
    const def = demoModule();
    const api = lms12();
    const adapter = new Scorm12Adapter(api as unknown as Scorm12Api);
    const run = await ModuleRun.open(def, planFor(def), adapter);
    await run.beginPreTest();
    await run.answer(ratingFor(run, true));
    // The second answer's statement never arrives: the page goes while it travels.
    adapter.recordInteraction = () => new Promise<void>(() => undefined);
    void run.answer(ratingFor(run, true));
    await new Promise((r) => setTimeout(r, 0));
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api.cmi.suspend_data });
    const run2 = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api2 as unknown as Scorm12Api));
    expect(run2.progress.pre).toHaveLength(2);
    expect(run2.currentCase?.index).toBe(2);
  });

  it('keeps the clock of the case on screen: a window closed mid-case brings it back with the time that was left', async () => {
    const def = demoModule();
    const api = lms12();
    let commits = 0;
    api.on('LMSCommit', () => void commits++);
    const t = Date.parse('2026-06-02T09:00:00Z');
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api), () => new Date(t));
    await run.beginPreTest();
    await run.answer(ratingFor(run, true));
    const before = commits;
    await run.caseClock(t, null); // case 2 appears
    expect(commits).toBe(before + 1); // committed at once, not left to pagehide
    expect(api.cmi.suspend_data).toMatch(new RegExp(`^XR2\\|[0-9a-z]+\\|p\\|0\\|0\\|1\\.${t.toString(36)}\\|[25]$`));
    await run.caseClock(t - 5_000, t + 20_000); // paused after 25 s on it (the start moved by an earlier 5 s pause)
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api.cmi.suspend_data });
    const run2 = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api2 as unknown as Scorm12Api));
    // Paused when the window closed: the clock stood still while it was closed.
    expect(run2.openCaseElapsedMs(t + 3_600_000)).toBe(25_000);
    await run2.caseClock(t, null);
    const api3 = lms12();
    api3.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api2.cmi.suspend_data });
    const run3 = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api3 as unknown as Scorm12Api));
    // Running when the window closed: the clock ran on while it was closed (a reload buys no time).
    expect(run3.openCaseElapsedMs(t + 40_000)).toBe(40_000);
    await run3.answer(ratingFor(run3, true));
    expect(run3.openCaseElapsedMs(t + 50_000)).toBeNull(); // answered: the next case brings its own clock
    expect(api3.cmi.suspend_data).toMatch(/^XR2\|[0-9a-z]+\|p\|0\|0\|\|[25]{2}$/);
  });

  it('still reads a resume record of version 1 (answers only): its open case starts with a full clock', async () => {
    const def = demoModule();
    const now = encodeSuspendData(def, { phase: 'pre', pre: [5, 2], posts: [], practiceDone: 0, evaluationDone: false });
    const v1 = now.replace(/^XR2/, 'XR1').replace('|0|0||', '|0|0|');
    const api = lms12();
    api.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: v1 });
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    expect(run.resumeProblem).toBeNull();
    expect(run.progress.pre).toEqual([5, 2]);
    expect(run.openCaseElapsedMs(Date.now())).toBeNull();
  });

  it('fails after the last attempt: lesson_status failed, the best attempt as the score', async () => {
    const def = demoModule({ attempts: 2 });
    const api = lms12();
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    await playModule(run, [1, 2]);
    expect(api.cmi.core.lesson_status).toBe('failed');
    expect(api.cmi.core.score.raw).toBe('50');
    expect(run.progress.phase).toBe('done');
  });
});

describe('a module run recorded by a SCORM 2004 4th edition LMS', () => {
  it('keeps completion and success apart, scaled score, progress measure, interactions with learner_response', async () => {
    const def = demoModule({ standard: 'scorm2004' });
    const api = lms2004();
    const run = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api as unknown as Scorm2004Api));
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
    await run.beginPreTest();
    await run.answer(null); // the clock ran out
    expect(api.values.get('cmi.interactions.0.result')).toBe('incorrect');
    expect(api.values.has('cmi.interactions.0.learner_response')).toBe(false);
    expect(api.values.get('cmi.interactions.0.timestamp')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\dZ$/);
    for (let i = 1; i < 4; i++) await run.answer(ratingFor(run, true));
    await run.finishTeaching();
    await run.answerPractice();
    await run.answerPractice();
    for (let i = 0; i < 4; i++) await run.answer(ratingFor(run, i < 3));
    // 3 of 4 = 0.75 reaches the default pass mark: success is known, completion is not yet.
    expect(api.cmi.success_status).toBe('passed');
    expect(api.cmi.completion_status).toBe('incomplete');
    expect(api.cmi.score.scaled).toBe('0.75');
    // raw is the count of correct calls out of the scored cases, not a percentage with decimals.
    expect([api.cmi.score.raw, api.cmi.score.min, api.cmi.score.max]).toEqual(['3', '0', '4']);
    await run.beginEvaluation();
    await run.submitEvaluation({ relevance: 4, intentToChange: 3, commercialBias: true, comments: '' });
    expect(api.cmi.completion_status).toBe('completed');
    expect(api.cmi.progress_measure).toBe('1');
    expect(api.values.get('cmi.interactions.4.learner_response')).toMatch(/^[1-6]$/);
    expect(api.values.get('cmi.interactions.4.latency')).toMatch(/^PT/);
    expect(api.values.get('cmi.interactions.4.description')).toMatch(/^Post-test 1 case 1: /);
    await run.close();
    expect(api.values.get('cmi.exit')).toBe('normal');
    expect(api.values.get('cmi.session_time')).toMatch(/^PT/);
  });

  it('the LMS pass mark (scaled_passing_score) replaces the module one', async () => {
    const def = demoModule({ standard: 'scorm2004' });
    const api = lms2004();
    api.loadFromJSON({ scaled_passing_score: '1' });
    const run = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api as unknown as Scorm2004Api));
    expect(run.passMark).toBe(1);
  });
});

describe('standalone (no LMS)', () => {
  it('plays the same module, keeps its records in the browser store and says it is not tracked', async () => {
    const def = demoModule();
    const store = memoryStore();
    const run = await ModuleRun.open(def, planFor(def), new StandaloneAdapter(store, 'k', 'no SCORM API found'));
    expect(run.launch.isTracked).toBe(false);
    expect(run.launch.standaloneReason).toBe('no SCORM API found');
    await playModule(run, [4]);
    const saved = JSON.parse(store.data.get('k') ?? '{}');
    expect(saved.result).toEqual({ scaled: 1, raw: { correct: 4, total: 4 }, passed: true, completed: true });
    expect(saved.interactions).toHaveLength(4 + 4 + 4);
    expect(saved.exit).toBe('normal');
  });
});

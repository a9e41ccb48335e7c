import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import {
  drillAnswerFromInteraction, DrillModuleRun, LmsError, LmsFinishedError, memoryStore, Scorm12Adapter, Scorm2004Adapter, StandaloneAdapter, type Scorm12Api,
  type Scorm2004Api,
} from '../../../src/lms/index.js';
import { demoDrill, scriptedAnswer, worklistOf } from '../../helpers/lms-drill.js';

/**
 * A readiness drill through an LMS (scorm-again as the LMS runtime, as in module-run.test.ts): completion only, one
 * neutral interaction per film that reads back, commits on every answer, one finish, resume from the record.
 */
function lms12(learnerId = 'r-0042'): Scorm12API & { values: Map<string, string>; statuses: string[]; commits: number; finishes: number } {
  const api = Object.assign(new Scorm12API({ logLevel: 5 }), { values: new Map<string, string>(), statuses: [] as string[], commits: 0, finishes: 0 });
  api.loadFromJSON({ core: { student_id: learnerId, student_name: 'Kowalski, Łukasz' } });
  api.on('LMSSetValue.cmi.*', (el: string, v: string) => {
    api.values.set(el, v);
    if (el === 'cmi.core.lesson_status') api.statuses.push(v);
  });
  api.on('LMSCommit', () => void api.commits++);
  api.on('LMSFinish', () => void api.finishes++);
  return api;
}

describe('a drill module recorded by a SCORM 1.2 LMS', () => {
  it('keeps an answer whose statement was still travelling when the window closed', async () => {
    const d = demoDrill();
    const api = lms12();
    const adapter = new Scorm12Adapter(api as unknown as Scorm12Api);
    const run = await DrillModuleRun.open(d, adapter, worklistOf(d));
    await run.answer(scriptedAnswer(d, run.films[0] as string, 0));
    adapter.recordInteraction = () => new Promise<void>(() => undefined); // the page goes while it travels
    void run.answer(scriptedAnswer(d, run.films[1] as string, 1));
    await new Promise((r) => setTimeout(r, 0));
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api.cmi.suspend_data });
    const run2 = await DrillModuleRun.open(d, new Scorm12Adapter(api2 as unknown as Scorm12Api), worklistOf(d));
    expect(run2.currentFilm).toBe(run.films[2]);
  });

  it('plays the worklist: a neutral interaction per film, commit on every answer, completed without a score, one finish', async () => {
    const d = demoDrill();
    const api = lms12();
    const run = await DrillModuleRun.open(d, new Scorm12Adapter(api as unknown as Scorm12Api), worklistOf(d));
    expect(run.films).toHaveLength(6);
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    for (const [i, film] of run.films.entries()) {
      const before = api.commits;
      await run.answer(scriptedAnswer(d, film, i));
      expect(api.commits).toBeGreaterThan(before);
      if (i < run.films.length - 1) expect(api.cmi.core.lesson_status).toBe('incomplete');
    }
    expect(api.cmi.core.lesson_status).toBe('completed');
    expect(api.statuses).toEqual(['incomplete', 'completed']); // never passed or failed
    expect([...api.values.keys()].filter((k) => k.startsWith('cmi.core.score'))).toEqual([]);
    expect(api.cmi.interactions.childArray).toHaveLength(6);
    for (const [i, film] of run.films.entries()) {
      const p = `cmi.interactions.${i}`;
      expect(api.values.get(`${p}.id`)).toBe(`drill-${film}`);
      expect(api.values.get(`${p}.type`)).toBe('fill-in');
      expect(api.values.get(`${p}.result`)).toBe('neutral');
      expect(api.values.get(`${p}.latency`)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      const back = drillAnswerFromInteraction(null, api.values.get(`${p}.student_response`) ?? '', null);
      expect(back).toEqual(scriptedAnswer(d, film, i));
    }
    expect(api.values.get('cmi.interactions.0.student_response')).toMatch(/^read=abnormal flag=1 tell=texture-noise hint=none rating=- ms=2000 film=demo-7-r1c\d$/);
    expect(api.cmi.suspend_data).toMatch(/^XD1\|/);
    await run.close();
    expect(api.values.get('cmi.core.exit')).toBe('');
    expect(api.finishes).toBe(1);
    await expect(run.close()).rejects.toThrow(LmsFinishedError);
    expect(api.finishes).toBe(1);
  });

  it('resumes mid-worklist with the answers and the open film clock; refuses an answer to another film', async () => {
    const d = demoDrill();
    const api = lms12();
    const t = Date.parse('2026-06-02T09:00:00Z');
    const run = await DrillModuleRun.open(d, new Scorm12Adapter(api as unknown as Scorm12Api), worklistOf(d), () => new Date(t));
    await run.answer(scriptedAnswer(d, run.films[0]!, 0));
    await run.answer(scriptedAnswer(d, run.films[1]!, 1));
    await expect(run.answer(scriptedAnswer(d, run.films[4]!, 2))).rejects.toThrow(LmsError);
    await run.caseClock(t, null);
    await run.close(); // the window closes: exit suspend
    expect(api.values.get('cmi.core.exit')).toBe('suspend');
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: api.cmi.suspend_data });
    const run2 = await DrillModuleRun.open(d, new Scorm12Adapter(api2 as unknown as Scorm12Api), worklistOf(d));
    expect(run2.resumeProblem).toBeNull();
    expect(run2.answers).toEqual(run.answers);
    expect(run2.currentFilm).toBe(run.films[2]);
    expect(run2.openCaseElapsedMs(t + 30_000)).toBe(30_000);
  });

  it('orders the films by the learner: the same films for everyone, a counterbalanced order per learner id', async () => {
    const d = demoDrill({ mode: { casesPerRound: 24 } });
    const orders = ['r-0001', 'r-0002', 'r-0003', 'r-0004'].map((id) => worklistOf(d)(id).films);
    for (const o of orders) expect([...o].sort()).toEqual([...orders[0]!].sort());
    expect(new Set(orders.map((o) => o.join(','))).size).toBeGreaterThan(1);
    expect(worklistOf(d)('r-0001').films).toEqual(orders[0]); // stable for a learner
  });
});

describe('a drill module recorded by a SCORM 2004 LMS', () => {
  it('completion completed, success unknown, no score; interactions with learner_response and result neutral', async () => {
    const d = demoDrill({ standard: 'scorm2004', mode: { answer: 'rating', drill: { aiHint: { accuracy: 0.8 }, opens: null, closes: null, title: null, briefing: null } } });
    const api = Object.assign(new Scorm2004API({ logLevel: 5 }), { values: new Map<string, string>() });
    api.loadFromJSON({ learner_id: 'r-0042', learner_name: 'Kowalski, Łukasz' });
    api.on('SetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
    const run = await DrillModuleRun.open(d, new Scorm2004Adapter(api as unknown as Scorm2004Api), worklistOf(d));
    const hints = worklistOf(d)('r-0042');
    for (const [i, film] of run.films.entries()) await run.answer(scriptedAnswer(d, film, i, hints.hintOf(film)));
    expect(api.cmi.completion_status).toBe('completed');
    expect(api.cmi.success_status).toBe('unknown');
    expect(api.cmi.progress_measure).toBe('1');
    expect([...api.values.keys()].filter((k) => k.startsWith('cmi.score'))).toEqual([]);
    expect(api.values.get('cmi.interactions.0.result')).toBe('neutral');
    expect(api.values.get('cmi.interactions.4.learner_response')).toMatch(/^read=- flag=- tell=none hint=(none|authentic|manipulated) rating=timeout ms=60000 film=/);
    await run.close();
    expect(api.values.get('cmi.exit')).toBe('normal');
  });
});

describe('a drill module in a Browse or Review launch records nothing', () => {
  it('SCORM 2004 cmi.mode browse: the worklist plays, with no suspend_data, interactions, progress or completion', async () => {
    const d = demoDrill({ standard: 'scorm2004' });
    const api = Object.assign(new Scorm2004API({ logLevel: 5 }), { values: new Map<string, string>() });
    api.loadFromJSON({ learner_id: 'r-0042', mode: 'browse' });
    api.on('SetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
    const run = await DrillModuleRun.open(d, new Scorm2004Adapter(api as unknown as Scorm2004Api), worklistOf(d));
    expect(run.launch.mode).toBe('browse');
    await run.caseClock(1000, null);
    for (const [i, film] of run.films.entries()) await run.answer(scriptedAnswer(d, film, i));
    expect(run.isComplete).toBe(true);
    const written = [...api.values.keys()];
    expect(written.filter((k) => k.startsWith('cmi.interactions') || k === 'cmi.suspend_data' || k === 'cmi.progress_measure')).toEqual([]);
    expect(api.values.get('cmi.completion_status')).not.toBe('completed');
  });

  it('SCORM 1.2 lesson_mode review: a later Normal launch starts the worklist afresh', async () => {
    const d = demoDrill();
    const api = lms12();
    api.loadFromJSON({ core: { lesson_mode: 'review' } });
    const run = await DrillModuleRun.open(d, new Scorm12Adapter(api as unknown as Scorm12Api), worklistOf(d));
    await run.answer(scriptedAnswer(d, run.films[0] as string, 0));
    await run.close();
    expect(api.values.has('cmi.suspend_data')).toBe(false);
    expect(api.cmi.interactions.childArray).toHaveLength(0);
    const api2 = lms12();
    api2.loadFromJSON({ core: { entry: 'resume' }, suspend_data: api.cmi.suspend_data });
    const run2 = await DrillModuleRun.open(d, new Scorm12Adapter(api2 as unknown as Scorm12Api), worklistOf(d));
    expect(run2.currentFilm).toBe(run2.films[0]);
  });
});

describe('a drill module with no LMS (standalone)', () => {
  it('keeps a completion-only result in the browser store', async () => {
    const d = demoDrill();
    const store = memoryStore();
    const run = await DrillModuleRun.open(d, new StandaloneAdapter(store, 'k', 'no SCORM API found'), worklistOf(d));
    for (const [i, film] of run.films.entries()) await run.answer(scriptedAnswer(d, film, i));
    await run.close();
    const saved = JSON.parse(store.data.get('k') ?? '{}');
    expect(saved.result).toEqual({ scaled: null, raw: null, passed: null, completed: true });
    expect(saved.interactions).toHaveLength(6);
    expect(saved.exit).toBe('normal');
  });
});

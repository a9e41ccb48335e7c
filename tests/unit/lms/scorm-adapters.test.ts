import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import {
  certificateNotRecorded, ModuleRun, recordsCredit, Scorm12Adapter, type Scorm12Api, Scorm2004Adapter, type Scorm2004Api,
} from '../../../src/lms/index.js';
import { demoModule, planFor, playModule, ratingFor } from '../../helpers/lms-module.js';

/** scorm-again stands in for the LMS; what the SCO set is read from its SetValue events (module-run.test.ts). */
function lms12(): Scorm12API & { values: Map<string, string>; commits: number } {
  const api = Object.assign(new Scorm12API({ logLevel: 5 }), { values: new Map<string, string>(), commits: 0 });
  api.on('LMSSetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
  api.on('LMSCommit', () => void api.commits++);
  return api;
}
function lms2004(): Scorm2004API & { values: Map<string, string>; commits: number } {
  const api = Object.assign(new Scorm2004API({ logLevel: 5 }), { values: new Map<string, string>(), commits: 0 });
  api.on('SetValue.cmi.*', (el: string, v: string) => void api.values.set(el, v));
  api.on('Commit', () => void api.commits++);
  return api;
}

describe('a SCORM window closed without finishing keeps the attempt', () => {
  it('SCORM 2004: cmi.exit is suspend and committed right after Initialize (RTE 4.2.12)', async () => {
    const api = lms2004();
    await new Scorm2004Adapter(api as unknown as Scorm2004Api).initialize();
    expect(api.values.get('cmi.exit')).toBe('suspend');
    expect(api.commits).toBe(1);
  });

  it('SCORM 1.2: cmi.core.exit is suspend and committed right after LMSInitialize', async () => {
    const api = lms12();
    await new Scorm12Adapter(api as unknown as Scorm12Api).initialize();
    expect(api.values.get('cmi.core.exit')).toBe('suspend');
    expect(api.commits).toBe(1);
  });
});

describe('a reloaded SCORM popup carries on with the live session in its opener', () => {
  it('SCORM 2004: Initialize answering 103 (already initialized) goes on with the same data', async () => {
    const def = demoModule();
    const api = lms2004();
    const run = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api as unknown as Scorm2004Api));
    await run.beginPreTest();
    await run.answer(ratingFor(run, true));
    const again = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api as unknown as Scorm2004Api));
    expect(again.progress.pre).toHaveLength(1);
  });

  it('SCORM 1.2: LMSInitialize answering 101 goes on when LMSGetValue still works', async () => {
    const def = demoModule();
    const api = lms12();
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    await run.beginPreTest();
    await run.answer(ratingFor(run, true));
    const again = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(api as unknown as Scorm12Api));
    expect(again.progress.pre).toHaveLength(1);
  });
});

describe('a result the LMS did not take is sent again', () => {
  /** Plays to the certificate with the LMS refusing the completion: the progress is saved, the report is not. */
  async function refusedAtTheEnd(api: ReturnType<typeof lms2004>, def: ReturnType<typeof demoModule>): Promise<void> {
    const adapter = new Scorm2004Adapter(api as unknown as Scorm2004Api);
    const setResult = adapter.setResult.bind(adapter);
    adapter.setResult = async (r) => (r.completed ? Promise.reject(new Error('LMS error 391')) : setResult(r));
    const run = await ModuleRun.open(def, planFor(def), adapter);
    await expect(playModule(run, [4], false)).rejects.toThrow('LMS error 391');
    expect(run.progress.phase).toBe('certificate');
  }
  const relaunch = (api: ReturnType<typeof lms2004>): ReturnType<typeof lms2004> => {
    const next = lms2004();
    next.loadFromJSON({ entry: 'resume', completion_status: api.cmi.completion_status, suspend_data: api.cmi.suspend_data });
    return next;
  };

  it('on opening again', async () => {
    const def = demoModule({ standard: 'scorm2004' });
    const api = lms2004();
    await refusedAtTheEnd(api, def);
    expect(api.cmi.completion_status).toBe('incomplete');
    const api2 = relaunch(api);
    const run = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api2 as unknown as Scorm2004Api));
    expect(run.reportProblem).toBeNull();
    expect(api2.values.get('cmi.completion_status')).toBe('completed');
    expect(api2.values.get('cmi.success_status')).toBe('passed');
  });

  it('on closing, when opening could not send it either', async () => {
    const def = demoModule({ standard: 'scorm2004' });
    const api = lms2004();
    await refusedAtTheEnd(api, def);
    const api2 = relaunch(api);
    const adapter = new Scorm2004Adapter(api2 as unknown as Scorm2004Api);
    const setResult = adapter.setResult.bind(adapter);
    let refuse = true;
    adapter.setResult = async (r) => (refuse ? Promise.reject(new Error('LMS error 391')) : setResult(r));
    const run = await ModuleRun.open(def, planFor(def), adapter);
    expect(run.reportProblem).toMatch(/391/);
    refuse = false;
    await run.close();
    expect(api2.values.get('cmi.completion_status')).toBe('completed');
    expect(api2.values.get('cmi.exit')).toBe('normal');
  });
});

describe('a browse or review launch records nothing', () => {
  it('SCORM 2004 cmi.mode browse: no suspend_data and no interactions, so a later Normal launch starts afresh', async () => {
    const def = demoModule({ standard: 'scorm2004' });
    const api = lms2004();
    api.loadFromJSON({ mode: 'browse' });
    const run = await ModuleRun.open(def, planFor(def), new Scorm2004Adapter(api as unknown as Scorm2004Api));
    expect(run.launch.mode).toBe('browse');
    await run.beginPreTest();
    await run.answer(ratingFor(run, true));
    expect(run.progress.pre).toHaveLength(1);
    expect(api.values.has('cmi.suspend_data')).toBe(false);
    expect([...api.values.keys()].filter((k) => k.startsWith('cmi.interactions'))).toEqual([]);
  });

  it('claims no credit: recorded only when tracked and in Normal mode', () => {
    expect(recordsCredit({ isTracked: true, mode: 'normal' })).toBe(true);
    expect(recordsCredit({ isTracked: true, mode: 'review' })).toBe(false);
    expect(certificateNotRecorded({ isTracked: true, mode: 'browse' })).toBe('browse');
    expect(certificateNotRecorded({ isTracked: false, mode: 'normal' })).toBe(true);
    expect(certificateNotRecorded({ isTracked: true, mode: 'normal' })).toBe(false);
  });
});

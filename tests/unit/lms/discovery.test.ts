import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { findScormApi, ModuleRun, Scorm12Adapter, type FrameLike, type Scorm12Api } from '../../../src/lms/index.js';
import { demoModule, planFor, playModule } from '../../helpers/lms-module.js';

/** Window chains as an LMS builds them: the SCO in a frame, in a frame, or in a pop-up whose opener holds the API. */
function frame(parent: FrameLike | null, extra: Record<string, unknown> = {}): FrameLike {
  const w: FrameLike = { parent: null, ...extra };
  (w as { parent: FrameLike | null }).parent = parent ?? w; // a top window is its own parent
  return w;
}

describe('SCORM API discovery (ADL algorithm)', () => {
  const api = { LMSInitialize: () => 'true' };

  it('finds the API in a parent two frames up, and in the opener of a pop-up', () => {
    const top = frame(null, { API: api });
    const sco = frame(frame(top));
    expect(findScormApi(sco, 'API')).toBe(api);
    const popup = frame(null, { opener: frame(null, { API_1484_11: api }) });
    expect(findScormApi(popup, 'API_1484_11')).toBe(api);
  });

  it('skips a cross-origin frame that throws on access and keeps looking', () => {
    const top = frame(null, { API: api });
    const foreign = new Proxy(frame(top), { get: (t, k) => (k === 'parent' ? top : k === 'API' ? (() => { throw new Error('SecurityError'); })() : Reflect.get(t, k)) });
    expect(findScormApi(frame(foreign), 'API')).toBe(api);
  });

  it('gives up after the hop limit (7 for SCORM 1.2) and says null', () => {
    let w = frame(null, { API: api });
    for (let i = 0; i < 9; i++) w = frame(w);
    expect(findScormApi(w, 'API')).toBeNull();
  });
});

describe('review mode', () => {
  it('a review launch records no result (cmi.core.lesson_mode review)', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    lms.loadFromJSON({ core: { lesson_mode: 'review' } });
    const sets: string[] = [];
    lms.on('LMSSetValue.cmi.*', (el: string) => void sets.push(el));
    const def = demoModule();
    const run = await ModuleRun.open(def, planFor(def), new Scorm12Adapter(lms as unknown as Scorm12Api));
    expect(run.launch.mode).toBe('review');
    await playModule(run, [4]);
    // Not even 'incomplete' at the start: the LMS keeps the status it has.
    expect(sets.filter((e) => e.startsWith('cmi.core.score') || e === 'cmi.core.lesson_status')).toEqual([]);
  });
});

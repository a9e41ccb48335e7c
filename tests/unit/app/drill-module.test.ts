import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { closeModuleTestsAtTheirEnd, LOADING_MODULE } from '../../../src/app/index.js';
import { startModule } from '../../../src/app/module.js';
import { currentCaseId, type SessionState } from '../../../src/domain/index.js';
import { createCaseLibrary, planDemoDeck, type DemoCaseSpec } from '../../../src/decks/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { dispatchIntent, keyToIntent, type ModuleIntentActions } from '../../../src/input/index.js';
import { drillAnswerFromInteraction, encodeDrillModule } from '../../../src/lms/index.js';
import { trackingNotice } from '../../../src/presenters/index.js';
import { createGameStore, type ModuleView } from '../../../src/store/index.js';
import { demoDrill } from '../../helpers/lms-drill.js';
import { TECHNIQUES, truthOf } from '../../helpers/test-game.js';

/**
 * The drill module's app flow headless: the real store, key map, intents and app/drill-module.ts, a SCORM 1.2 LMS
 * (scorm-again) found on a window double, a fake case library (truths from the plan, as test-game.ts makes them).
 * Played by keys: briefing, films (1/2 read, F flag), a reload mid-worklist, the rest, the review, the debrief, Finish.
 */
type Api = Scorm12API & { finishes: number; statuses: string[]; responses: string[] };

function lms(saved: { suspend_data: string } | null): Api {
  const api = Object.assign(new Scorm12API({ logLevel: 5 }), { finishes: 0, statuses: [] as string[], responses: [] as string[] });
  api.loadFromJSON({ core: { student_id: 'r-0042', student_name: 'Kowalski, Łukasz', ...(saved ? { entry: 'resume', lesson_status: 'incomplete' } : {}) }, ...(saved ? { suspend_data: saved.suspend_data } : {}) });
  api.on('LMSFinish', () => void api.finishes++);
  api.on('LMSSetValue.cmi.*', (e: string, v: string) => {
    if (e === 'cmi.core.lesson_status') api.statuses.push(v);
    if (/^cmi\.interactions\.\d+\.student_response$/.test(e)) api.responses.push(v);
  });
  return api;
}

function windowWith(api: Api): Window {
  const storage = (): Storage => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as unknown as Storage;
  };
  const events = { addEventListener: () => undefined, removeEventListener: () => undefined };
  return { ...events, API: api, parent: null, location: { search: '?module=drill.json' }, sessionStorage: storage(), localStorage: storage(), fetch: async () => new Response(), document: { ...events, visibilityState: 'visible' } } as unknown as Window;
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

async function openPage(api: Api, drillJson: unknown, t: { now: number }) {
  const store = createGameStore({ now: () => t.now });
  const testEnds = closeModuleTestsAtTheirEnd(store);
  store.getState().setModuleView(LOADING_MODULE);
  const specs = new Map(planDemoDeck(7, demoDrill().mode, TECHNIQUES).rounds.flat().map((s) => [s.id as string, s]));
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const served = { moduleJson: async () => drillJson, manifest: async () => { throw new Error('no pack'); }, file: async () => new Uint8Array() };
  const actions: ModuleIntentActions = await startModule({
    store, library, served, testEnds, techniques: TECHNIQUES, atlas: [], window: windowWith(api), say: () => undefined, now: () => t.now, download: () => undefined,
  });
  const key = (k: string): void => {
    const st = store.getState();
    const intent = keyToIntent(k, { phase: st.session?.phase ?? 'title', screen: st.screen.name, error: st.screen.error !== null, module: st.cme.module !== null });
    if (intent) dispatchIntent(intent, { store, startSession: () => undefined, toTitle: () => store.getState().quitSession(), module: actions });
  };
  const session = (): SessionState => store.getState().session as SessionState;
  const show = (): void => store.getState().caseShown(truthOf(specs.get(currentCaseId(session()) ?? '') as DemoCaseSpec));
  return { store, key, session, show };
}

describe('a readiness drill launched by an LMS (headless)', () => {
  it('plays by keys, resumes after a reload with the clock running, reviews every film, finishes once, completion only', async () => {
    const d = demoDrill();
    const json = JSON.parse(encodeDrillModule(d));
    const t = { now: Date.parse('2026-06-02T09:00:00Z') };
    const api = lms(null);
    let p = await openPage(api, json, t);
    await settle();
    expect(p.store.getState().cme.module?.drill).toMatchObject({ title: 'Reading exercise', films: 6 });
    expect(p.session().phase).toBe('briefing'); // join-less: straight to the drill's own briefing
    p.key('Enter');
    const read = (k: '1' | '2', flag: boolean): void => {
      p.show();
      t.now += 3_000;
      p.key(k);
      if (flag) p.key('f');
      p.key('Enter');
    };
    read('2', true);
    read('1', false);
    await settle();
    p.show(); // film 3 appears; 20 s later the window closes
    await settle();
    expect(String(api.cmi.suspend_data)).toMatch(/^XD1\|[0-9a-z]+\|A-00un-00u\|2\.[0-9a-z]+$/);
    t.now += 20_000;

    const api2 = lms({ suspend_data: String(api.cmi.suspend_data) });
    p = await openPage(api2, json, t);
    await settle();
    expect(p.store.getState().cme.module).toMatchObject({ step: 'resume', answered: 2 });
    t.now += 5_000; // the welcome back page is read: the clock runs on
    p.key('Enter');
    p.show();
    expect(p.session().caseIndex).toBe(2);
    expect(t.now - p.session().caseStartedAt!).toBe(25_000); // the 20 s closed and the 5 s on the welcome page
    for (let i = 2; i < 6; i++) {
      if (i > 2) p.show();
      t.now += 2_000;
      p.key(i === 3 ? '2' : '1');
      p.key('Enter');
    }
    await settle();
    // The session on screen held films 3 to 6 only: it is rebuilt with all six before its review.
    expect(p.session().phase).toBe('roundReview');
    expect(p.session().records.map((r) => r.caseId)).toEqual(p.session().config.rounds[0]);
    expect(p.session().records[0]).toMatchObject({ read: 'abnormal', flagged: true, timeMs: 3_000 });
    p.key('Enter');
    expect(p.session().phase).toBe('summary'); // the debrief
    expect(api2.statuses).toEqual(['completed']); // completed at the last film, never passed or failed
    p.key('Enter'); // Finish
    await settle();
    expect(p.store.getState().cme.module?.finished).toBe(true);
    expect(api2.finishes).toBe(1);
    p.key('Enter');
    await settle();
    expect(api2.finishes).toBe(1);
    // One interaction a film, in the learner's order, across the two sessions; each reads back.
    const films = [...api.responses, ...api2.responses].map((r) => drillAnswerFromInteraction(null, r, null)?.caseId);
    expect(films).toEqual(p.session().config.rounds[0]);
  });

  it('a Review launch opens on the start page that says nothing is recorded, and sends no answer', async () => {
    const api = lms(null);
    api.loadFromJSON({ core: { lesson_mode: 'review' } });
    const t = { now: Date.parse('2026-06-02T09:00:00Z') };
    const p = await openPage(api, JSON.parse(encodeDrillModule(demoDrill())), t);
    await settle();
    const m = p.store.getState().cme.module;
    expect(m?.step).toBe('start');
    expect(trackingNotice(m?.lms as ModuleView['lms'])).toMatch(/review mode.*nothing you answer is recorded/);
    p.key('Enter');
    await settle();
    expect(p.session().phase).toBe('briefing');
    p.key('Enter');
    p.show();
    p.key('1');
    p.key('Enter');
    await settle();
    expect(p.session().records).toHaveLength(1);
    expect(api.responses).toEqual([]);
    expect(api.statuses).toEqual([]);
  });
});

import { totalCases, type SessionState } from '../domain/index.js';
import type { PackReader } from '../decks/index.js';
import type { ModuleBuilderActions, ModuleIntentActions } from '../input/index.js';
import { decodePackManifest, type PackManifest } from '../pack-format/index.js';
import type { GameStore, ModuleView } from '../store/index.js';

/**
 * Is this page a CME module launch, and where is its module.json? The packager writes the launch as
 * `index.html?module=module.json` (the SCORM item's parameters, the cmi5 AU's url) and also marks the packaged
 * index.html with `<meta name="xray-module">` for an LMS that drops the parameters. Light on purpose: main.ts reads
 * it before anything else, and the module's code (lms/, the LMS clients) loads only when the answer is yes.
 */
export function moduleLaunchUrl(search: string, doc: Pick<Document, 'querySelector'>): string | null {
  const given = new URLSearchParams(search).get('module');
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="xray-module"]')?.content ?? null;
  const url = given ?? meta;
  if (url === null || url.trim() === '') return null;
  // Only a file beside the game: a module is never read from another site.
  if (!/^[A-Za-z0-9._-][A-Za-z0-9._/-]*\.json$/.test(url) || url.includes('..')) throw new Error(`The module address '${url.slice(0, 80)}' is not a .json file beside the game.`);
  return url;
}

const FOLDER = /^[a-z0-9][a-z0-9._/-]{0,199}$/;

/**
 * The pack a module was made from, read from the module zip's deck folder on the same server (the LMS serves the
 * unpacked zip): the case library reads it like a stored pack. module.json is fetched once and shared with the
 * module's start-up (`moduleJson`).
 */
export interface ServedModule extends PackReader {
  moduleJson(): Promise<unknown>;
}

export function createServedModule(moduleUrl: string, fetchImpl: typeof fetch): ServedModule {
  let json: Promise<unknown> | null = null;
  let manifest: Promise<PackManifest> | null = null;
  const get = async (path: string): Promise<Uint8Array> => {
    const res = await fetchImpl(path);
    if (!res.ok) throw new Error(`${path} could not be read (HTTP ${res.status}); the module zip may be incomplete. Ask the course coordinator to upload it again.`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const folder = async (): Promise<string> => {
    const deck = (await moduleJson()) as { deck?: { folder?: unknown } } | null;
    const f = deck?.deck?.folder;
    if (typeof f !== 'string' || !FOLDER.test(f) || f.includes('..')) throw new Error('module.json names no deck folder for its pack.');
    return f;
  };
  const moduleJson = (): Promise<unknown> => {
    json ??= get(moduleUrl).then((b) => JSON.parse(new TextDecoder().decode(b)) as unknown);
    return json;
  };
  return {
    moduleJson,
    manifest: (packId) => {
      manifest ??= folder().then(async (f) => decodePackManifest(await get(`${f}/manifest.json`)));
      return manifest.then((m) => {
        if (m.id !== packId) throw new Error(`The module's deck is pack '${m.id}', not '${packId}'.`);
        return m;
      });
    },
    file: async (_packId, path) => get(`${await folder()}/${path}`),
  };
}

/**
 * The module's actions before its code has loaded: each call waits for the module, so a key pressed while it
 * loads is not lost.
 */
export function deferredModuleActions(ready: Promise<ModuleIntentActions>): ModuleIntentActions {
  return {
    act: (a) => void ready.then((m) => m.act(a)),
    submitEvaluation: (e) => void ready.then((m) => m.submitEvaluation(e)),
    makeCertificate: (n) => void ready.then((m) => m.makeCertificate(n)),
  };
}

/** The coordinator's module builder, loaded the first time it is opened (and once). */
export function lazyModuleBuilder(load: () => Promise<ModuleBuilderActions>): ModuleBuilderActions {
  let loaded: Promise<ModuleBuilderActions> | null = null;
  const get = (): Promise<ModuleBuilderActions> => {
    loaded ??= load();
    return loaded;
  };
  return { open: () => void get().then((b) => b.open()), build: (form) => void get().then((b) => b.build(form)) };
}

/** The modes a module plays its cases in (app/module-session.ts), by id. */
export const MODULE_MODE_IDS = { pre: 'cme-pre', practice: 'cme-practice', post: 'cme-post' } as const;

export interface ModuleTestEnds {
  /** Called with each module test as it ended (all its records), once its session has been closed. */
  onEnd(listener: (ended: SessionState) => void): void;
}

/**
 * Closes a module's test session at its end, before anything else sees that state: the pre-test and the practice
 * round as their last answer is recorded (the pre-test shows no feedback at all, and the practice round has shown
 * each case's already), the post-test after its review. It must be the store's first subscriber after the store's
 * own: zustand hands later listeners the state as it is after this one's change, so no screen, sound or status line
 * ever sees the pre-test's review (its verdicts would tell the answers) or a session summary the module replaces.
 */
export function closeModuleTestsAtTheirEnd(store: GameStore): ModuleTestEnds {
  const listeners: ((ended: SessionState) => void)[] = [];
  store.subscribe((st) => st.session, (s) => {
    // A drill module resumed mid-worklist ends without its earlier films: closed here, so no screen shows a review
    // or debrief that leaves them out; app/drill-module.ts brings back the whole worklist.
    if (s?.config.mode.drill && s.phase === 'roundReview' && s.records.length < totalCases(s)) {
      store.getState().quitSession();
      for (const l of listeners) l(s);
      return;
    }
    if (s?.config.mode.hooks !== 'cme') return;
    const ended = s.config.mode.id === MODULE_MODE_IDS.post ? s.phase === 'summary' : s.phase === 'roundReview';
    if (!ended) return;
    store.getState().quitSession();
    for (const l of listeners) l(s);
  });
  return { onEnd: (l) => void listeners.push(l) };
}

/** The view before module.json has been read. */
export const LOADING_MODULE: ModuleView = {
  step: 'loading', test: null,
  info: {
    title: 'CME module', provider: '', description: '', objectives: [], faculty: [], estimatedMinutes: 1, credits: 0, creditUnit: '', creditStatement: '',
    releaseDate: '', expiryDate: '', preCases: 0, postCases: 0, practiceCases: 0, attempts: 1, secondsPerCase: 0, passMark: 0,
  },
  availability: 'open',
  lms: { kind: 'standalone', tracked: true, recorded: true, notRecorded: false, commentLimit: 4000, learnerName: null, mode: 'normal', standaloneReason: null, returnUrl: null },
  outcome: { pre: null, attempts: [], passed: null, decisive: null },
  answered: 0, attempt: 1, teaching: [], busy: 'Reading the module and connecting to your learning management system...', problem: null, finished: false,
  certificate: { state: 'idle', message: null },
};

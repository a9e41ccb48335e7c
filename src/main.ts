import * as cornerstone from 'cornerstone-core';
import { parseImageId, type CaseId } from './domain/index.js';
import {
  createIdbOutboxStore, createIdbPackRepository, createIdbReaderKeyStore, createIdbSessionRepository, createTrainingReaderKeyStore, createTrainingRepository,
  localSettingsStorage,
} from './persistence/index.js';
import type { OutboxItem, SignedSession, StoredReaderKey } from './delivery/index.js';
import { TECHNIQUE_SUMMARIES } from './forgery/index.js';
import {
  atlasEntries, createCaseLibrary, createPackCaseSource, createWorkerCaseSource, createWorkerPackDecoder, DEMO_DECK_ID, DEMO_GENERATOR_VERSION, packGeneratorVersion, routeCaseSource,
} from './decks/index.js';
import { createWorkerLensService } from './lenses/index.js';
import { createGameStore } from './store/index.js';
import { createCornerstoneViewer, registerGameImageLoader } from './viewer/index.js';
import { createHowlerAudio } from './audio/index.js';
import {
  attachKeyboard, dispatchIntent, downloadFile, filePicker, installDrillReportInputs, installPackInputs, type FilePicker, type Intent,
} from './input/index.js';
import {
  bindViewerToStore, bindViewerVisibility, createStatusLine, startAudioDirector, startCaseFlow, startClock, startCountdownText, startDashboardCase,
  startPageTitle, startPersistence, startViewerWords,
} from './directors/index.js';
import type { DroppedItem } from './authoring/index.js';
import {
  APP_INFO, closeModuleTestsAtTheirEnd, createApp, createDrillApp, createPackActions, createResultsActions, createServedModule, createTraining, cspAllows,
  deferredModuleActions, lazyModuleBuilder, LOADING_MODULE, moduleLaunchUrl, pagePolicy, type PickPurpose,
} from './app/index.js';
import { mountPanels } from './panels/index.js';
// The readiness drill's screens and printout; Vite bundles it with the page's styles.
import './styles-drill.css';

const SETTINGS_KEY = 'xray-trainer:settings';

/**
 * Composition root: builds the store, the case library and its workers, the viewer, audio, the HTML screens and the
 * directors, and wires them. Nothing else wires; what happens at start-up is app/start-up.ts. boot.ts loads it, with
 * the demo-case worker it has already started.
 */
export function main(caseWorker: Worker): void {
  performance.mark('app-start');
  const el = (id: string): HTMLElement => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`main: index.html must contain #${id}`);
    return found;
  };
  const now = (): number => Date.now();
  const store = createGameStore({ now, settingsStorage: localSettingsStorage(SETTINGS_KEY) });

  const packRepo = createIdbPackRepository();
  // Files of a build a tab was closed during: never a pack, only space taken. Recent ones may be another tab's build.
  packRepo.discardStaleStaged(now()).catch(() => undefined);
  // Opened as a CME module (index.html?module=module.json): its pages, its LMS, and its pack read from beside it.
  let moduleUrl: string | null = null;
  try {
    moduleUrl = moduleLaunchUrl(window.location.search, document);
  } catch (e) {
    store.getState().setError(`The module cannot open\n${(e as Error).message}`);
  }
  const served = moduleUrl ? createServedModule(moduleUrl, window.fetch.bind(window)) : null;
  if (served) store.getState().setModuleView(LOADING_MODULE);
  // Before any other subscriber: a module's test ends before anything can show or say its end (module-launch.ts).
  const testEnds = served ? closeModuleTestsAtTheirEnd(store) : null;
  const library = createCaseLibrary(routeCaseSource(createWorkerCaseSource(caseWorker), createPackCaseSource(served ?? packRepo, createWorkerPackDecoder(), now)), 12);
  const lenses = createWorkerLensService();
  const caseImage = async (id: string, original: boolean) => {
    const c = await library.prepare(id as CaseId);
    const img = original ? c.original : c.image;
    if (!img) throw new Error(`Case ${id} has no original image to compare with.`);
    return img;
  };
  registerGameImageLoader(async (imageId) => {
    const { caseId: id, original, lens } = parseImageId(imageId);
    return lens ? lenses.lens(imageId, lens, () => caseImage(id, original)) : caseImage(id, original);
  });
  // cornerstone keeps its own cache keyed by image id; the pixel buffers are shared with the library, not copied.
  cornerstone.imageCache.setMaximumSizeBytes(160 * 1024 * 1024);

  const viewer = createCornerstoneViewer(el('viewer-layer'));
  const audio = createHowlerAudio(store.getState().settings);
  const techniques = TECHNIQUE_SUMMARIES;
  const atlas = atlasEntries(techniques);
  const status = createStatusLine(el('game-status'), store, atlas.map((e) => `${e.artifact.id} ${e.artifact.name}. ${e.artifact.looksLike}${e.example ? ' A live example is on screen; C compares with the original.' : ''}`));
  library.addPermanentSpecs(atlas.flatMap((e) => (e.example ? [e.example] : [])));

  const sessions = createIdbSessionRepository();
  const persistence = startPersistence(store, sessions, now);
  if (served) persistence.stop(); // a module's records go to its LMS, not to the game's history
  let pick: (kind: 'files' | 'folder') => void = () => undefined;
  const packs = createPackActions({ store, repo: packRepo, library, say: status.say, now, startDemo: () => app.startPractice(), pick: (k) => pick(k), download: downloadFile });
  const app = createApp({ store, library, sessions, packs: packRepo, packActions: packs, techniques, say: status.say, now }, [...new URLSearchParams(window.location.search)]);
  // Readiness drills: a signed drill link's join page, the reader's result file, the lead's report (app/drill-actions.ts).
  const readerKeys = createIdbReaderKeyStore();
  const nameKey = (id: string): string => `xray-trainer:drill-name:${id}`;
  const names = {
    get: (id: string) => { try { return window.localStorage.getItem(nameKey(id)); } catch { return null; } },
    set: (id: string, name: string) => { try { window.localStorage.setItem(nameKey(id), name); } catch { /* kept for this visit only */ } },
  };
  // The signed drill beside them, so J on its row in results and history can sign the result file after a reload.
  const drillKey = (id: string): string => `xray-trainer:drill-session:${id}`;
  const signedDrills = {
    get: (id: string): unknown => { try { return JSON.parse(window.localStorage.getItem(drillKey(id)) ?? 'null'); } catch { return null; } },
    set: (d: SignedSession) => { try { window.localStorage.setItem(drillKey(d.session.sessionId), JSON.stringify(d)); } catch { /* kept for this visit only */ } },
  };
  let pickDrillFiles: () => void = () => undefined;
  const drill = createDrillApp({
    store, library, techniques, keys: readerKeys, manifest: (id) => packRepo.manifest(id), names, signedDrills, now, say: status.say, download: downloadFile,
    pickFiles: () => pickDrillFiles(), print: () => window.print(), app: { name: 'xray-deepfake-trainer', version: '0.1.0' },
  });
  pickDrillFiles = installDrillReportInputs((files) => void drill.readReportFiles(files), () => store.getState().screen.name === 'drill-report').pick;
  // Training sessions (issue 14): setup, join, result files, the LRS queue and the debrief dashboard.
  const trainingRepo = createTrainingRepository();
  const received = (what: PickPurpose) => (items: DroppedItem[]): void => void training.received(what, items);
  const pickers: Record<PickPurpose, FilePicker> = {
    results: filePicker('pick-results', { accept: '.json,.zip,application/json,application/zip' }, received('results')),
    'results-folder': filePicker('pick-results-folder', { folder: true }, received('results-folder')),
    bundle: filePicker('pick-bundle', { accept: '.zip,application/zip', multiple: false }, received('bundle')),
    key: filePicker('pick-key', { accept: '.json,application/json', multiple: false }, received('key')),
  };
  const training = createTraining({
    store, library, packs: packRepo, repo: trainingRepo, readerKeys: createTrainingReaderKeyStore<StoredReaderKey>(), outboxStore: createIdbOutboxStore<OutboxItem>(),
    techniques, say: status.say, now, download: downloadFile, pick: (what) => pickers[what].open(), gameAddress: `${window.location.origin}${window.location.pathname}`,
    app: APP_INFO, connectAllowed: (url) => cspAllows(pagePolicy(document), url, window.location.origin),
    copyText: (text) => navigator.clipboard.writeText(text), refreshHistory: async () => results.refresh(), openDrill: (signed) => drill.openSigned(signed),
  }, () => persistence.flush(), () => window.print());
  const results = createResultsActions({
    store, repo: sessions, persistence, say: status.say, settingsKey: SETTINGS_KEY, library, planFor: app.planFor,
    generatorFor: async (deckId) => (deckId === DEMO_DECK_ID ? DEMO_GENERATOR_VERSION : packGeneratorVersion(await packRepo.manifest(deckId))),
    deleteDrillData: async () => {
      await readerKeys.deleteAll();
      for (const k of Object.keys(window.localStorage)) if (/^xray-trainer:drill-(name|session):/.test(k)) window.localStorage.removeItem(k);
    },
    alsoDelete: () => training.deleteAll(),
  });
  const packInputs = installPackInputs(
    (items) => void training.routeDrop(items).then((taken) => (taken ? undefined : packs.importItems(items))),
    () => { const st = store.getState(); return !served && (training.wantsDrop() || !st.session || st.session.phase === 'summary' || st.screen.name === 'packs'); },
    () => status.say(served ? 'Case packs cannot be added while a CME module is open.' : 'Finish or quit the session first (Esc, then Quit), then drop the files on the title screen.'),
  );
  pick = packInputs.pick;
  const module = served && testEnds
    ? deferredModuleActions(import('./app/module.js').then((m) => m.startModule({
      store, library, served, testEnds, techniques, atlas, window, say: status.say, now, download: downloadFile,
    })))
    : undefined;
  const moduleBuilder = served ? undefined : lazyModuleBuilder(() => import('./app/module-builder.js').then((m) => m.createModuleBuilder({
    store, packs: packRepo, techniques, fetch: window.fetch.bind(window), download: downloadFile, now, say: status.say,
  })));
  const dispatch = (intent: Intent): void =>
    dispatchIntent(intent, {
      store, startSession: app.startPractice, toTitle: () => store.getState().quitSession(), results, atlasSize: atlas.length, packs, module, moduleBuilder,
      drill: served ? undefined : drill, training: served ? undefined : training, viewer,
      startDrill: served ? undefined : (scope) => {
        const entry = atlas[store.getState().screen.atlasIndex];
        if (entry) app.startDrill(scope === 'artifact' ? { artifactId: entry.artifact.id } : { category: entry.artifact.category });
      },
    });

  let onFirstCase = (): void => undefined;
  const placement = bindViewerVisibility(store, viewer, (i) => atlas[i]?.example != null);
  mountPanels(el('screen-base'), el('screen-dialogs'), store, { dispatch, atlas, setDrillReaderName: (n) => store.getState().setDrillReaderName(n) }, placement.place);
  attachKeyboard(store, dispatch);
  bindViewerToStore(viewer, store);
  startViewerWords(viewer, status.say, () => ({ screen: store.getState().screen.name, phase: store.getState().session?.phase ?? null }));
  startDashboardCase(store, viewer);
  startCaseFlow({
    store, viewer, library,
    atlasExamples: atlas.map((e) => e.example?.id ?? null),
    onFirstCasePrepared: (generationMs, madeAhead) => performance.mark('first-case-prepared', { detail: { generationMs, madeAhead } }),
    // The viewer drew the image into its canvas during this frame, which is painted once the frame's work ends; the
    // next frame's callback runs after that paint, so the mark says when the radiograph is on screen (as the page
    // bench's <img> page measures). Sound and animations start after it, so they never hold that paint back.
    afterPaint: (f) => requestAnimationFrame(() => setTimeout(f, 0)),
    onFirstCaseVisible: () => requestAnimationFrame(() => {
      performance.mark('first-case-visible');
      setTimeout(onFirstCase, 0);
    }),
  });
  startClock(store, audio, status.say, now);
  startCountdownText(store, now);
  startAudioDirector(store, audio);
  startPageTitle(store);
  // A signed link (#session=...) is read first when it is a readiness drill's, so a reload resumes its worklist with
  // the result file in reach; a training session's join page is opened after start-up, once a session in progress
  // has been resumed (a drill link is left to the drill).
  if (!served) {
    void drill.openFromFragment(window.location.hash)
      .then(() => app.start())
      .then(() => drill.adoptResumed())
      .then(() => training.afterStart(window.location.hash));
  }
  // A link opened in a tab that already shows the game changes only the fragment: read it when nothing is under way.
  window.addEventListener('hashchange', () => {
    if (served || store.getState().session) return;
    void drill.openFromFragment(window.location.hash).then(() => training.openFromHash(window.location.hash));
  });

  // Phaser (1.3 MB) draws only the game surface (countdown bar, transitions, score effects). It loads once the first
  // case is on screen, or after a quiet moment on a screen without a case, so it never delays the first radiograph.
  let fxLoading = false;
  function loadFx(): void {
    if (fxLoading) return;
    if (store.getState().session?.phase === 'loading') return void setTimeout(loadFx, 1000);
    fxLoading = true;
    import('./scenes/index.js')
      .then(({ bootFx }) => bootFx(el('fx'), store, { now }))
      .catch(() => status.say('The animations could not start; the game works without them.'));
  }
  // The sounds too (audio-port.ts): their context and sprite are heavy work for the page's start.
  const afterFirstScreen = (): void => {
    audio.prepare();
    loadFx();
  };
  onFirstCase = afterFirstScreen;
  setTimeout(afterFirstScreen, 4000);
}

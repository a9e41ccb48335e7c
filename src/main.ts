import * as cornerstone from 'cornerstone-core';
import { parseImageId, type CaseId } from './domain/index.js';
import {
  createIdbOutboxStore, createIdbPackRepository, createIdbReaderKeyStore, createIdbSessionRepository, createTrainingRepository, localSettingsStorage,
} from './persistence/index.js';
import type { OutboxItem, StoredReaderKey } from './delivery/index.js';
import { TECHNIQUE_INFO } from './forgery/index.js';
import {
  atlasEntries, createCaseLibrary, createPackCaseSource, createWorkerCaseSource, DEMO_DECK_ID, DEMO_GENERATOR_VERSION, packGeneratorVersion, routeCaseSource,
} from './decks/index.js';
import { createWorkerLensService } from './lenses/index.js';
import { createGameStore } from './store/index.js';
import { createCornerstoneViewer, registerGameImageLoader } from './viewer/index.js';
import { createHowlerAudio } from './audio/index.js';
import { attachKeyboard, dispatchIntent, downloadFile, filePicker, installPackInputs, type FilePicker, type Intent } from './input/index.js';
import {
  bindViewerToStore, bindViewerVisibility, createStatusLine, startAudioDirector, startCaseFlow, startClock, startCountdownText, startDashboardCase,
  startPersistence,
} from './directors/index.js';
import type { DroppedItem } from './authoring/index.js';
import { APP_INFO, createApp, createPackActions, createResultsActions, createTraining, cspAllows, pagePolicy, type PickPurpose } from './app/index.js';
import { mountPanels } from './panels/index.js';

const SETTINGS_KEY = 'xray-trainer:settings';

/**
 * Composition root: builds the store, the case library and its workers, the viewer, audio, the HTML screens and the
 * directors, and wires them. Nothing else wires; what happens at start-up is app/start-up.ts.
 */
function main(): void {
  performance.mark('app-start');
  const el = (id: string): HTMLElement => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`main: index.html must contain #${id}`);
    return found;
  };
  const now = (): number => Date.now();
  const store = createGameStore({ now, settingsStorage: localSettingsStorage(SETTINGS_KEY) });

  const packRepo = createIdbPackRepository();
  // Files of a build the tab was closed during: never a pack, only space taken.
  packRepo.discardAllStaged().catch(() => undefined);
  const library = createCaseLibrary(routeCaseSource(createWorkerCaseSource(), createPackCaseSource(packRepo, now)), 12);
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
  const techniques = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  const atlas = atlasEntries(techniques);
  const status = createStatusLine(el('game-status'), store, atlas.map((e) => `${e.artifact.id} ${e.artifact.name}. ${e.artifact.looksLike}${e.example ? ' A live example is on screen; C compares with the original.' : ''}`));
  library.addPermanentSpecs(atlas.flatMap((e) => (e.example ? [e.example] : [])));

  const sessions = createIdbSessionRepository();
  const persistence = startPersistence(store, sessions, now);
  let pick: (kind: 'files' | 'folder') => void = () => undefined;
  const packs = createPackActions({ store, repo: packRepo, library, say: status.say, now, startDemo: () => app.startPractice(), pick: (k) => pick(k), download: downloadFile });
  const app = createApp({ store, library, sessions, packs: packRepo, packActions: packs, techniques, say: status.say, now }, [...new URLSearchParams(window.location.search)]);
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
    store, library, packs: packRepo, repo: trainingRepo, readerKeys: createIdbReaderKeyStore<StoredReaderKey>(), outboxStore: createIdbOutboxStore<OutboxItem>(),
    techniques, say: status.say, now, download: downloadFile, pick: (what) => pickers[what].open(), gameAddress: `${window.location.origin}${window.location.pathname}`,
    app: APP_INFO, connectAllowed: (url) => cspAllows(pagePolicy(document), url, window.location.origin),
    copyText: (text) => navigator.clipboard.writeText(text), refreshHistory: async () => results.refresh(),
  }, () => persistence.flush(), () => window.print());
  const results = createResultsActions({
    store, repo: sessions, persistence, say: status.say, settingsKey: SETTINGS_KEY, library, planFor: app.planFor,
    generatorFor: async (deckId) => (deckId === DEMO_DECK_ID ? DEMO_GENERATOR_VERSION : packGeneratorVersion(await packRepo.manifest(deckId))),
    alsoDelete: () => training.deleteAll(),
  });
  const packInputs = installPackInputs(
    (items) => void training.routeDrop(items).then((taken) => (taken ? undefined : packs.importItems(items))),
    () => { const st = store.getState(); return training.wantsDrop() || !st.session || st.session.phase === 'summary' || st.screen.name === 'packs'; },
    () => status.say('Finish or quit the session first (Esc, then Quit), then drop the files on the title screen.'),
  );
  pick = packInputs.pick;
  const dispatch = (intent: Intent): void =>
    dispatchIntent(intent, {
      store, startSession: app.startPractice, toTitle: () => store.getState().quitSession(), results, atlasSize: atlas.length, packs, training,
      startDrill: (scope) => {
        const entry = atlas[store.getState().screen.atlasIndex];
        if (entry) app.startDrill(scope === 'artifact' ? { artifactId: entry.artifact.id } : { category: entry.artifact.category });
      },
    });

  const placement = bindViewerVisibility(store, viewer, (i) => atlas[i]?.example != null);
  mountPanels(el('screen-base'), el('screen-dialogs'), store, { dispatch, atlas }, placement.place);
  attachKeyboard(store, dispatch);
  bindViewerToStore(viewer, store);
  startDashboardCase(store, viewer);
  startCaseFlow({
    store, viewer, library,
    atlasExamples: atlas.map((e) => e.example?.id ?? null),
    onFirstCasePrepared: (generationMs) => performance.mark('first-case-prepared', { detail: { generationMs } }),
    onFirstCaseVisible: () => performance.mark('first-case-visible'),
  });
  startClock(store, audio, status.say, now);
  startCountdownText(store, now);
  startAudioDirector(store, audio);
  // A join link (#session=...) is read after start-up, so a reload inside a training session resumes it first.
  void app.start().then(() => training.afterStart(window.location.hash));
  window.addEventListener('hashchange', () => void training.openFromHash(window.location.hash));

  // Phaser draws the game surface (countdown bar, transitions, score effects) once it has loaded; nothing waits for it.
  import('./scenes/index.js')
    .then(({ bootFx }) => bootFx(el('fx'), store, { now }))
    .catch(() => status.say('The animations could not start; the game works without them.'));
}

main();

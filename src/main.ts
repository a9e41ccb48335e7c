import * as cornerstone from 'cornerstone-core';
import { createRng, getMode, parseDeepLink, parseImageId, type CaseId, type GameMode } from './domain/index.js';
import { createIdbPackRepository, createIdbSessionRepository, describeStorageFailure, localSettingsStorage } from './persistence/index.js';
import { TECHNIQUE_INFO } from './forgery/index.js';
import {
  atlasEntries, createCaseLibrary, createPackCaseSource, createWorkerCaseSource, DEMO_DECK_ID, drillTechniques, planDemoDeck, planPackDeck,
  routeCaseSource, type CaseSpec,
} from './decks/index.js';
import { createWorkerLensService } from './lenses/index.js';
import { createGameStore } from './store/index.js';
import { createCornerstoneViewer, registerGameImageLoader } from './viewer/index.js';
import { createHowlerAudio } from './audio/index.js';
import { CATEGORY_LABELS } from './presenters/index.js';
import { attachKeyboard, dispatchIntent, downloadBytes, installPackInputs, type Intent } from './input/index.js';
import { bindViewerToStore, bindViewerVisibility, createStatusLine, startAudioDirector, startCaseFlow, startClock, startPersistence } from './directors/index.js';
import { chooseStart, createPackActions, createResultsActions, resumeStoredSession, startDemoSession } from './app/index.js';

const SETTINGS_KEY = 'xray-trainer:settings';

/** Composition root: builds the store, the case generator, viewer, audio and scenes, and wires them. Nothing else wires. */
function main(): void {
  performance.mark('app-start');
  const root = document.getElementById('app');
  const viewerLayer = document.getElementById('viewer-layer');
  if (!root || !viewerLayer) throw new Error('main: index.html must contain #app and #viewer-layer');
  const now = (): number => Date.now();
  const store = createGameStore({ now, settingsStorage: localSettingsStorage(SETTINGS_KEY) });

  const packRepo = createIdbPackRepository();
  // Files of a build the tab was closed during: never a pack, only space taken.
  packRepo.discardAllStaged().catch(() => undefined);
  const library = createCaseLibrary(routeCaseSource(createWorkerCaseSource(), createPackCaseSource(packRepo, now)), 12);
  const lenses = createWorkerLensService();
  const caseImage = async (caseId: string, original: boolean) => {
    const c = await library.prepare(caseId as CaseId);
    const img = original ? c.original : c.image;
    if (!img) throw new Error(`Case ${caseId} has no original image to compare with.`);
    return img;
  };
  registerGameImageLoader(async (imageId) => {
    const { caseId, original, lens } = parseImageId(imageId);
    return lens ? lenses.lens(imageId, lens, () => caseImage(caseId, original)) : caseImage(caseId, original);
  });
  // cornerstone keeps its own cache keyed by image id; the pixel buffers are shared with the library, not copied.
  cornerstone.imageCache.setMaximumSizeBytes(160 * 1024 * 1024);

  const viewer = createCornerstoneViewer(viewerLayer);
  const audio = createHowlerAudio(store.getState().settings);
  const techniqueSummaries = TECHNIQUE_INFO.map((t) => ({ id: t.id, artifactIds: t.artifactIds as readonly string[] }));
  const techniqueIds = techniqueSummaries.map((t) => t.id);
  const atlas = atlasEntries(techniqueSummaries);
  const status = createStatusLine(root, store, atlas.map((e) => `${e.artifact.id} ${e.artifact.name}. ${e.artifact.looksLike}${e.example ? ' A live example is on screen; C compares with the original.' : ''}`));
  library.addPermanentSpecs(atlas.flatMap((e) => (e.example ? [e.example] : [])));
  const startDrill = (scope: 'artifact' | 'category'): void => {
    const entry = atlas[store.getState().ui.atlasIndex];
    if (!entry) return;
    const target = scope === 'artifact' ? { artifactId: entry.artifact.id } : { category: entry.artifact.category };
    const ids = drillTechniques(techniqueSummaries, target);
    const what = scope === 'artifact' ? `${entry.artifact.id} ${entry.artifact.name}` : `${CATEGORY_LABELS[entry.artifact.category]} tells`;
    if (ids.length === 0) {
      status.say(`No technique in this version makes ${what}, so it cannot be drilled yet.`);
      return;
    }
    const st = store.getState();
    st.setAtlasOpen(false);
    if (st.session) st.quitSession();
    startDemoSession(store, library, getMode('practice'), ids, null);
    status.say(`Drill: every fake in this session shows ${what}. ${status.element.textContent ?? ''}`);
  };
  // The session this page most likely starts is planned now and its first case generated while IndexedDB answers
  // and Phaser loads: the deep link's demo deck, or the practice deck the title screen's Enter starts (its seed is
  // drawn here). The library keeps the prepared case when the session sets the same deck.
  let titleSeed: number | null = createRng(Date.now() >>> 0).int(2 ** 31);
  const parsed = parseDeepLink((name) => new URLSearchParams(window.location.search).get(name));
  const earlyLink = parsed.ok && parsed.link?.deckId === DEMO_DECK_ID ? parsed.link : null;
  const warmFirstCase = (mode: GameMode, seed: number): void => {
    const plan = planDemoDeck(seed, mode, techniqueIds);
    library.setSpecs(plan.rounds.flat());
    const first = plan.rounds[0]?.[0];
    if (first) library.prefetch(first.id);
  };
  warmFirstCase(earlyLink?.mode ?? getMode('practice'), earlyLink?.seed ?? titleSeed);
  const startSession = (): void => {
    startDemoSession(store, library, getMode('practice'), techniqueIds, titleSeed);
    titleSeed = null; // later sessions draw their own
  };
  const repo = createIdbSessionRepository();
  const persistence = startPersistence(store, repo, now);
  const results = createResultsActions({ store, repo, persistence, say: status.say, settingsKey: SETTINGS_KEY, library, techniqueIds });
  let pick: (kind: 'files' | 'folder') => void = () => undefined;
  const packs = createPackActions({
    store, repo: packRepo, library, say: status.say, now, startDemo: startSession, pick: (k) => pick(k), download: downloadBytes,
  });
  const packInputs = installPackInputs(
    (items) => void packs.importItems(items),
    () => { const st = store.getState(); return !st.session || st.session.phase === 'summary' || st.packs.open; },
    () => status.say('Finish or quit the session first (Esc, then Quit), then drop the files on the title screen.'),
  );
  pick = packInputs.pick;
  const dispatch = (intent: Intent): void =>
    dispatchIntent(intent, { store, startSession, toTitle: () => store.getState().quitSession(), results, startDrill, atlasSize: atlas.length, packs });

  attachKeyboard(store, dispatch);
  bindViewerToStore(viewer, store);
  bindViewerVisibility(store, viewer, (i) => atlas[i]?.example !== null && atlas[i] !== undefined);
  startCaseFlow({
    store, viewer, library,
    atlasExamples: atlas.map((e) => e.example?.id ?? null),
    onFirstCasePrepared: (generationMs) => performance.mark('first-case-prepared', { detail: { generationMs } }),
    onFirstCaseVisible: () => performance.mark('first-case-visible'),
  });
  startClock(store, audio, status.say, now);
  startAudioDirector(store, audio);

  void startFromStorageOrLink();

  /** Resumes the session in progress, or starts the deep link's, once the stored sessions are known. */
  async function startFromStorageOrLink(): Promise<void> {
    if (!parsed.ok) store.getState().setError(`${parsed.error} The link was ignored; start from the title screen instead.`);
    const link = parsed.ok ? parsed.link : null;
    let sessions: Awaited<ReturnType<typeof repo.list>>['sessions'] = [];
    try {
      const listed = await repo.list();
      sessions = listed.sessions;
      store.getState().setPastSessions(sessions);
      if (listed.unreadable.length > 0) {
        store.getState().setError(`${listed.unreadable.length} saved session(s) could not be read and were skipped (the others are fine): ${listed.unreadable.join('; ')}`);
      }
    } catch (err) {
      store.getState().setError(describeStorageFailure(err).message);
    }
    const choice = chooseStart(sessions, link);
    if (choice.kind === 'resume') {
      try {
        const stored = choice.stored;
        const rounds: readonly (readonly CaseSpec[])[] = stored.deckId === DEMO_DECK_ID
          ? planDemoDeck(stored.seed, stored.mode, techniqueIds).rounds
          : planPackDeck(await packRepo.manifest(stored.deckId), stored.seed, stored.mode).rounds;
        status.say(resumeStoredSession(store, library, stored, rounds));
        return;
      } catch (err) {
        store.getState().setError((err as Error).message);
      }
    }
    if (choice.kind === 'new' || (choice.kind === 'resume' && link)) {
      const l = choice.kind === 'new' ? choice.link : link;
      if (!l) return;
      if (l.deckId !== DEMO_DECK_ID) {
        await packs.playById(l.deckId, l.mode, l.seed).catch((err: unknown) => {
          store.getState().setError(`Deck "${l.deckId}" cannot be played: ${(err as Error).message}`);
        });
        return;
      }
      startDemoSession(store, library, l.mode, techniqueIds, l.seed ?? titleSeed);
      titleSeed = null;
    }
  }

  // Phaser (1.3 MB) loads after the session is planned, so the worker is already generating the first case while
  // the browser fetches and parses the game engine: the two overlap on two cores.
  import('./scenes/boot-game.js')
    .then(({ bootGame }) => bootGame('game', store, { store, viewer, dispatch, now, atlas }))
    .catch((err: unknown) => {
      status.say(`The game could not start: ${(err as Error).message}. Reload the page to try again.`);
    });
}

main();

import Phaser from 'phaser';
import * as cornerstone from 'cornerstone-core';
import { getMode, parseDeepLink, type CaseId } from './domain/index.js';
import { TECHNIQUES } from './forgery/catalog.js';
import { createCaseLibrary, DEMO_DECK_ID } from './casepack/index.js';
import { createWorkerCaseSource } from './casepack/worker-case-source.js';
import { createGameStore } from './store/index.js';
import { bindViewerToStore, createCornerstoneViewer, parseImageId, registerGameImageLoader } from './viewer/index.js';
import { createHowlerAudio } from './audio/index.js';
import {
  attachKeyboard, bindViewerVisibility, createStatusLine, dispatchIntent, localSettingsStorage, startAudioDirector,
  startCaseFlow, startClock, startDemoSession, THEME, type Intent,
} from './ui/index.js';
import { setSceneDeps, startSceneDirector } from './scenes/index.js';

/** Composition root: builds the store, the case generator, viewer, audio and scenes, and wires them. Nothing else wires. */
function main(): void {
  const root = document.getElementById('app');
  const viewerLayer = document.getElementById('viewer-layer');
  if (!root || !viewerLayer) throw new Error('main: index.html must contain #app and #viewer-layer');
  const now = (): number => Date.now();
  const store = createGameStore({ now, settingsStorage: localSettingsStorage('xray-trainer:settings') });

  const library = createCaseLibrary(createWorkerCaseSource(), 12);
  registerGameImageLoader(async (imageId) => {
    const { caseId, original } = parseImageId(imageId);
    const c = await library.prepare(caseId as CaseId);
    const img = original ? c.original : c.image;
    if (!img) throw new Error(`Case ${caseId} has no original image to compare with.`);
    return img;
  });
  // cornerstone keeps its own cache keyed by image id; the pixel buffers are shared with the library, not copied.
  cornerstone.imageCache.setMaximumSizeBytes(160 * 1024 * 1024);

  const viewer = createCornerstoneViewer(viewerLayer);
  const audio = createHowlerAudio(store.getState().settings);
  const status = createStatusLine(root, store);
  const techniqueIds = Object.keys(TECHNIQUES);
  const startSession = (): void => startDemoSession(store, library, getMode('practice'), techniqueIds, null);
  const dispatch = (intent: Intent): void =>
    dispatchIntent(intent, { store, startSession, toTitle: () => store.getState().quitSession() });

  attachKeyboard(store, dispatch);
  bindViewerToStore(viewer, store);
  bindViewerVisibility(store, viewer);
  startCaseFlow({ store, viewer, library, onFirstCaseVisible: () => performance.mark('first-case-visible') });
  startClock(store, audio, status.say, now);
  startAudioDirector(store, audio);

  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: 'game',
    backgroundColor: THEME.bg,
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    audio: { noAudio: true }, // Howler is the only audio owner: one context, one mute.
    callbacks: { preBoot: (g) => setSceneDeps(g, { store, viewer, dispatch, now }) },
  });
  startSceneDirector(game, store);

  const link = parseDeepLink((name) => new URLSearchParams(window.location.search).get(name));
  if (!link.ok) {
    store.getState().setError(`${link.error} The link was ignored; start from the title screen instead.`);
  } else if (link.link) {
    if (link.link.deckId !== DEMO_DECK_ID) {
      store.getState().setError(`Deck "${link.link.deckId}" is not available here. Only the built-in "demo" deck can be played.`);
    } else {
      startDemoSession(store, library, link.link.mode, techniqueIds, link.link.seed);
    }
  }
}

main();

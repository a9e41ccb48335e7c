import { roundRecords } from '../domain/index.js';
import type { GameStore } from '../store/index.js';
import type { Intent } from './keymap.js';

/** Carries out an intent from a key or a button; the same path for both, so mouse and keyboard never diverge. */
export interface IntentDeps {
  readonly store: GameStore;
  /** Starts a new session from the title screen or the summary. */
  readonly startSession: () => void;
  readonly toTitle: () => void;
  /** Results export, import and deletion (persistence lives behind these). */
  readonly results?: ResultsActions;
  /** Starts a practice session whose fakes all show one artifact, or one category (from the atlas). */
  readonly startDrill?: (scope: 'artifact' | 'category') => void;
  /** Number of atlas entries (for wrapping the selection). */
  readonly atlasSize?: number;
  /** Case packs: list, build or import, play, export, delete. */
  readonly packs?: PackActions;
}

export interface PackActions {
  refresh(): void;
  /** Plays row `index` of the packs screen (0 = the demo deck). */
  play(index: number): void;
  pickFiles(): void;
  pickFolder(): void;
  exportSelected(): void;
  deleteSelected(): void;
  /** Builds the last input again, accepting the leaks the failed audit named. */
  acceptLeaksAndRebuild(): void;
  /** Saves the last build report as a text file the instructor downloads. */
  saveReport(): void;
}

export interface ResultsActions {
  refresh(): void;
  exportJson(): void;
  exportCsv(): void;
  importResults(): void;
  deleteAll(): void;
  openForReview(index: number): void;
}

export function dispatchIntent(intent: Intent, deps: IntentDeps): void {
  const st = deps.store.getState();
  const s = st.session;
  switch (intent.type) {
    case 'rate':
      st.answer(intent.rating);
      return;
    case 'confirm':
      if (!s) return deps.startSession();
      switch (s.phase) {
        case 'briefing':
          return st.startRound();
        case 'answered':
        case 'timedOut':
          return st.next();
        case 'roundReview':
          if (st.ui.figuresOpen) return st.setFiguresOpen(false);
          return st.continueSession();
        case 'summary':
          return deps.toTitle();
        default:
          return;
      }
    case 'invert':
      return st.toggleInvert();
    case 'resetView':
      return st.resetView();
    case 'magnifier':
      return st.toggleMagnifier();
    case 'preset':
      return st.cyclePreset();
    case 'setPreset':
      return st.setPreset(intent.preset);
    case 'tells':
      return st.toggleTells();
    case 'mute':
      return st.toggleMute();
    case 'volume':
      return st.setVolume(Math.round((st.settings.volume + intent.delta) * 10) / 10);
    case 'quit':
      if (!st.ui.menuOpen) return;
      st.setMenuOpen(false);
      return st.quitSession();
    case 'menu':
      if (st.ui.helpOpen && !st.ui.menuOpen) return st.setHelpOpen(false);
      if (st.ui.figuresOpen) return st.setFiguresOpen(false);
      return st.setMenuOpen(!st.ui.menuOpen);
    case 'help':
      return st.setHelpOpen(!st.ui.helpOpen);
    case 'reviewStep': {
      if (s?.phase !== 'roundReview') return;
      const n = roundRecords(s).length;
      return st.setReviewIndex((st.ui.reviewIndex + intent.delta + n) % n);
    }
    case 'reviewGoto': {
      if (s?.phase !== 'roundReview') return;
      const n = roundRecords(s).length;
      if (intent.index >= 0 && intent.index < n) st.setReviewIndex(intent.index);
      return;
    }
    case 'history':
      if (st.ui.menuOpen) st.setMenuOpen(false);
      if (!st.ui.historyOpen) deps.results?.refresh();
      return st.setHistoryOpen(!st.ui.historyOpen);
    case 'lens':
      return st.toggleLens(intent.id);
    case 'header':
      return st.toggleHeader();
    case 'atlas':
      if (st.ui.menuOpen) st.setMenuOpen(false);
      return st.setAtlasOpen(!st.ui.atlasOpen);
    case 'atlasStep': {
      const n = deps.atlasSize ?? 1;
      return st.setAtlasIndex((((st.ui.atlasIndex + intent.delta) % n) + n) % n);
    }
    case 'drill':
      return deps.startDrill?.(intent.scope);
    case 'historyStep': {
      const n = st.history.past.length;
      if (n > 0) st.setHistoryIndex((st.ui.historyIndex + intent.delta + n) % n);
      return;
    }
    case 'openPast':
      return deps.results?.openForReview(intent.index ?? st.ui.historyIndex);
    case 'figures':
      if (s?.phase === 'roundReview') st.setFiguresOpen(!st.ui.figuresOpen);
      return;
    case 'exportJson':
      return deps.results?.exportJson();
    case 'exportCsv':
      return deps.results?.exportCsv();
    case 'importResults':
      return deps.results?.importResults();
    case 'deleteData':
      if (!st.ui.confirmDelete) return st.setConfirmDelete(true);
      st.setConfirmDelete(false);
      return deps.results?.deleteAll();
    case 'packs':
      st.setPacksOpen(!st.packs.open);
      if (deps.store.getState().packs.open) deps.packs?.refresh();
      return;
    case 'packStep': {
      const n = st.packs.list.length + 1;
      return st.setPackIndex((st.packs.index + intent.delta + n) % n);
    }
    case 'playPack':
      return deps.packs?.play(intent.index ?? st.packs.index);
    case 'packFiles':
      return deps.packs?.pickFiles();
    case 'packFolder':
      return deps.packs?.pickFolder();
    case 'exportPack':
      return deps.packs?.exportSelected();
    case 'deletePack':
      if (st.packs.index === 0) return;
      if (!st.packs.confirmDelete) return st.setPackConfirmDelete(true);
      st.setPackConfirmDelete(false);
      return deps.packs?.deleteSelected();
    case 'acceptLeaks':
      return deps.packs?.acceptLeaksAndRebuild();
    case 'packReportScroll':
      return st.scrollPackReport(intent.delta);
    case 'savePackReport':
      return deps.packs?.saveReport();
    case 'compare': {
      if (st.ui.atlasOpen) return st.toggleCompare();
      const rec = s?.phase === 'roundReview' ? roundRecords(s)[st.ui.reviewIndex] : undefined;
      if (rec?.truth.kind === 'forged') st.toggleCompare();
      return;
    }
    case 'flicker': {
      if (st.ui.atlasOpen) return st.toggleFlicker();
      const rec = s?.phase === 'roundReview' ? roundRecords(s)[st.ui.reviewIndex] : undefined;
      if (rec?.truth.kind === 'forged') st.toggleFlicker();
      return;
    }
  }
}

import { roundRecords, signedDrillRunOf } from '../domain/index.js';
import { atlasOpenNow, type GameStore } from '../store/index.js';
import type { Intent } from './keymap.js';
import type { ModuleBuilderActions, ModuleIntentActions } from './module-intents.js';
import type { TrainingPort } from './training-intents.js';
import type { ViewerKeyActions } from './viewer-keys.js';

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
  /** The CME module this page was opened as (app/module.ts); absent in the game. */
  readonly module?: ModuleIntentActions;
  /** The coordinator's module builder (app/module-builder.ts). */
  readonly moduleBuilder?: ModuleBuilderActions;
  /** Readiness drills: join a signed drill, save the reader's result file, the lead's report. */
  readonly drill?: DrillIntentActions;
  /** Training sessions: setup, join, result files, dashboard (app/training.ts). */
  readonly training?: TrainingPort;
  /** The viewer's keyboard crosshair and zoom (the ViewerPort). */
  readonly viewer?: ViewerKeyActions;
}

export interface DrillIntentActions {
  /** Whether Enter on the title page joins a drill this page was opened for (instead of starting practice). */
  hasPendingJoin(): boolean;
  join(): void;
  /** The signed result file: of the drill in play; of row `index` of results and history; or, on the join page of a
   * drill whose run ended, of that run. */
  saveResultFile(index?: number): void;
  pickReportFiles(): void;
  printReport(): void;
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
  /** Builds the drop waiting in store.packs.pendingDrop with the panel's answers (or says what is missing). */
  answerDrop(answers: { readonly title: string; readonly labels: Readonly<Record<string, string>> }): void;
  cancelDrop(): void;
}

export interface ResultsActions {
  refresh(): void;
  exportJson(): void;
  exportCsv(): void;
  importResults(): void;
  deleteAll(): void;
  openForReview(index: number): void;
}

/** Opens a screen, or closes it when it is the one on top (the keys that open a screen also close it). */
function toggleScreen(deps: IntentDeps, name: 'help' | 'history' | 'figures' | 'atlas' | 'packs'): void {
  const st = deps.store.getState();
  if (st.screen.name === name) {
    st.closeScreen();
    if (name === 'packs') st.clearPackReport();
    return;
  }
  if (name === 'history') deps.results?.refresh();
  st.openScreen(name);
  if (name === 'packs') deps.packs?.refresh();
}

function confirm(deps: IntentDeps): void {
  const st = deps.store.getState();
  const s = st.session;
  if (!s) return deps.module ? deps.module.act('next') : deps.drill?.hasPendingJoin() ? deps.drill.join() : deps.startSession();
  switch (s.phase) {
    case 'briefing':
      return st.startRound();
    case 'reading':
      return st.confirm();
    case 'timedOut':
    case 'caseReview':
      return st.next();
    case 'roundReview':
      return st.continueSession();
    case 'summary':
      return deps.toTitle();
    default:
      return;
  }
}

function reviewCount(deps: IntentDeps): number {
  const s = deps.store.getState().session;
  return s?.phase === 'roundReview' ? roundRecords(s).length : 0;
}

function reviewedIsForged(deps: IntentDeps): boolean {
  const st = deps.store.getState();
  const s = st.session;
  const rec = s?.phase === 'roundReview' ? roundRecords(s)[st.screen.review.index] : s?.phase === 'caseReview' ? s.records[s.records.length - 1] : undefined;
  return rec?.truth.kind === 'forged';
}

export function dispatchIntent(intent: Intent, deps: IntentDeps): void {
  const st = deps.store.getState();
  switch (intent.type) {
    case 'rate':
      // A read-and-flag film (the unprompted drill) is read with 1 (normal) and 2 (abnormal).
      if (st.session?.config.mode.answer === 'read-and-flag') return intent.rating <= 2 ? st.send({ type: 'READ', read: intent.rating === 1 ? 'normal' : 'abnormal' }) : undefined;
      return st.rate(intent.rating);
    case 'read':
      return st.send({ type: 'READ', read: intent.read });
    case 'flag':
      return st.send({ type: 'FLAG', flagged: !st.session?.flagged });
    case 'nameTell':
      // The sign already named, chosen again (its key or its button), is taken back.
      return st.send({ type: 'NAME_TELL', category: st.session?.tellNamed === intent.category ? null : intent.category });
    case 'saveResultFile':
      // J at the end of a session: a readiness drill's result file, or a training session's.
      if (st.session?.config.mode.drill || (!st.session && st.drill.join?.ended)) return deps.drill?.saveResultFile();
      return deps.training?.handle({ kind: 'saveResult' });
    case 'drillReport':
      return st.screen.name === 'drill-report' ? st.closeScreen() : st.openScreen('drill-report');
    case 'drillReportFiles':
      return deps.drill?.pickReportFiles();
    case 'printDrillReport':
      return deps.drill?.printReport();
    case 'confirm':
      return confirm(deps);
    case 'dismissError':
      return st.setError(null);
    case 'invert':
      return st.toggleInvert();
    case 'resetView':
      return st.resetView();
    case 'magnifier':
      st.toggleMagnifier();
      if (intent.atCrosshair && deps.store.getState().view.magnifier) deps.viewer?.moveCrosshair(0, 0, false);
      return;
    case 'crosshair':
      return deps.viewer?.moveCrosshair(intent.dx, intent.dy, intent.big);
    case 'markAtCrosshair':
      return deps.viewer?.markAtCrosshair();
    case 'zoom':
      return deps.viewer?.zoom(intent.direction);
    case 'window':
      return deps.viewer?.stepWindow(intent.step, intent.big);
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
      if (st.screen.name !== 'menu') return;
      st.closeScreen();
      // In a module, leaving means "continue later": the LMS keeps the progress.
      if (deps.module) return deps.module.act('suspend');
      return st.quitSession();
    case 'menu':
      if (st.screen.name === 'game') return st.openScreen('menu');
      return st.closeScreen();
    case 'help':
      return toggleScreen(deps, 'help');
    case 'history':
      return toggleScreen(deps, 'history');
    case 'figures':
      if (st.screen.name !== 'figures' && st.session?.phase !== 'roundReview') return;
      return toggleScreen(deps, 'figures');
    case 'atlas':
      if (st.screen.name !== 'atlas' && !atlasOpenNow(st)) return;
      return toggleScreen(deps, 'atlas');
    case 'packs':
      return toggleScreen(deps, 'packs');
    case 'reviewStep': {
      const n = reviewCount(deps);
      if (n > 0) st.setReviewIndex((st.screen.review.index + intent.delta + n) % n);
      return;
    }
    case 'reviewGoto':
      if (intent.index >= 0 && intent.index < reviewCount(deps)) st.setReviewIndex(intent.index);
      return;
    case 'lens':
      return st.toggleLens(intent.id);
    case 'header':
      return st.toggleHeader();
    case 'atlasStep': {
      const n = deps.atlasSize ?? 1;
      return st.setAtlasIndex(Math.max(0, Math.min(n - 1, st.screen.atlasIndex + intent.delta)));
    }
    case 'atlasGoto':
      return st.setAtlasIndex(Math.max(0, Math.min((deps.atlasSize ?? 1) - 1, intent.index)));
    case 'drill':
      return deps.startDrill?.(intent.scope);
    case 'historyStep':
      return st.setHistoryIndex(st.history.index + intent.delta);
    case 'openPast':
      return deps.results?.openForReview(intent.index ?? st.history.index);
    case 'exportJson':
      // J on a training session's or a signed drill's row saves its signed result file; on any other row it exports everything.
      if (!intent.everything && deps.training && st.history.past[st.history.index]?.mode.hooks === 'training') {
        return deps.training.handle({ kind: 'saveResult', index: st.history.index });
      }
      if (!intent.everything && deps.drill && signedDrillRunOf(st.history.past[st.history.index]?.id ?? '')) {
        return deps.drill.saveResultFile(st.history.index);
      }
      return deps.results?.exportJson();
    case 'exportCsv':
      return deps.results?.exportCsv();
    case 'importResults':
      return deps.results?.importResults();
    case 'deleteData':
      if (!st.history.confirmDelete) return st.setConfirmDelete(true);
      st.setConfirmDelete(false);
      return deps.results?.deleteAll();
    case 'packStep':
      // Up/Down stop at the ends of the list: a wrap would silently select another deck.
      return st.setPackIndex(st.packs.index + intent.delta);
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
    case 'savePackReport':
      return deps.packs?.saveReport();
    case 'answerDrop':
      return deps.packs?.answerDrop({ title: intent.title, labels: intent.labels });
    case 'cancelDrop':
      return deps.packs?.cancelDrop();
    case 'training':
      return deps.training?.handle(intent.action);
    case 'compare':
      if (st.screen.name === 'atlas' || reviewedIsForged(deps)) st.toggleCompare();
      return;
    case 'flicker':
      if (st.screen.name === 'atlas' || reviewedIsForged(deps)) st.toggleFlicker();
      return;
    case 'module':
      return deps.module?.act(intent.action);
    case 'moduleEvaluation':
      return deps.module?.submitEvaluation(intent.answers);
    case 'moduleCertificate':
      return deps.module?.makeCertificate(intent.learnerName);
    case 'moduleBuilder':
      if (st.screen.name === 'module-builder') return st.closeScreen();
      if (st.session || st.cme.module) return;
      deps.moduleBuilder?.open();
      return st.openScreen('module-builder');
    case 'buildModule':
      return deps.moduleBuilder?.build(intent.form);
  }
}

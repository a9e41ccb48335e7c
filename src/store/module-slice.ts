import type { GameState, GetState, SetState } from './types.js';

/**
 * The CME module's screens as plain data: the learner's module (start page, teaching, result, evaluation, certificate)
 * and the coordinator's module builder. app/module.ts fills it from lms/ (the store knows no LMS and no rule of the
 * module); the panels draw it. While a test or the practice round runs, the session slice holds the cases and
 * `module.step` is 'test'.
 */
export const MODULE_STEPS = [
  'loading', 'failed', 'start', 'resume', 'test', 'saving', 'teaching', 'post-result', 'evaluation', 'certificate', 'done', 'left',
] as const;
export type ModuleStep = (typeof MODULE_STEPS)[number];

export interface ModuleInfoView {
  readonly title: string;
  readonly provider: string;
  readonly description: string;
  readonly objectives: readonly string[];
  readonly faculty: readonly { readonly name: string; readonly role: string; readonly disclosure: string }[];
  readonly estimatedMinutes: number;
  readonly credits: number;
  readonly creditUnit: string;
  readonly creditStatement: string;
  readonly releaseDate: string;
  readonly expiryDate: string;
  readonly preCases: number;
  readonly postCases: number;
  readonly practiceCases: number;
  readonly attempts: number;
  readonly secondsPerCase: number;
  /** The share of post-test calls to get right, in force (the LMS's mastery score when it gave one). */
  readonly passMark: number;
}

export interface ModuleScoreView {
  readonly correct: number;
  readonly total: number;
}

export interface ModuleOutcomeView {
  readonly pre: ModuleScoreView | null;
  readonly attempts: readonly ModuleScoreView[];
  /** true passed, false failed for good, null while it can still change. */
  readonly passed: boolean | null;
  /** The attempt that decides (the passing one, else the best). */
  readonly decisive: ModuleScoreView | null;
}

export interface ModuleLmsView {
  /** 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone'. */
  readonly kind: string;
  readonly tracked: boolean;
  /** Tracked and in Normal mode: only then does the LMS record progress, completion and credit. */
  readonly recorded: boolean;
  /** What the certificate says instead of credits: false when recorded, true outside an LMS, else the LMS's mode. */
  readonly notRecorded: boolean | 'browse' | 'review';
  /** The longest evaluation comment this LMS keeps (lms-port.ts commentLimit). */
  readonly commentLimit: number;
  readonly learnerName: string | null;
  readonly mode: 'normal' | 'browse' | 'review';
  readonly standaloneReason: string | null;
  readonly returnUrl: string | null;
}

/** A readiness drill launched as an LMS module (app/drill-module.ts): what its own pages show. */
export interface DrillModuleView {
  /** The worklist's name (what learners see; never the drill's purpose). */
  readonly title: string;
  readonly films: number;
  readonly opens: string | null;
  readonly closes: string | null;
  readonly availability: 'not-yet-open' | 'open' | 'closed';
}

export interface ModuleView {
  /** Set when the module is a readiness drill: its pages replace the CME module's (no tests, no certificate). */
  readonly drill?: DrillModuleView | null;
  readonly step: ModuleStep;
  /** Which cases run while step is 'test' (or were running when the window closed, on the resume page). */
  readonly test: 'pre' | 'practice' | 'post' | null;
  readonly info: ModuleInfoView;
  readonly availability: 'open' | 'not-yet-released' | 'expired';
  readonly lms: ModuleLmsView;
  readonly outcome: ModuleOutcomeView;
  /** Answered so far in the test under way (resume page), and the post-test attempt (1-based). */
  readonly answered: number;
  readonly attempt: number;
  /** Atlas entries (indexes into the game's atlas) of the tells this module's cases use. */
  readonly teaching: readonly number[];
  /** Work in progress shown on screen ("Saving your answer to the LMS..."), or null. */
  readonly busy: string | null;
  /** A problem to show on the page (an LMS call refused, saved progress not usable), or null. */
  readonly problem: string | null;
  /** The LMS session has ended (finished or left for later); nothing more is sent. */
  readonly finished: boolean;
  readonly certificate: { readonly state: 'idle' | 'making' | 'made' | 'failed'; readonly message: string | null };
}

export interface ModuleBuilderView {
  /** 'demo' and the stored packs, as the deck list of the form. */
  readonly decks: readonly { readonly id: string; readonly label: string; readonly cases: number }[];
  /** Whether this page can fetch the built game (null while checking): else only module.json, manifest and deck. */
  readonly canPackageGame: boolean | null;
  readonly limits: { readonly maxCases: number; readonly maxAttempts: number; readonly maxPractice: number };
  readonly today: string;
  readonly busy: string | null;
  /** What the last build said (matching report, file written) or why it was refused. */
  readonly report: readonly string[];
  readonly problems: readonly string[];
}

export interface CmeState {
  readonly module: ModuleView | null;
  readonly builder: ModuleBuilderView | null;
}

export const FRESH_CME: CmeState = { module: null, builder: null };

export interface CmeActions {
  setModuleView(view: ModuleView | null): void;
  patchModuleView(patch: Partial<ModuleView>): void;
  setModuleBuilder(view: ModuleBuilderView | null): void;
  patchModuleBuilder(patch: Partial<ModuleBuilderView>): void;
}

export function cmeSlice(get: GetState<GameState>, set: SetState<GameState>): CmeActions {
  return {
    setModuleView: (module) => set({ cme: { ...get().cme, module } }),
    patchModuleView: (patch) => {
      const m = get().cme.module;
      if (m) set({ cme: { ...get().cme, module: { ...m, ...patch } } });
    },
    setModuleBuilder: (builder) => set({ cme: { ...get().cme, builder } }),
    patchModuleBuilder: (patch) => {
      const b = get().cme.builder;
      if (b) set({ cme: { ...get().cme, builder: { ...b, ...patch } } });
    },
  };
}

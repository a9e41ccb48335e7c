import type { Phase } from '../domain/index.js';

/**
 * The CME module's intents and keys: the learner's module pages (start, teaching, result, evaluation, certificate)
 * and the coordinator's module builder. Buttons and keys reach the same actions (app/module.ts and
 * app/module-builder.ts carry them out); form values arrive as the plain strings the form holds, and the app checks
 * them.
 */
export type ModuleAction =
  /** Enter: the page's main action (begin, continue, next step, download the certificate). */
  | 'next'
  | 'begin'
  | 'continue'
  | 'practice'
  | 'retry'
  | 'evaluation'
  | 'certificate'
  /** Ends the LMS session for good (exit normal). */
  | 'finish'
  /** Leaves the module for now (exit suspend); the LMS keeps the progress. */
  | 'suspend'
  | 'returnToLms';

export interface ModuleEvaluationInput {
  readonly relevance: string;
  readonly intentToChange: string;
  readonly commercialBias: string;
  readonly comments: string;
}

export type ModuleIntent =
  | { readonly type: 'module'; readonly action: ModuleAction }
  | { readonly type: 'moduleEvaluation'; readonly answers: ModuleEvaluationInput }
  | { readonly type: 'moduleCertificate'; readonly learnerName: string }
  | { readonly type: 'moduleBuilder' }
  | { readonly type: 'buildModule'; readonly form: Readonly<Record<string, string>> };

export interface ModuleIntentActions {
  act(action: ModuleAction): void;
  submitEvaluation(answers: ModuleEvaluationInput): void;
  makeCertificate(learnerName: string): void;
}

export interface ModuleBuilderActions {
  open(): void;
  build(form: Readonly<Record<string, string>>): void;
}

/**
 * Keys while a module is open. On a module page (no case on screen): Enter is the page's main action, A the atlas,
 * H help, S sound, +/- volume; every other key does nothing (no title-screen keys, no session history or case packs).
 * While a case is on screen the game's keys apply, except history (R) and case packs (K), which belong to the game.
 * On a drill module's debrief Enter finishes the exercise.
 * Returns undefined for a key the game's own map decides.
 */
export function moduleKeyToIntent(key: string, phase: Phase | 'title'): ModuleIntent | { readonly type: 'atlas' | 'help' | 'mute' } | { readonly type: 'volume'; readonly delta: number } | null | undefined {
  const k = key.toLowerCase();
  // A drill module's debrief (the game's summary): Enter finishes; no result file (J) or report (W), the LMS has it.
  if (phase === 'summary') return k === 'enter' ? { type: 'module', action: 'next' } : k === 'j' || k === 'w' || k === 'r' || k === 'k' ? null : undefined;
  if (phase !== 'title') return k === 'r' || k === 'k' ? null : undefined;
  switch (k) {
    case 'enter':
      return { type: 'module', action: 'next' };
    case 'a':
      return { type: 'atlas' };
    case 'h':
    case '?':
      return { type: 'help' };
    case 's':
      return { type: 'mute' };
    case '+':
    case '=':
      return { type: 'volume', delta: 0.1 };
    case '-':
      return { type: 'volume', delta: -0.1 };
    default:
      return null;
  }
}

/** Keys of the module builder dialog (its fields take their own keys). */
export const moduleBuilderKey = (key: string): ModuleIntent | null => (key === 'Escape' ? { type: 'moduleBuilder' } : null);

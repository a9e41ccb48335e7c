import type { ScreenName, SetupDraft } from '../store/index.js';

/**
 * What the training-session screens ask for (issue 14): the instructor's setup, a resident's join, the result file,
 * and the debrief dashboard. One intent type, `{ type: 'training', action }`, carries them all to the one port
 * app/ implements, so keys and buttons share a path as everywhere else.
 */
export type TrainingIntent =
  | { readonly kind: 'openSetup' }
  | { readonly kind: 'openDashboard' }
  | { readonly kind: 'close' }
  | { readonly kind: 'setupField'; readonly field: keyof SetupDraft; readonly value: string | boolean }
  | { readonly kind: 'setupToggle'; readonly field: 'tools' | 'lenses' | 'levels'; readonly value: string }
  | { readonly kind: 'sign' }
  | { readonly kind: 'saveSession' }
  | { readonly kind: 'saveBundle' }
  | { readonly kind: 'saveQr' }
  | { readonly kind: 'copyLink' }
  | { readonly kind: 'bigCode' }
  | { readonly kind: 'saveKey' }
  | { readonly kind: 'loadKey' }
  | { readonly kind: 'newKey' }
  | { readonly kind: 'joinName'; readonly value: string }
  | { readonly kind: 'join' }
  | { readonly kind: 'pickBundle' }
  /** Saves the signed result file of the session in play, or of history row `index`. */
  | { readonly kind: 'saveResult'; readonly index?: number }
  | { readonly kind: 'retryLrs' }
  | { readonly kind: 'dashFiles' }
  | { readonly kind: 'dashFolder' }
  | { readonly kind: 'dashNames' }
  | { readonly kind: 'dashProjector' }
  | { readonly kind: 'dashPrint' }
  | { readonly kind: 'dashExport'; readonly format: 'answers-csv' | 'readers-csv' | 'lrc' | 'imrmc' }
  | { readonly kind: 'dashShow'; readonly caseId: string | null }
  | { readonly kind: 'dashClear' }
  /** Reads the session's statements from the LRS with the instructor's own credentials (used once, never stored). */
  | { readonly kind: 'dashLrs'; readonly endpoint: string; readonly credentials: string };

/** The port app/ implements. */
export interface TrainingPort {
  handle(intent: TrainingIntent): void;
}

const t = (action: TrainingIntent) => ({ type: 'training', action }) as const;

const SETUP_KEYS: Readonly<Record<string, ReturnType<typeof t>>> = {
  escape: t({ kind: 'close' }),
  b: t({ kind: 'openDashboard' }),
};

const JOIN_KEYS: Readonly<Record<string, ReturnType<typeof t>>> = {
  escape: t({ kind: 'close' }),
  enter: t({ kind: 'join' }),
  j: t({ kind: 'saveResult' }),
  o: t({ kind: 'pickBundle' }),
};

const DASHBOARD_KEYS: Readonly<Record<string, ReturnType<typeof t>>> = {
  escape: t({ kind: 'close' }),
  b: t({ kind: 'close' }),
  o: t({ kind: 'dashFiles' }),
  f: t({ kind: 'dashFolder' }),
  n: t({ kind: 'dashNames' }),
  p: t({ kind: 'dashProjector' }),
  v: t({ kind: 'dashExport', format: 'answers-csv' }),
};

/** Keys of the training screens (letters lower-cased); null for a screen that is not one of them. */
export function trainingKey(key: string, screen: ScreenName): ReturnType<typeof t> | null | undefined {
  const k = key.toLowerCase();
  switch (screen) {
    case 'session-setup':
      return SETUP_KEYS[k] ?? null;
    case 'session-join':
      return JOIN_KEYS[k] ?? null;
    case 'dashboard':
      return DASHBOARD_KEYS[k] ?? null;
    default:
      return undefined;
  }
}

/** Title-screen and summary keys: N sets up a session, B opens the dashboard, J saves the result file. */
export const TRAINING_MAIN_KEYS = {
  n: { intent: t({ kind: 'openSetup' }), when: (p: string) => p === 'title' },
  b: { intent: t({ kind: 'openDashboard' }), when: (p: string) => p === 'title' },
} as const;

import { isRating, SIGN_KEYS, type ArtifactCategory, type ClinicalRead, type Phase, type Rating, type WindowPreset } from '../domain/index.js';
import { LENSES } from '../lenses/index.js';
import { moduleBuilderKey, moduleKeyToIntent, type ModuleIntent } from './module-intents.js';
import type { ScreenName } from '../store/index.js';
import { TRAINING_MAIN_KEYS, trainingKey, type TrainingIntent } from './training-intents.js';
import { atlasViewerKey, viewerKey, type ViewerKeyIntent } from './viewer-keys.js';

/**
 * The stable controls (README and help screen): 1-6 rate, Enter continues, I invert, Space resets the view,
 * M magnifier, T tell overlay, S mute, Esc menu; plus P window preset, C compare with the original, F flicker,
 * Left/Right step through a round's review, H help, + and - volume; and the viewer by keyboard (viewer-keys.ts:
 * arrows move a crosshair, X marks, + and - zoom, [ ] , . window/level while a case image or the atlas's example is
 * shown). Keys become intents; intents.ts carries them out.
 */
export type Intent =
  | { readonly type: 'rate'; readonly rating: Rating }
  | { readonly type: 'dismissError' }
  | { readonly type: 'atlasGoto'; readonly index: number }
  | { readonly type: 'confirm' }
  | { readonly type: 'invert' }
  | { readonly type: 'resetView' }
  /** atCrosshair: from the M key, which also shows the keyboard crosshair for the loupe to sit on. */
  | { readonly type: 'magnifier'; readonly atCrosshair?: boolean }
  | { readonly type: 'tells' }
  | { readonly type: 'mute' }
  | { readonly type: 'volume'; readonly delta: number }
  | { readonly type: 'menu' }
  | { readonly type: 'help' }
  | { readonly type: 'preset' }
  | { readonly type: 'setPreset'; readonly preset: WindowPreset }
  | { readonly type: 'reviewStep'; readonly delta: -1 | 1 }
  | { readonly type: 'reviewGoto'; readonly index: number }
  | { readonly type: 'compare' }
  | { readonly type: 'flicker' }
  | { readonly type: 'history' }
  | { readonly type: 'figures' }
  | { readonly type: 'historyStep'; readonly delta: -1 | 1 }
  | { readonly type: 'atlas' }
  | { readonly type: 'header' }
  | { readonly type: 'lens'; readonly id: string }
  | { readonly type: 'atlasStep'; readonly delta: number }
  | { readonly type: 'drill'; readonly scope: 'artifact' | 'category' }
  | { readonly type: 'openPast'; readonly index?: number }
  /** `everything`: the button that exports every session, whatever row is chosen (J on a training row saves its result file). */
  | { readonly type: 'exportJson'; readonly everything?: boolean }
  | { readonly type: 'exportCsv' }
  | { readonly type: 'importResults' }
  | { readonly type: 'deleteData' }
  | { readonly type: 'packs' }
  | { readonly type: 'packStep'; readonly delta: -1 | 1 }
  | { readonly type: 'playPack'; readonly index?: number }
  | { readonly type: 'packFiles' }
  | { readonly type: 'packFolder' }
  | { readonly type: 'exportPack' }
  | { readonly type: 'deletePack' }
  | { readonly type: 'acceptLeaks' }
  | { readonly type: 'savePackReport' }
  // The packs panel's answers about a drop (a label per unlabelled folder, the title), as the form holds them.
  | { readonly type: 'answerDrop'; readonly title: string; readonly labels: Readonly<Record<string, string>> }
  | { readonly type: 'cancelDrop' }
  | { readonly type: 'training'; readonly action: TrainingIntent }
  | { readonly type: 'quit' }
  | ModuleIntent
  | ViewerKeyIntent
  // Readiness drills: the read and flag of a film, the kind of tell named, the reader's result file, the lead's report.
  | { readonly type: 'read'; readonly read: ClinicalRead }
  | { readonly type: 'flag' }
  | { readonly type: 'nameTell'; readonly category: ArtifactCategory | null }
  | { readonly type: 'saveResultFile' }
  | { readonly type: 'drillReport' }
  | { readonly type: 'drillReportFiles' }
  | { readonly type: 'printDrillReport' };

/** The modifier keys the key map reads (Ctrl, Alt and Meta never reach it: key-press.ts takes what AltGr types). */
export interface KeyMods {
  readonly shift?: boolean;
}

export interface KeyContext {
  readonly phase: Phase | 'title';
  /** The screen on top (store/types.ts ScreenName); 'game' when none covers the game. */
  readonly screen: ScreenName;
  readonly error?: boolean;
  /** A CME module is open (module-intents.ts decides its pages' keys). */
  readonly module?: boolean;
  /** An unprompted drill before its review (domain hidesPurpose): no atlas, no results list. */
  readonly purposeHidden?: boolean;
  /** The atlas may not open now (store atlasOpenNow: a test or drill being read, a module page before its pre-test). */
  readonly atlasBarred?: boolean;
  /** A drill's film is called fake, so its list of kinds of sign is open (domain draftCallsFake): their keys name one. */
  readonly signsOpen?: boolean;
}

const SIGN_OF_KEY: Readonly<Record<string, ArtifactCategory>> = Object.fromEntries(
  Object.entries(SIGN_KEYS).map(([category, key]) => [key.toLowerCase(), category as ArtifactCategory]),
);

/** The forensic lens bound to a key, if any (keys come from the lens registry). */
function lensKey(key: string): Intent | null {
  const lens = LENSES.find((l) => l.key.toLowerCase() === key.toLowerCase());
  return lens ? { type: 'lens', id: lens.id } : null;
}

/** Keys that act on the image, the header and the sound wherever an image is on screen (letters lower-cased). */
const VIEW_KEYS: Readonly<Record<string, Intent>> = {
  i: { type: 'invert' },
  ' ': { type: 'resetView' },
  m: { type: 'magnifier' },
  p: { type: 'preset' },
  s: { type: 'mute' },
  d: { type: 'header' },
};

const ATLAS_KEYS: Readonly<Record<string, Intent>> = {
  escape: { type: 'atlas' },
  a: { type: 'atlas' },
  arrowup: { type: 'atlasStep', delta: -1 },
  arrowdown: { type: 'atlasStep', delta: 1 },
  pageup: { type: 'atlasStep', delta: -6 },
  pagedown: { type: 'atlasStep', delta: 6 },
  c: { type: 'compare' },
  f: { type: 'flicker' },
  enter: { type: 'drill', scope: 'artifact' },
  k: { type: 'drill', scope: 'category' },
};

const HISTORY_KEYS: Readonly<Record<string, Intent>> = {
  escape: { type: 'history' },
  r: { type: 'history' },
  j: { type: 'exportJson' },
  v: { type: 'exportCsv' },
  o: { type: 'importResults' },
  d: { type: 'deleteData' },
  y: { type: 'deleteData' },
  arrowup: { type: 'historyStep', delta: -1 },
  arrowdown: { type: 'historyStep', delta: 1 },
  enter: { type: 'openPast' },
};

const PACKS_KEYS: Readonly<Record<string, Intent>> = {
  escape: { type: 'packs' },
  k: { type: 'packs' },
  arrowup: { type: 'packStep', delta: -1 },
  arrowdown: { type: 'packStep', delta: 1 },
  enter: { type: 'playPack' },
  o: { type: 'packFiles' },
  f: { type: 'packFolder' },
  x: { type: 'exportPack' },
  d: { type: 'deletePack' },
  y: { type: 'deletePack' },
  a: { type: 'acceptLeaks' },
  w: { type: 'savePackReport' },
};

/** Keys of the menu: each button's key, so the menu works without a mouse. */
const MENU_KEYS: Readonly<Record<string, Intent>> = {
  enter: { type: 'menu' },
  h: { type: 'help' },
  s: { type: 'mute' },
  '+': { type: 'volume', delta: 0.1 },
  '=': { type: 'volume', delta: 0.1 },
  '-': { type: 'volume', delta: -0.1 },
  r: { type: 'history' },
  a: { type: 'atlas' },
  q: { type: 'quit' },
};

/** Keys of the main screens; `when` limits a key to some phases. */
const MAIN_KEYS: Readonly<Record<string, { intent: Intent; when?: (p: Phase | 'title') => boolean }>> = {
  enter: { intent: { type: 'confirm' } },
  t: { intent: { type: 'tells' } },
  '+': { intent: { type: 'volume', delta: 0.1 } },
  '=': { intent: { type: 'volume', delta: 0.1 } },
  '-': { intent: { type: 'volume', delta: -0.1 } },
  h: { intent: { type: 'help' } },
  '?': { intent: { type: 'help' } },
  r: { intent: { type: 'history' }, when: (p) => p !== 'reading' && p !== 'loading' },
  a: { intent: { type: 'atlas' }, when: (p) => p !== 'reading' && p !== 'loading' },
  k: { intent: { type: 'packs' }, when: (p) => p === 'title' || p === 'summary' },
  arrowleft: { intent: { type: 'reviewStep', delta: -1 }, when: (p) => p === 'roundReview' },
  arrowright: { intent: { type: 'reviewStep', delta: 1 }, when: (p) => p === 'roundReview' },
  c: { intent: { type: 'compare' }, when: (p) => p === 'roundReview' || p === 'caseReview' },
  f: { intent: { type: 'flicker' }, when: (p) => p === 'roundReview' || p === 'caseReview' },
  g: { intent: { type: 'figures' }, when: (p) => p === 'roundReview' },
  l: { intent: { type: 'moduleBuilder' }, when: (p) => p === 'title' },
  w: { intent: { type: 'drillReport' }, when: (p) => p === 'title' || p === 'summary' },
  // On the title page J saves the result file of a drill whose run ended (its join page offers nothing else).
  j: { intent: { type: 'saveResultFile' }, when: (p) => p === 'summary' || p === 'title' },
  ...TRAINING_MAIN_KEYS,
};

/** The drill report (the lead's dashboard): O reads result files (or drop them), P prints, W or Esc closes. */
const DRILL_REPORT_KEYS: Readonly<Record<string, Intent>> = {
  escape: { type: 'drillReport' },
  w: { type: 'drillReport' },
  o: { type: 'drillReportFiles' },
  p: { type: 'printDrillReport' },
};

function atlasKey(key: string, shift: boolean): Intent | null {
  const k = key.toLowerCase();
  // The example's keys first: Shift+Up / Down move its crosshair, plain Up / Down fall through to choose the entry.
  return lensKey(key) ?? atlasViewerKey(key, shift) ?? ATLAS_KEYS[k] ?? VIEW_KEYS[k] ?? null;
}

const HELP_KEYS: Readonly<Record<string, Intent>> = { escape: { type: 'help' }, h: { type: 'help' }, '?': { type: 'help' } };
const FIGURES_KEYS: Readonly<Record<string, Intent>> = { escape: { type: 'figures' }, g: { type: 'figures' }, enter: { type: 'figures' } };

export function keyToIntent(key: string, ctx: KeyContext, mods: KeyMods = {}): Intent | null {
  const k = key.toLowerCase();
  if (ctx.error) return k === 'enter' || k === 'escape' ? { type: 'dismissError' } : null;
  const sign = ctx.signsOpen && ctx.screen === 'game' && ctx.phase === 'reading' ? SIGN_OF_KEY[k] : undefined;
  if (sign) return { type: 'nameTell', category: sign };
  if (ctx.purposeHidden && (k === 'a' || k === 'r') && (ctx.screen === 'game' || ctx.screen === 'menu')) return null;
  if (ctx.atlasBarred && k === 'a' && (ctx.screen === 'game' || ctx.screen === 'menu')) return null;
  switch (ctx.screen) {
    case 'atlas':
      return atlasKey(key, mods.shift === true);
    case 'history':
      return HISTORY_KEYS[k] ?? null;
    case 'packs':
      return PACKS_KEYS[k] ?? null;
    case 'help':
      return HELP_KEYS[k] ?? null;
    case 'figures':
      return FIGURES_KEYS[k] ?? null;
    case 'menu':
      if (ctx.module && k === 'r') return null; // a module's answers go to its LMS, not to the game's history
      return k === 'escape' ? { type: 'menu' } : MENU_KEYS[k] ?? null;
    case 'module-builder':
      return moduleBuilderKey(key);
    case 'drill-report':
      return DRILL_REPORT_KEYS[k] ?? null;
    case 'game':
      break;
    default:
      return trainingKey(key, ctx.screen) ?? null;
  }
  // F flags the film in a read-and-flag drill (the state machine ignores it in any other session).
  if (k === 'f' && ctx.phase === 'reading') return { type: 'flag' };
  if (key === 'Escape') return { type: 'menu' };
  if (ctx.module) {
    const m = moduleKeyToIntent(key, ctx.phase);
    if (m !== undefined) return m;
  }
  const n = Number(key);
  if (key.length === 1 && isRating(n)) return ctx.phase === 'reading' ? { type: 'rate', rating: n } : null;
  const view = viewerKey(key, ctx.phase, mods.shift === true);
  if (view) return view;
  const lens = lensKey(key);
  if (lens && ctx.phase !== 'title' && ctx.phase !== 'briefing' && ctx.phase !== 'summary') return lens;
  const main = MAIN_KEYS[k];
  if (main) return !main.when || main.when(ctx.phase) ? main.intent : null;
  return VIEW_KEYS[k] ?? null;
}

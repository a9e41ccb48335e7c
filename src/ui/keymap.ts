import { isRating, type Phase, type Rating } from '../domain/index.js';
import type { WindowPreset } from '../store/index.js';
import { LENSES } from '../imaging/lenses/index.js';

/**
 * The stable controls (README and help screen): 1-6 rate, Enter continues, I invert, Space resets the view,
 * M magnifier, T tell overlay, S mute, Esc menu; plus P window preset, C compare with the original, F flicker,
 * arrows step through the review, H help, + and - volume. Keys become intents; intents.ts carries them out.
 */
export type Intent =
  | { readonly type: 'rate'; readonly rating: Rating }
  | { readonly type: 'confirm' }
  | { readonly type: 'invert' }
  | { readonly type: 'resetView' }
  | { readonly type: 'magnifier' }
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
  | { readonly type: 'exportJson' }
  | { readonly type: 'exportCsv' }
  | { readonly type: 'importResults' }
  | { readonly type: 'deleteData' };

export interface KeyContext {
  readonly phase: Phase | 'title';
  readonly menuOpen: boolean;
  readonly historyOpen?: boolean;
  readonly atlasOpen?: boolean;
}

/** The forensic lens bound to a key, if any (keys come from the lens registry). */
function lensKey(key: string): Intent | null {
  const lens = LENSES.find((l) => l.key.toLowerCase() === key.toLowerCase());
  return lens ? { type: 'lens', id: lens.id } : null;
}

function atlasKey(key: string): Intent | null {
  const lens = lensKey(key);
  if (lens) return lens;
  switch (key) {
    case 'Escape':
    case 'a':
    case 'A':
      return { type: 'atlas' };
    case 'ArrowUp':
      return { type: 'atlasStep', delta: -1 };
    case 'ArrowDown':
      return { type: 'atlasStep', delta: 1 };
    case 'PageUp':
      return { type: 'atlasStep', delta: -6 };
    case 'PageDown':
      return { type: 'atlasStep', delta: 6 };
    case 'c':
    case 'C':
      return { type: 'compare' };
    case 'f':
    case 'F':
      return { type: 'flicker' };
    case 'Enter':
      return { type: 'drill', scope: 'artifact' };
    case 'd':
    case 'D':
      return { type: 'header' };
    case 'k':
    case 'K':
      return { type: 'drill', scope: 'category' };
    case 'i':
    case 'I':
      return { type: 'invert' };
    case ' ':
      return { type: 'resetView' };
    case 'm':
    case 'M':
      return { type: 'magnifier' };
    case 'p':
    case 'P':
      return { type: 'preset' };
    case 's':
    case 'S':
      return { type: 'mute' };
    default:
      return null;
  }
}

export const CONTROLS: readonly (readonly [keys: string, action: string])[] = [
  ['1 - 6', 'Rate the image: 1 definitely real ... 6 definitely fake'],
  ['Click', 'Mark where the tell is (up to 3; click a mark to remove it)'],
  ['Enter', 'Continue'],
  ['Drag', 'Window / level (left button)'],
  ['Wheel', 'Zoom about the cursor'],
  ['Right-drag / Shift-drag', 'Pan'],
  ['I', 'Invert'],
  ['Space', 'Reset zoom, pan and window'],
  ['P', 'Next window preset (Default, Wide, Narrow, Bone, Grain)'],
  ['M', 'Magnifier loupe'],
  [LENSES.map((l) => l.key.toUpperCase()).join(' '), `Forensic lenses: ${LENSES.map((l) => `${l.key.toUpperCase()} ${l.name}`).join(', ')}`],
  ['D', 'DICOM header panel (metadata tells: format, signature, dates, spacing)'],
  ['T', 'Show or hide the tells (review)'],
  ['C / F', 'Compare with the original / flicker (review of a fake)'],
  ['G', 'Round figures: ROC, calibration, tells caught (review)'],
  ['Left / Right', 'Previous / next case (review)'],
  ['S', 'Mute or unmute sound'],
  ['+ / -', 'Volume up / down'],
  ['R', 'Results and history: Up/Down and Enter open a past session for review; export (J JSON, V CSV), import (O), delete my data (D)'],
  ['A', 'Artifact atlas: Up/Down choose, C/F compare or flicker, Enter drill this tell, K drill its category'],
  ['H', 'Help'],
  ['Esc', 'Menu (pauses the clock)'],
];

export function keyToIntent(key: string, ctx: KeyContext): Intent | null {
  if (ctx.atlasOpen) return atlasKey(key);
  if (ctx.historyOpen) {
    switch (key.toLowerCase()) {
      case 'escape':
      case 'r':
        return { type: 'history' };
      case 'j':
        return { type: 'exportJson' };
      case 'v':
        return { type: 'exportCsv' };
      case 'o':
        return { type: 'importResults' };
      case 'd':
      case 'y':
        return { type: 'deleteData' };
      case 'arrowup':
        return { type: 'historyStep', delta: -1 };
      case 'arrowdown':
        return { type: 'historyStep', delta: 1 };
      case 'enter':
        return { type: 'openPast' };
      default:
        return null;
    }
  }
  if (key === 'Escape') return { type: 'menu' };
  if (ctx.menuOpen) {
    if (key === 'Enter') return { type: 'menu' };
    if (key === 'h' || key === 'H') return { type: 'help' };
    if (key === 's' || key === 'S') return { type: 'mute' };
    return null;
  }
  const n = Number(key);
  if (key.length === 1 && isRating(n)) return ctx.phase === 'reading' ? { type: 'rate', rating: n } : null;
  const lens = lensKey(key);
  if (lens && ctx.phase !== 'title' && ctx.phase !== 'briefing' && ctx.phase !== 'summary') return lens;
  switch (key) {
    case 'Enter':
      return { type: 'confirm' };
    case 'i':
    case 'I':
      return { type: 'invert' };
    case ' ':
      return { type: 'resetView' };
    case 'm':
    case 'M':
      return { type: 'magnifier' };
    case 't':
    case 'T':
      return { type: 'tells' };
    case 's':
    case 'S':
      return { type: 'mute' };
    case '+':
    case '=':
      return { type: 'volume', delta: 0.1 };
    case '-':
      return { type: 'volume', delta: -0.1 };
    case 'h':
    case 'H':
    case '?':
      return { type: 'help' };
    case 'r':
    case 'R':
      return ctx.phase === 'reading' ? null : { type: 'history' };
    case 'a':
    case 'A':
      return ctx.phase === 'reading' ? null : { type: 'atlas' };
    case 'd':
    case 'D':
      return { type: 'header' };
    case 'p':
    case 'P':
      return { type: 'preset' };
    case 'ArrowLeft':
      return ctx.phase === 'roundReview' ? { type: 'reviewStep', delta: -1 } : null;
    case 'ArrowRight':
      return ctx.phase === 'roundReview' ? { type: 'reviewStep', delta: 1 } : null;
    case 'c':
    case 'C':
      return ctx.phase === 'roundReview' ? { type: 'compare' } : null;
    case 'f':
    case 'F':
      return ctx.phase === 'roundReview' ? { type: 'flicker' } : null;
    case 'g':
    case 'G':
      return ctx.phase === 'roundReview' ? { type: 'figures' } : null;
    default:
      return null;
  }
}

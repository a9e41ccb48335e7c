import { LENSES } from '../lenses/index.js';

/**
 * The help's rows: a key (or pointer action) and what it does. CONTROLS is the whole game's list, shown on the title
 * screen (the README's Controls table says the same); help.ts chooses the rows a mode offers. The key map itself is
 * input/keymap.ts.
 */
export type HelpRow = readonly [keys: string, action: string];

export const ARROWS_WORDS = 'Move the crosshair over the image (Shift: bigger steps); a zoomed image pans to keep it in view';
const LENS_KEYS = (ids?: readonly string[]) => LENSES.filter((l) => !ids || ids.includes(l.id));

/** The lens row for the lenses given (all when none are named), or none when no lens is allowed. */
export function lensRows(ids?: readonly string[]): HelpRow[] {
  const lenses = LENS_KEYS(ids);
  if (lenses.length === 0) return [];
  return [[lenses.map((l) => l.key.toUpperCase()).join(' '), `Forensic lenses: ${lenses.map((l) => `${l.key.toUpperCase()} ${l.name}`).join(', ')}`]];
}

export const CONTROLS: readonly HelpRow[] = [
  ['1 - 6', 'Rate the image: 1 definitely real ... 6 definitely fake (you can change it until you press Enter)'],
  ['Click', 'Mark where the tell is (up to 3; click a mark to remove it)'],
  ['Arrows', `${ARROWS_WORDS}. In a round's review Left / Right change case, so there Shift+Left / Right move it; in the atlas Up / Down choose the entry, so there Shift+Up / Down move it`],
  ['X', 'Mark or unmark where the crosshair is, as a click does'],
  ['+ / -', 'Zoom in / out about the crosshair (or the centre) while a case is on screen; volume up / down elsewhere and in the menu'],
  ['Enter', 'Give your rating; continue'],
  ['Drag', 'Window / level (left button)'],
  ['[ / ] and , / .', 'Window / level by keys: [ narrower, ] wider window; , lower, . higher centre (Shift: bigger steps). Where [ and ] need AltGr (Option on a Mac), press it with them; the keys in the places of [ ] , . on a US keyboard work too'],
  ['Wheel', 'Zoom about the cursor'],
  ['Right-drag / Shift-drag', 'Pan'],
  ['I', 'Invert'],
  ['Space', 'Reset zoom, pan and window'],
  ['P', 'Next window preset (Default, Wide, Narrow, Bone, Grain)'],
  ['M', 'Magnifier loupe: it follows the mouse, or the crosshair the arrows move'],
  ...lensRows(),
  ['D', 'DICOM header panel (metadata tells: format, signature, dates, spacing)'],
  ['T', 'Show or hide the tells (review)'],
  ['Tab', 'Move between buttons (Enter or Space presses the one with the focus)'],
  ['Up / Down, Page Up / Page Down', "Scroll a text panel that has the focus (the DICOM header, a review's explanation, an atlas entry: Tab to it); Space scrolls down too"],
  ['Home / End', 'Scroll a text panel that has the focus to its top / end'],
  ['C / F', 'Compare with the original / flicker (review of a fake)'],
  ['G', 'Round figures: ROC, calibration, tells caught (review)'],
  ['Left / Right', 'Previous / next case (review)'],
  ['S', 'Mute or unmute sound'],
  ['R', 'Results and history: Up/Down and Enter open a past session for review; export (J JSON, V CSV), import (O), delete my data (D)'],
  ['A', 'Artifact atlas: Up/Down choose, C/F compare or flicker; the example takes the viewer keys (Left/Right and Shift+Up/Down move the crosshair, + / - zoom, [ ] , . window / level); Enter drill this tell, K drill its category'],
  ['K', 'Case packs (title screen): play the demo or a pack; build one from your images (O files, F folder, or drop them on the page); X export zip, D delete; W saves the build report'],
  ['L', 'Publish a CME module (title screen): a zip for an LMS (SCORM 1.2, SCORM 2004 or cmi5) from the demo deck or a case pack'],
  ['1 / 2, F', 'Readiness drill, routine read: 1 normal, 2 abnormal; F flags the film as suspected manipulated or synthetic'],
  ['J', 'End of a readiness drill: save your result file for the lead'],
  ['W', 'Drill reports (title screen): read result files (O, or drop them), print (P)'],
  ['N', 'Training session for a class (title screen, instructor): set it up, sign it, hand out its link or QR code'],
  ['B', "Debrief dashboard (title screen, instructor): drop the residents' result files"],
  ['J', 'Save the signed result file of a training session (on its summary, or its row in results and history)'],
  ['H', 'Help'],
  ['Esc', 'Menu (pauses the clock; Q there quits to the title screen)'],
];

/** Title-screen and game-only keys that do nothing inside a CME module's pages. */
const NOT_IN_MODULES = new Set(['R', 'K', 'L', '1 / 2, F', 'J', 'W', 'N', 'B']);

export const MODULE_ESC: HelpRow = ['Esc', 'Menu (Q there: continue later, with your progress kept; the clock of a test case does not stop)'];

/** The controls on a CME module's pages: its tests and teaching use the case screen's keys; Esc's menu continues later. */
export const MODULE_CONTROLS: readonly HelpRow[] = CONTROLS
  .filter(([keys]) => !NOT_IN_MODULES.has(keys))
  .map((row) => (row[0] === 'Esc' ? MODULE_ESC : row));

/** The row of a key as the whole game's list has it (help.ts picks rows from it by key). */
export function helpRow(keys: string): HelpRow {
  const r = CONTROLS.find(([k]) => k === keys);
  if (!r) throw new Error(`help-table row: no row for "${keys}"`);
  return r;
}

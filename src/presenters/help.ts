import {
  ARTIFACT_CATEGORIES, atlasAllowed, getMode, isUnprompted, SIGN_KEYS, toolAllowed, withSettings, type GameMode,
} from '../domain/index.js';
import { CATEGORY_LABELS } from './category-labels.js';
import { ARROWS_WORDS, CONTROLS, lensRows, MODULE_CONTROLS, MODULE_ESC, helpRow, type HelpRow } from './help-table.js';

/**
 * The help a reader sees: only the keys that work where they are. The title screen lists the whole game; a session
 * lists its mode's answer keys, the viewer tools and lenses the mode allows, the review's keys when the mode has a
 * review to come or is in it, the atlas when it may open, and the menu as the mode's clock behaves. A readiness drill
 * gets its own list in a reading room's words: an unprompted drill's help must not say what the exercise is about
 * (no tells, lenses, atlas or fakes before its review), as its screens do not.
 */
export interface HelpPlace {
  /** The session on screen; null on the title screen, a drill's join page and a module's pages. */
  readonly session: { readonly config: { readonly mode: GameMode }; readonly phase: string } | null;
  /** A CME module (or a drill run as one) is open. */
  readonly module: boolean;
  /** Whether the atlas may open now (store atlasOpenNow); a module page before its pre-test, or a drill's, lists no A. */
  readonly atlas?: boolean;
  /** A drill's join page is open, before its session starts. */
  readonly drillJoin?: { readonly prompted: boolean } | null;
}

type Session = NonNullable<HelpPlace['session']>;

export function helpRows(p: HelpPlace): readonly HelpRow[] {
  const s = p.session;
  if (s === null) {
    if (p.drillJoin) return drillRows(withSettings(getMode('readiness'), p.drillJoin.prompted ? { answer: 'rating' } : {}), null, p.module);
    if (!p.module) return CONTROLS;
    return p.atlas === false ? MODULE_CONTROLS.filter(([keys]) => keys !== 'A') : MODULE_CONTROLS;
  }
  return s.config.mode.drill ? drillRows(s.config.mode, s, p.module) : sessionRows(s, p.module);
}

const inReview = (s: Session | null): boolean => s !== null && (s.phase === 'roundReview' || s.phase === 'summary');

/** The viewer's tools the mode allows, and its lenses. */
function toolRows(mode: GameMode, what: 'case' | 'film'): HelpRow[] {
  const has = (tool: string): boolean => toolAllowed(mode, tool);
  const when = (ok: boolean, ...rows: HelpRow[]): HelpRow[] => (ok ? rows : []);
  return [
    has('zoom')
      ? ['+ / -', `Zoom in / out about the crosshair (or the centre) while a ${what} is on screen; volume up / down elsewhere and in the menu`]
      : ['+ / -', 'Volume up / down (in the menu)'],
    ...when(has('windowLevel'), helpRow('Drag'), helpRow('[ / ] and , / .')),
    ...when(has('zoom'), helpRow('Wheel')),
    ...when(has('pan'), helpRow('Right-drag / Shift-drag')),
    ...when(has('invert'), helpRow('I')),
    helpRow('Space'),
    ...when(has('preset'), helpRow('P')),
    ...when(has('magnifier'), helpRow('M')),
    ...lensRows(mode.lenses),
  ];
}

function escRow(mode: GameMode, module: boolean): HelpRow {
  // A drill run as a module: its films are no test, and its menu stops the clock when the drill allows a pause.
  if (module && mode.drill) return ['Esc', `Menu (${mode.allowPause ? 'pauses the clock; ' : ''}Q there: continue later, with your progress kept)`];
  if (module) return MODULE_ESC;
  return mode.allowPause ? helpRow('Esc') : ['Esc', 'Menu (this mode does not stop the clock; Q there quits to the title screen)'];
}

/** A practice, tell drill, training session or CME module's case: the six-point rating and the game's tools. */
function sessionRows(s: Session, module: boolean): HelpRow[] {
  const m = s.config.mode;
  // With feedback at the end (a test) there is nothing to review until then, so the review's keys wait for it.
  const review = m.feedback !== 'end-of-session' || inReview(s);
  const atlas = atlasAllowed(s);
  const when = (ok: boolean, ...rows: HelpRow[]): HelpRow[] => (ok ? rows : []);
  const arrows = `${ARROWS_WORDS}${review ? ". In a round's review Left / Right change case, so there Shift+Left / Right move it" : ''}` +
    `${atlas ? '; in the atlas Up / Down choose the entry, so there Shift+Up / Down move it' : ''}`;
  const scroll = `Scroll a text panel that has the focus (the DICOM header${review ? ", a review's explanation" : ''}${atlas ? ', an atlas entry' : ''}: Tab to it); Space scrolls down too`;
  return [
    helpRow('1 - 6'), helpRow('Click'), ['Arrows', arrows], helpRow('X'), helpRow('Enter'),
    ...toolRows(m, 'case'),
    helpRow('D'),
    ...when(review, helpRow('T'), helpRow('C / F'), helpRow('G'), helpRow('Left / Right')),
    helpRow('Tab'), ['Up / Down, Page Up / Page Down', scroll], helpRow('Home / End'), helpRow('S'),
    ...when(!module, helpRow('R')),
    ...when(atlas, helpRow('A')),
    ...when(m.hooks === 'training' && !module, ['J', 'Save the signed result file of this training session (on its summary)']),
    helpRow('H'), escRow(m, module),
  ];
}

/**
 * A readiness drill's film (or its join page): the worklist's keys and the viewer tools in the words of its screens.
 * The review's keys, the results list and the atlas are listed once its review has begun.
 */
function drillRows(mode: GameMode, s: Session | null, module: boolean): HelpRow[] {
  const unprompted = isUnprompted(mode);
  const review = inReview(s);
  const when = (ok: boolean, ...rows: HelpRow[]): HelpRow[] => (ok ? rows : []);
  const signs = ARTIFACT_CATEGORIES.map((c) => `${SIGN_KEYS[c]} ${CATEGORY_LABELS[c].toLowerCase()}`).join(', ');
  return [
    ...(unprompted
      ? [['1 / 2', 'Your read: 1 normal, 2 abnormal (you can change it until you press Enter)'], ['F', 'Flag the film as suspected manipulated or synthetic (F again takes the flag back)']] as HelpRow[]
      : [['1 - 6', 'Rate the film: 1 definitely real ... 6 definitely fake (you can change it until you press Enter)']] as HelpRow[]),
    [ARTIFACT_CATEGORIES.map((c) => SIGN_KEYS[c]).join(' '), `${unprompted ? 'Once the film is flagged' : 'Once you rate 4 or more'}, name the kind of sign (optional): ${signs}; the same key again takes it back`],
    ['Click', 'Mark where you saw it (optional; up to 3; click a mark to remove it)'],
    ['Arrows', `${ARROWS_WORDS}${review ? '. In the review Left / Right change film, so there Shift+Left / Right move it' : ''}`],
    helpRow('X'),
    ['Enter', 'Give your answer; continue'],
    ...toolRows(mode, 'film'),
    ['D', 'DICOM header panel'],
    ...when(review, helpRow('T'), helpRow('C / F'), ['G', 'Figures: ROC, calibration, tells caught (review)'], ['Left / Right', 'Previous / next film (review)']),
    helpRow('Tab'),
    ['Up / Down, Page Up / Page Down', 'Scroll a text panel that has the focus (the DICOM header: Tab to it); Space scrolls down too'],
    helpRow('Home / End'), helpRow('S'),
    ...when(review && !module, helpRow('R')),
    ...when(review && atlasAllowed(s), helpRow('A')),
    ...when(!module, ['J', 'At the end: save your result file']),
    helpRow('H'), escRow(mode, module),
  ];
}

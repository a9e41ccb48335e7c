import type { GameMode } from '../modes.js';
import { VIEW_TOOLS } from '../view.js';
import { DEFAULT_DRILL_SETTINGS, MAX_DRILL_PREVALENCE } from './settings.js';

/**
 * The readiness-drill mode ('readiness' in MODES, id 'drill' in links). Defaults from issue 16: a worklist of 40
 * films at 5% prevalence, unprompted (a routine read with an optional flag), feedback only at the end, no running
 * score. The viewer tools of a reading room are on; the forensic lenses are off, because a "noise residual" button
 * on a routine worklist would tell the reader what the exercise is about (a lead may turn them on for a prompted
 * drill). Two minutes a film: a clinical read, not a quiz, and long enough that the clock does not set the pace.
 */
export const READINESS_MODE: GameMode = {
  id: 'drill',
  name: 'Readiness drill',
  description:
    'A worklist that looks routine, with a few fakes among the films (possibly none); nothing is revealed until the ' +
    'end, when the debrief shows what was there and how you did.',
  rounds: 1,
  casesPerRound: 40,
  secondsPerCase: 120,
  fakeShare: 0.05,
  feedback: 'end-of-session',
  allowPause: true,
  tools: [...VIEW_TOOLS],
  lenses: [],
  showScore: false,
  // Mostly subtle fakes: an obvious fake in every drill would teach readers that fakes are obvious.
  levels: ['obvious', 'subtle', 'subtle', 'expert'],
  focus: null,
  answer: 'read-and-flag',
  hooks: 'readiness',
  drill: DEFAULT_DRILL_SETTINGS,
};

/** The fields of a mode the drill rules look at (structural, so the schema can call this while it is being built). */
type ModeFields = Pick<GameMode, 'rounds' | 'fakeShare' | 'feedback' | 'showScore' | 'answer' | 'focus' | 'drill'>;

/**
 * What a drill may not be, as schema issues (path, message): each message starts with the setting's name as a deep
 * link spells it and says what to write instead, so a link or a session refused for it tells the lead how to fix it
 * (the command line respells the names as its options: cli/drill-options.ts).
 */
export function drillModeIssues(m: ModeFields): { path: string[]; message: string }[] {
  if (!m.drill) return [];
  const out: { path: string[]; message: string }[] = [];
  if (m.rounds !== 1) out.push({ path: ['rounds'], message: '"rounds" must be 1: a readiness drill is one worklist (set rounds=1, or leave it out)' });
  if (m.fakeShare > MAX_DRILL_PREVALENCE) {
    out.push({ path: ['fakeShare'], message: `"prevalence" of a readiness drill must be from 0 to ${MAX_DRILL_PREVALENCE} (0 to 50%)` });
  }
  if (m.feedback !== 'end-of-session') {
    out.push({ path: ['feedback'], message: '"feedback" must be end-of-session: a readiness drill gives feedback only at the end (set feedback=end-of-session, or leave it out)' });
  }
  if (m.showScore) out.push({ path: ['showScore'], message: '"score" must be 0: a readiness drill shows no running score (set score=0, or leave it out)' });
  if (m.focus) {
    out.push({ path: ['focus'], message: '"tell" and "category" do not apply: a readiness drill\'s fakes are a mix, as they would be in practice (remove "tell" or "category")' });
  }
  if (m.answer === 'read-and-flag' && m.drill.aiHint) {
    // An "authenticity check" badge tells the reader what the exercise is about, so the unprompted measure would be lost.
    out.push({ path: ['drill', 'aiHint'], message: '"aiHint" needs a prompted drill: remove "aiHint", or set prompted=1 (an authenticity-check badge tells an unprompted reader what the drill is about)' });
  }
  return out;
}

/** The mode's fields as a drill's deep link names them, for a schema issue whose message does not name its setting. */
const LINK_NAMES: Readonly<Record<string, string>> = {
  casesPerRound: 'cases', secondsPerCase: 'seconds', fakeShare: 'prevalence', rounds: 'rounds', feedback: 'feedback', showScore: 'score',
  allowPause: 'pause', 'drill.aiHint': 'aiHint', 'drill.opens': 'opens', 'drill.closes': 'closes', 'drill.title': 'title', 'drill.briefing': 'briefing',
};

/** One schema issue of a drill's mode in words that name the setting, never the mode's internal field. */
export function drillProblem(path: readonly PropertyKey[], message: string): string {
  if (message.startsWith('"')) return message;
  const key = path.map(String).join('.');
  const name = LINK_NAMES[key] ?? LINK_NAMES[path.slice(0, 2).map(String).join('.')] ?? LINK_NAMES[String(path[0])] ?? (key || 'drill');
  return `"${name}": ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

export const isDrill = (m: Pick<GameMode, 'drill'>): boolean => m.drill !== undefined;
export const isUnprompted = (m: Pick<GameMode, 'drill' | 'answer'>): boolean => isDrill(m) && m.answer === 'read-and-flag';

/**
 * An unprompted drill under way presents a reading exercise until its review: the artifact atlas and the results
 * list (which names the mode) would tell the reader what it is about, so they are not offered before then.
 */
export const hidesPurpose = (s: { readonly config: { readonly mode: Pick<GameMode, 'drill' | 'answer'> }; readonly phase: string }): boolean =>
  isUnprompted(s.config.mode) && (s.phase === 'briefing' || s.phase === 'loading' || s.phase === 'reading' || s.phase === 'timedOut');

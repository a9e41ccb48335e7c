import { casesInRound, roundRecords, type CaseRecord, type GameMode, type SessionState } from '../domain/index.js';
import { modeTitle } from './mode-hooks.js';

/**
 * Where the reader is, in the mode's own words. A readiness drill reads films (its briefing's word) in one worklist,
 * so it names no round; the rest of the game reads cases in rounds.
 */
export const caseWord = (mode: Pick<GameMode, 'drill'>): 'film' | 'case' => (mode.drill ? 'film' : 'case');
const capital = (w: string): string => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
export const CaseWord = (mode: Pick<GameMode, 'drill'>): 'Film' | 'Case' => capital(caseWord(mode)) as 'Film' | 'Case';

/** The top bar's where-line: the mode, the round when there are several, and the case (or film) reviewed or read. */
export function whereLine(s: SessionState, reviewed: CaseRecord | null): string {
  const m = s.config.mode;
  const title = modeTitle(m);
  const n = casesInRound(s);
  const Item = CaseWord(m);
  if (s.phase === 'summary') return `${title}: ${m.drill ? 'complete' : 'session complete'}`;
  if (s.phase === 'roundReview' || s.phase === 'caseReview') {
    // A past session stopped mid-round is reviewed over its answers only: say so, or "1 of 8" promises seven more.
    const answered = roundRecords(s).length;
    const at = reviewed ? ` | ${Item} ${reviewed.indexInRound + 1} of ${n}${answered < n ? `, ${answered} answered` : ''}` : '';
    return `${title} | ${m.drill ? 'Review' : `Review of round ${s.round + 1}`}${at}`;
  }
  const round = s.config.rounds.length > 1 ? ` | Round ${s.round + 1}/${s.config.rounds.length}` : '';
  return `${title}${round} | ${Item} ${Math.min(s.caseIndex + 1, n)}/${n}`;
}

/** The heading of a round's review (a drill's one worklist is reviewed whole). */
export const reviewHeading = (s: SessionState): string => (s.config.mode.drill ? 'Review of the worklist' : `Round ${s.round + 1} review`);

/** The title of the review's figures. */
export const figuresTitle = (s: SessionState): string => (s.config.mode.drill ? 'Figures of the worklist' : `Round ${s.round + 1} figures`);

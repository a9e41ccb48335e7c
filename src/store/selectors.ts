import { atlasAllowed, roundRecords, visibleScore, type CaseRecord, type Phase, type VisibleScore } from '../domain/index.js';
import type { GameState } from './types.js';

/**
 * Derived values, computed in one place. Screens, directors and the store's own pause rule read these instead of
 * combining fields themselves.
 */

/** Phases in which a case image is on screen. */
export const CASE_PHASES: readonly Phase[] = ['reading', 'timedOut', 'caseReview', 'roundReview'];

/** Something covers the case: any screen but the game's own, or an error message. */
export const coversCase = (st: GameState): boolean => st.screen.name !== 'game' || st.screen.error !== null;

/** The clock should stand still: a case is being read and something covers it (the mode decides if it may pause). */
export const wantsPause = (st: GameState): boolean => st.session?.phase === 'reading' && coversCase(st);

/** The record a review shows: the case just answered (feedback after each case) or the selected one of the round. */
/** Whether the atlas may open now: the session's rule, or on a module's own pages the module's (domain atlasAllowed). */
export function atlasOpenNow(st: GameState): boolean {
  const m = st.cme.module;
  const page = m && !st.session
    ? { drill: m.drill != null, beforePreTest: m.step === 'loading' || m.step === 'failed' || m.step === 'start' || (m.step === 'resume' && m.test === 'pre') }
    : null;
  return atlasAllowed(st.session, page);
}

export function reviewedRecord(st: GameState): CaseRecord | null {
  const s = st.session;
  if (s?.phase === 'caseReview') return s.records[s.records.length - 1] ?? null;
  if (s?.phase === 'roundReview') return roundRecords(s)[st.screen.review.index] ?? null;
  return null;
}

/** The records of the review on screen (one case, or the reviewed round). */
export function reviewRecords(st: GameState): readonly CaseRecord[] {
  const s = st.session;
  if (s?.phase === 'caseReview') return s.records.slice(-1);
  if (s?.phase === 'roundReview') return roundRecords(s);
  return [];
}

/** The points and streak the header may show now (see domain/feedback.ts), or null when hidden. */
export const headerScore = (st: GameState): VisibleScore | null => (st.session ? visibleScore(st.session) : null);

/** The viewer is shown while a case is on screen and nothing covers it; in the atlas, while its entry has an example. */
export function viewerShouldShow(st: GameState, atlasHasExample: (index: number) => boolean = () => false): boolean {
  if (st.screen.error !== null) return false;
  if (st.screen.name === 'atlas') return atlasHasExample(st.screen.atlasIndex);
  // The debrief dashboard opens a most-missed case with its tells drawn.
  if (st.screen.name === 'dashboard') return st.training.dashboard.shown !== null;
  const phase = st.session?.phase;
  return phase !== undefined && CASE_PHASES.includes(phase) && st.screen.name === 'game';
}

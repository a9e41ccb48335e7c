import { openCaseProgress, restoreSession, type DeepLink, type StoredSession } from '../domain/index.js';
import type { CaseLibrary, CaseSpec } from '../decks/index.js';
import { resumedWords } from '../presenters/index.js';
import type { GameStore } from '../store/index.js';

/**
 * What to do at start-up: resume the session in progress (a reload or a crash mid-round loses nothing), or start the
 * deep link's session. A deep link resumes the stored session only when it asks for the same deck, mode and seed
 * (or names no seed); otherwise it starts afresh and the older session stays in the history.
 */
export type StartChoice =
  | { readonly kind: 'resume'; readonly stored: StoredSession }
  | { readonly kind: 'new'; readonly link: DeepLink }
  | { readonly kind: 'title' };

export function chooseStart(sessions: readonly StoredSession[], link: DeepLink | null): StartChoice {
  const open = [...sessions].filter((s) => s.status === 'in-progress').sort((a, b) => b.updatedAt - a.updatedAt)[0];
  if (open && (!link || (link.deckId === open.deckId && link.mode.id === open.mode.id && (link.seed === null || link.seed === open.seed)))) {
    return { kind: 'resume', stored: open };
  }
  return link ? { kind: 'new', link } : { kind: 'title' };
}

/**
 * Restores a stored session into the store and the case library, given the deck's plan for the session's seed and
 * mode (demo deck or case pack). The case that was on screen comes back with the time that was left (the clock
 * kept running while the page was closed, unless the game was paused), its marks and its rating. Returns what the
 * status line should say.
 */
export function resumeStoredSession(
  store: GameStore, library: CaseLibrary, stored: StoredSession, planRounds: readonly (readonly CaseSpec[])[], now: number,
): string {
  const state = restoreSession(stored);
  // The same cases per round; their order may be a reader's own (a readiness drill's counterbalanced order).
  const planned = planRounds.map((r) => r.map((c) => c.id).sort().join(',')).join('|');
  const saved = stored.rounds.map((r) => [...r].sort().join(',')).join('|');
  if (planned !== saved) {
    throw new Error(`The saved session was made from a different version of deck '${stored.deckId}' and cannot be resumed. It stays in your history.`);
  }
  library.setSpecs(planRounds.flat());
  const progress = openCaseProgress(stored, state, now);
  const open = progress && stored.openCase ? { caseId: stored.openCase.caseId, progress } : null;
  store.getState().resumeSession(state, { id: stored.id, startedAt: stored.startedAt, generator: stored.generator }, open);
  const n = state.config.rounds[state.round]?.length ?? 0;
  if (state.phase === 'loading') {
    const left = progress ? Math.max(0, Math.ceil((state.config.mode.secondsPerCase * 1000 - progress.elapsedMs) / 1000)) : state.config.mode.secondsPerCase;
    return resumedWords({ answers: stored.answers.length, drill: state.config.mode.drill !== undefined, at: { round: state.round, caseIndex: state.caseIndex, cases: n, marks: progress?.marks.length ?? 0, secondsLeft: left } });
  }
  return resumedWords({ answers: stored.answers.length, at: null });
}

/**
 * A training session's reader reads the session's deck in their own order (counterbalanced per reader, see
 * delivery/counterbalance.ts): the plan's cases in the stored order. When the stored ids are not the plan's, the
 * plan is returned as it is, and resuming refuses it as made from another version of the deck.
 */
export function inStoredOrder<T extends { readonly id: string }>(rounds: readonly (readonly T[])[], stored: StoredSession): readonly (readonly T[])[] {
  const byId = new Map(rounds.flat().map((c) => [c.id as string, c]));
  const ordered = stored.rounds.map((r) => r.map((id) => byId.get(id)));
  return ordered.every((r) => r.every((c) => c !== undefined)) ? (ordered as T[][]) : rounds;
}

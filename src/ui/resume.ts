import { restoreSession, type CaseId, type DeepLink, type StoredSession } from '../domain/index.js';
import { planDemoDeck, type CaseLibrary } from '../casepack/index.js';
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

/** Restores a stored session into the store and the case library. Returns what the status line should say. */
export function resumeStoredSession(store: GameStore, library: CaseLibrary, stored: StoredSession, techniqueIds: readonly string[]): string {
  const state = restoreSession(stored);
  const plan = planDemoDeck(stored.seed, stored.mode, techniqueIds);
  const planned = plan.rounds.map((r) => r.map((c) => c.id).join(',')).join('|');
  const saved = stored.rounds.map((r) => r.join(',')).join('|');
  if (planned !== saved) {
    throw new Error('The saved session was made by a different version of the demo deck and cannot be resumed. It stays in your history.');
  }
  library.setSpecs(plan.rounds.flat());
  store.getState().resumeSession(
    state,
    { id: stored.id, startedAt: stored.startedAt },
    stored.answers.map((a) => a.answeredAt),
    (stored.openCaseId as CaseId | null) ?? null,
  );
  const n = state.config.rounds[state.round]?.length ?? 0;
  if (state.phase === 'loading') {
    return `Resumed your session at round ${state.round + 1}, case ${state.caseIndex + 1} of ${n}, with ${stored.answers.length} answers kept. The case's countdown starts again.`;
  }
  return `Resumed your session with ${stored.answers.length} answers kept.`;
}

import { toStoredSession, type StoredSession } from '../domain/index.js';
import { describeStorageFailure, type SessionRepository } from '../persistence/index.js';
import type { GameStore } from '../store/index.js';

/**
 * Saves the session the moment anything worth keeping happens: when it starts, when a case goes on screen (so a
 * reload knows which case was open and since when), when a mark, rating or pause changes on it, when each answer
 * is given, and when it completes. Saves are queued so they land in order; a failure is shown once and never stops
 * the game. A past session under review is never saved.
 */
export interface Persistence {
  /** Resolves when every save requested so far has landed. */
  flush(): Promise<void>;
  stop(): void;
}

export function startPersistence(store: GameStore, repo: SessionRepository, now: () => number): Persistence {
  let queue: Promise<void> = Promise.resolve();
  let lastProblem: string | null = null;
  let last: StoredSession | null = null;

  const put = (record: StoredSession): void => {
    last = record;
    queue = queue
      .then(() => repo.put(record))
      .then(async () => {
        lastProblem = null;
        // A finished session joins the history at once, so the learning curve includes it.
        if (record.status !== 'in-progress') store.getState().setPastSessions((await repo.list()).sessions);
      })
      .catch((err: unknown) => {
        const e = describeStorageFailure(err);
        if (e.problem !== lastProblem) store.getState().setError(e.message);
        lastProblem = e.problem;
      });
  };

  const save = (): void => {
    const st = store.getState();
    if (!st.session || !st.meta || st.reviewOnly) return;
    put(toStoredSession(st.session, st.meta, now()));
  };

  const unsub = store.subscribe(
    (st) => {
      const s = st.session;
      return [st.meta, s?.records.length ?? -1, s?.phase ?? null, s?.marks ?? null, s?.rating ?? null, s?.pausedAt ?? null, s?.round ?? -1] as const;
    },
    (next, prev) => {
      const meta = next[0];
      if (!meta) {
        // Quit to the title: the session is kept in the history but is not resumed on the next visit.
        if (prev[0] && last && last.id === prev[0].id && last.status === 'in-progress') {
          put({ ...last, status: 'abandoned', openCase: null, updatedAt: now() });
        }
        return;
      }
      save();
    },
    { equalityFn: (a, b) => a.every((v, i) => v === b[i]) },
  );
  return { flush: () => queue, stop: unsub };
}

import type { StoredSession } from '../domain/index.js';

/** Where sessions are kept. The game talks to this port; IndexedDB is behind it. */
export interface SessionList {
  readonly sessions: readonly StoredSession[];
  /** Records that could not be read, each with the reason; the others are still listed. */
  readonly unreadable: readonly string[];
}

export interface SessionRepository {
  put(session: StoredSession): Promise<void>;
  list(): Promise<SessionList>;
  deleteAll(): Promise<void>;
}

export type StorageProblem = 'unavailable' | 'full' | 'failed';

/** A storage failure with a message that tells the reader what happens and what to do. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export function describeStorageFailure(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') {
    return new StorageError('full', 'The browser storage for this game is full, so new answers are not being saved. ' +
      'Export your results now, then delete old sessions from the menu to make room.');
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError') {
    return new StorageError('unavailable', 'This browser refuses to store data (private browsing or a storage ' +
      'policy), so answers are kept only until this tab closes. Export your results before leaving.');
  }
  return new StorageError('failed', `Saving failed (${(err as Error)?.message ?? String(err)}). Your answers stay on ` +
    'screen; export them to keep a copy.');
}

import { parseStoredSession, type StoredSession } from '../domain/index.js';
import { openTrainerDb } from './db.js';
import { describeStorageFailure, type SessionList, type SessionRepository } from './session-repository.js';

export { DB_NAME } from './db.js';

/** Sessions in IndexedDB through `idb` (a small, maintained promise wrapper). One object store keyed by session id. */
export function createIdbSessionRepository(): SessionRepository {
  const db = openTrainerDb;

  return {
    put: async (session) => {
      try {
        await (await db()).put('sessions', session);
      } catch (err) {
        throw describeStorageFailure(err);
      }
    },
    list: async (): Promise<SessionList> => {
      let raw: unknown[];
      try {
        raw = await (await db()).getAllFromIndex('sessions', 'updatedAt');
      } catch (err) {
        throw describeStorageFailure(err);
      }
      const sessions: StoredSession[] = [];
      const unreadable: string[] = [];
      for (const r of raw) {
        const parsed = parseStoredSession(r);
        if (parsed.ok) sessions.push(parsed.value);
        else unreadable.push(`${(r as { id?: unknown })?.id ?? 'unknown session'}: ${parsed.error}`);
      }
      return { sessions: sessions.reverse(), unreadable };
    },
    deleteAll: async () => {
      try {
        await (await db()).clear('sessions');
      } catch (err) {
        throw describeStorageFailure(err);
      }
    },
  };
}

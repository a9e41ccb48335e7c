import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseStoredSession, type StoredSession } from '../domain/index.js';
import { describeStorageFailure, type SessionList, type SessionRepository } from './session-repository.js';

/** Sessions in IndexedDB through `idb` (a small, maintained promise wrapper). One object store keyed by session id. */
interface TrainerDb extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { updatedAt: number } };
}

export const DB_NAME = 'xray-trainer';
const DB_VERSION = 1;

export function createIdbSessionRepository(): SessionRepository {
  let dbPromise: Promise<IDBPDatabase<TrainerDb>> | null = null;
  const db = (): Promise<IDBPDatabase<TrainerDb>> => {
    if (!dbPromise) {
      dbPromise = openDB<TrainerDb>(DB_NAME, DB_VERSION, {
        upgrade(database) {
          const store = database.createObjectStore('sessions', { keyPath: 'id' });
          store.createIndex('updatedAt', 'updatedAt');
        },
      }).catch((err: unknown) => {
        dbPromise = null;
        throw describeStorageFailure(err);
      });
    }
    return dbPromise;
  };

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

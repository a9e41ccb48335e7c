import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { describeStorageFailure } from './session-repository.js';

/**
 * What training sessions keep in this browser, in a database of its own (so its upgrades never touch the game's
 * sessions and packs): the instructor's key file, each reader key (a CryptoKey whose private half cannot be read
 * out: IndexedDB stores it by structured clone), which stored session belongs to which training session and under
 * what display name, and the xAPI statements waiting for the LRS. delivery/ defines the records; this layer only
 * keeps them, so its types are generic over them.
 */
export const TRAINING_DB_NAME = 'xray-trainer-training';
const VERSION = 1;

/** Which stored game session a resident's join made, and what the result file needs besides the answers. */
export interface JoinRecord {
  readonly storedSessionId: string;
  readonly sessionSha256: string;
  /** The signed session document (JSON), checked again by delivery/ whenever it is read back. */
  readonly session: unknown;
  /** The resident's name or pseudonym: only ever written into their own result file. */
  readonly displayName: string;
  readonly planSha256: string;
  readonly joinedAt: number;
  readonly savedAt: number | null;
}

interface TrainingDb extends DBSchema {
  instructorKey: { key: string; value: { id: string; file: unknown } };
  readerKeys: { key: string; value: { scope: string } };
  joins: { key: string; value: JoinRecord; indexes: { sessionSha256: string } };
  outbox: { key: string; value: { id: string; seq: number } };
}

let shared: Promise<IDBPDatabase<TrainingDb>> | null = null;

function db(): Promise<IDBPDatabase<TrainingDb>> {
  shared ??= openDB<TrainingDb>(TRAINING_DB_NAME, VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('instructorKey', { keyPath: 'id' });
        database.createObjectStore('readerKeys', { keyPath: 'scope' });
        database.createObjectStore('joins', { keyPath: 'storedSessionId' }).createIndex('sessionSha256', 'sessionSha256');
        database.createObjectStore('outbox', { keyPath: 'id' });
      }
    },
  }).catch((err: unknown) => {
    shared = null;
    throw describeStorageFailure(err);
  });
  return shared;
}

async function guarded<T>(f: (d: IDBPDatabase<TrainingDb>) => Promise<T>): Promise<T> {
  try {
    return await f(await db());
  } catch (err) {
    throw describeStorageFailure(err);
  }
}

export interface TrainingRepository {
  /** The instructor key file kept in this browser (parsed and checked by delivery's loadInstructorKey), or null. */
  instructorKeyFile(): Promise<unknown>;
  saveInstructorKeyFile(file: unknown): Promise<void>;
  joins(): Promise<JoinRecord[]>;
  putJoin(j: JoinRecord): Promise<void>;
  /** Everything kept for training sessions: keys, joins (names) and the queue. "Delete my data" calls it. */
  deleteAll(): Promise<void>;
}

export function createTrainingRepository(): TrainingRepository {
  return {
    instructorKeyFile: () => guarded(async (d) => (await d.get('instructorKey', 'default'))?.file ?? null),
    saveInstructorKeyFile: (file) => guarded(async (d) => void (await d.put('instructorKey', { id: 'default', file }))),
    joins: () => guarded(async (d) => (await d.getAll('joins')).sort((a, b) => b.joinedAt - a.joinedAt)),
    putJoin: (j) => guarded(async (d) => void (await d.put('joins', j))),
    deleteAll: () =>
      guarded(async (d) => {
        const tx = d.transaction(['instructorKey', 'readerKeys', 'joins', 'outbox'], 'readwrite');
        await Promise.all([tx.objectStore('instructorKey').clear(), tx.objectStore('readerKeys').clear(), tx.objectStore('joins').clear(), tx.objectStore('outbox').clear(), tx.done]);
      }),
  };
}

/** Reader keys by scope (delivery's ReaderKeyStore port). */
export function createTrainingReaderKeyStore<K extends { readonly scope: string }>(): { get(scope: string): Promise<K | null>; put(key: K): Promise<void> } {
  return {
    get: (scope) => guarded(async (d) => ((await d.get('readerKeys', scope)) as K | undefined) ?? null),
    put: (key) => guarded(async (d) => void (await d.put('readerKeys', key))),
  };
}

/** The statement queue (delivery's OutboxStore port): each call one transaction, so it is atomic. */
export function createIdbOutboxStore<I extends { readonly id: string; readonly seq: number }>(): {
  all(): Promise<I[]>;
  put(items: readonly I[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
} {
  return {
    all: () => guarded(async (d) => (await d.getAll('outbox')) as I[]),
    put: (items) =>
      guarded(async (d) => {
        const tx = d.transaction('outbox', 'readwrite');
        await Promise.all([...items.map((i) => tx.store.put(i)), tx.done]);
      }),
    delete: (ids) =>
      guarded(async (d) => {
        const tx = d.transaction('outbox', 'readwrite');
        await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
      }),
  };
}

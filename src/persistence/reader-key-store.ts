import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The reader keys of signed drills (delivery/reader-identity.ts ReaderKeyStore, matched by shape: persistence does not
 * import delivery). A CryptoKey is stored by structured clone, so the private half stays non-extractable. A database
 * of its own, so adding it does not touch the game's main database (db.ts); "delete my data" deletes it (deleteAll).
 */
export interface StoredDrillReaderKey {
  readonly scope: string;
  readonly createdAt: number;
  readonly privateKey: CryptoKey;
  readonly publicKey: string;
  readonly fingerprint: string;
}

interface KeyDb extends DBSchema {
  keys: { key: string; value: StoredDrillReaderKey };
}

export const READER_KEY_DB_NAME = 'xray-trainer-reader-keys';

export interface IdbReaderKeyStore {
  get(scope: string): Promise<StoredDrillReaderKey | null>;
  put(key: StoredDrillReaderKey): Promise<void>;
  deleteAll(): Promise<void>;
}

export function createIdbReaderKeyStore(): IdbReaderKeyStore {
  let db: Promise<IDBPDatabase<KeyDb>> | null = null;
  const open = (): Promise<IDBPDatabase<KeyDb>> => {
    db ??= openDB<KeyDb>(READER_KEY_DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('keys', { keyPath: 'scope' }) });
    return db;
  };
  return {
    get: async (scope) => (await (await open()).get('keys', scope)) ?? null,
    put: async (key) => void (await (await open()).put('keys', key)),
    deleteAll: async () => {
      if (db) (await db).close();
      db = null;
      await deleteDB(READER_KEY_DB_NAME);
    },
  };
}

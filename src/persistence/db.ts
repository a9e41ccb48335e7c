import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredSession } from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { describeStorageFailure } from './session-repository.js';

/** A stored pack's record: its manifest and when it was stored. Files are separate records (one image each). */
export interface StoredPackRecord {
  readonly id: string;
  readonly manifest: PackManifest;
  readonly storedAt: number;
  readonly bytes: number;
}

export interface StoredPackFile {
  readonly packId: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * The one IndexedDB database of the game. Version 1 held sessions; version 2 adds case packs. The upgrade runs
 * each step only for databases older than it, so sessions stored by version 1 are kept.
 */
export interface TrainerDb extends DBSchema {
  sessions: { key: string; value: StoredSession; indexes: { updatedAt: number } };
  packs: { key: string; value: StoredPackRecord };
  packFiles: { key: [string, string]; value: StoredPackFile; indexes: { packId: string } };
}

export const DB_NAME = 'xray-trainer';
const DB_VERSION = 2;

let shared: Promise<IDBPDatabase<TrainerDb>> | null = null;

export function openTrainerDb(): Promise<IDBPDatabase<TrainerDb>> {
  if (!shared) {
    shared = openDB<TrainerDb>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const store = database.createObjectStore('sessions', { keyPath: 'id' });
          store.createIndex('updatedAt', 'updatedAt');
        }
        if (oldVersion < 2) {
          database.createObjectStore('packs', { keyPath: 'id' });
          database.createObjectStore('packFiles', { keyPath: ['packId', 'path'] }).createIndex('packId', 'packId');
        }
      },
    }).catch((err: unknown) => {
      shared = null;
      throw describeStorageFailure(err);
    });
  }
  return shared;
}

/** Closes and forgets the cached connection (tests that delete or re-create the database). */
export async function forgetTrainerDb(): Promise<void> {
  const db = shared;
  shared = null;
  if (db) (await db).close();
}

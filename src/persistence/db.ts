import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredSession } from '../domain/index.js';
import type { PackManifest } from '../pack-format/index.js';
import { describeStorageFailure, StorageError } from './session-repository.js';

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
/** Set once this tab let go of the database for a newer version opened in another tab (see `blocking`). */
let closedForUpgrade = false;

/** How long an open waits for another tab to let go before saying so; the open itself goes on in the background. */
export const BLOCKED_WAIT_MS = 3000;

const upgradedElsewhere = (): StorageError =>
  new StorageError('unavailable', 'A newer version of the game was opened in another tab and needed the stored data, so ' +
    'this tab let go of it. Reload this page to keep saving; what was saved before is kept.');
const blockedByOtherTab = (): StorageError =>
  new StorageError('unavailable', "Another tab of the game (an older version) holds the stored data open, so it cannot " +
    "be upgraded. Close the game's other tabs, then reload this page.");

export function openTrainerDb(waitMs = BLOCKED_WAIT_MS): Promise<IDBPDatabase<TrainerDb>> {
  if (closedForUpgrade) return Promise.reject(upgradedElsewhere());
  if (!shared) {
    const opening = new Promise<IDBPDatabase<TrainerDb>>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let gaveUp = false;
      openDB<TrainerDb>(DB_NAME, DB_VERSION, {
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
        // An older tab holds the database: say what to do after a short wait rather than hang every save.
        blocked() {
          timer ??= setTimeout(() => {
            gaveUp = true;
            if (shared === opening) shared = null;
            reject(blockedByOtherTab());
          }, waitMs);
        },
        // A newer version in another tab waits for this connection: close it so that tab can upgrade.
        blocking(_current, _blocked, event) {
          (event.target as IDBDatabase).close();
          closedForUpgrade = true;
          shared = null;
        },
        terminated() {
          if (shared === opening) shared = null;
        },
      }).then(
        (db) => {
          clearTimeout(timer);
          // Opened after this call gave up: the next call opens afresh.
          if (gaveUp) db.close();
          else resolve(db);
        },
        (err: unknown) => {
          clearTimeout(timer);
          if (shared === opening) shared = null;
          reject(describeStorageFailure(err));
        },
      );
    });
    shared = opening;
  }
  return shared;
}

/** Closes and forgets the cached connection (tests that delete or re-create the database). */
export async function forgetTrainerDb(): Promise<void> {
  const db = shared;
  shared = null;
  closedForUpgrade = false;
  if (db) (await db).close();
}

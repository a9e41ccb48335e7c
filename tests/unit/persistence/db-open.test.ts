/** Two tabs of different versions: neither hangs the other's upgrade, and each says what to do. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME, forgetTrainerDb, openTrainerDb } from '../../../src/persistence/db.js';

const deleteDb = () => new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(DB_NAME), { onsuccess: resolve }));

describe('opening the game database', () => {
  it('lets go of the database for a newer version in another tab, then says to reload', async () => {
    await openTrainerDb();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 3);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    newer.close();
    await expect(openTrainerDb()).rejects.toThrow(/Reload this page/);
    await forgetTrainerDb();
    await deleteDb();
  });

  it('says to close the other tabs when an older tab blocks the upgrade, and opens once it is gone', async () => {
    await forgetTrainerDb();
    await deleteDb();
    // An old tab: version 1, and no handler that would close it for an upgrade.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      open.onsuccess = () => resolve(open.result);
    });
    await expect(openTrainerDb(50)).rejects.toThrow(/Close the game's other tabs/);
    old.close();
    await new Promise((r) => setTimeout(r, 20));
    const db = await openTrainerDb();
    expect([...db.objectStoreNames].sort()).toEqual(['packFiles', 'packs', 'sessions']);
    await forgetTrainerDb();
  });
});

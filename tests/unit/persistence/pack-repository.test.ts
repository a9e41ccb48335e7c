import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packToZip, readPack, unzipPack } from '../../../src/pack-format/index.js';
import { createIdbPackRepository, createIdbSessionRepository, DB_NAME, forgetTrainerDb, newStagingId } from '../../../src/persistence/index.js';
import { caseId, createSession, getMode, toStoredSession } from '../../../src/domain/index.js';
import { validPackFiles } from '../pack-format/fixtures.js';

describe('the IndexedDB pack repository', () => {
  it('stores a pack whole, lists it, serves its files and exports the same pack', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, files, 1000);
    const list = await repo.list();
    expect(list).toEqual([expect.objectContaining({ id: manifest.id, cases: 3, fakes: 2, flaggedCases: 1, reviewed: false })]);
    expect((await repo.manifest(manifest.id)).title).toBe(manifest.title);
    expect(await repo.file(manifest.id, 'images/c0002.png')).toEqual(files.get('images/c0002.png'));
    const back = unzipPack(packToZip(await repo.files(manifest.id)));
    expect(readPack(back).cases.map((c) => c.id)).toEqual(['c0001', 'c0002', 'c0003']);
    expect([...back.keys()].sort()).toEqual([...files.keys()].sort());
  });

  it('replaces a pack with the same id (no stale files) and deletes it on request', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, files, 1);
    const fewer = new Map(files);
    fewer.delete('originals/c0002.png');
    await repo.put(manifest, fewer, 2);
    expect((await repo.files(manifest.id)).has('originals/c0002.png')).toBe(false);
    await repo.delete(manifest.id);
    expect(await repo.list()).toEqual([]);
    await expect(repo.manifest(manifest.id)).rejects.toThrow(/not stored in this browser/);
  });

  it('a pack built file by file is invisible until committed whole, replaces an older one, and a failed build leaves nothing', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    const fewer = new Map(files);
    fewer.delete('originals/c0002.png');
    await repo.put(manifest, fewer, 1);
    const staging = newStagingId('build-2');
    for (const [path, bytes] of files) await repo.stageFile(staging, path, bytes);
    expect((await repo.list()).map((p) => p.storedAt)).toEqual([1]);
    expect((await repo.files(manifest.id)).has('originals/c0002.png')).toBe(false);
    await repo.commitStaged(staging, manifest, 2);
    expect((await repo.list()).map((p) => [p.id, p.storedAt])).toEqual([[manifest.id, 2]]);
    expect([...(await repo.files(manifest.id)).keys()].sort()).toEqual([...files.keys()].sort());
    expect((await repo.files(staging)).size).toBe(0);

    const failed = newStagingId('build-3');
    await repo.stageFile(failed, 'images/c0001.png', new Uint8Array([1, 2, 3]));
    await repo.discardStaged(failed);
    expect((await repo.files(failed)).size).toBe(0);
    const closedTab = newStagingId('build-4');
    await repo.stageFile(closedTab, 'images/c0001.png', new Uint8Array([1]));
    await repo.discardAllStaged();
    expect((await repo.files(closedTab)).size).toBe(0);
    expect((await repo.files(manifest.id)).size).toBe(files.size);
    await expect(repo.stageFile(manifest.id, 'x.png', new Uint8Array(1))).rejects.toThrow(/not a staging id/);
    await repo.delete(manifest.id);
  });

  it('upgrades a version-1 database (sessions only) without losing its sessions', async () => {
    await forgetTrainerDb();
    await new Promise((resolve) => Object.assign(indexedDB.deleteDatabase(DB_NAME), { onsuccess: resolve }));
    await new Promise<void>((resolve) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('sessions', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      open.onsuccess = () => {
        const tx = open.result.transaction('sessions', 'readwrite');
        const mode = { ...getMode('practice'), casesPerRound: 1, rounds: 1 };
        tx.objectStore('sessions').put(toStoredSession(createSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a')]] }), { id: 'kept', startedAt: 1, generator: 'test' }, 5));
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
    });
    expect((await createIdbSessionRepository().list()).sessions.map((s) => s.id)).toEqual(['kept']);
    const files = validPackFiles();
    await createIdbPackRepository().put(readPack(files), files, 3);
    expect((await createIdbPackRepository().list()).length).toBe(1);
  });
});

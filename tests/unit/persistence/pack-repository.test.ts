import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packToZip, readPack, unzipPack } from '../../../src/pack-format/index.js';
import { createIdbPackRepository, createIdbSessionRepository, DB_NAME, forgetTrainerDb, newStagingId, STALE_STAGING_MS } from '../../../src/persistence/index.js';
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

  it('stores the same pack again (no stale files) and deletes it on request', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, new Map([...files, ['README.md', new Uint8Array([1])]]), 1);
    await repo.put(manifest, files, 2);
    expect((await repo.files(manifest.id)).has('README.md')).toBe(false);
    await repo.delete(manifest.id);
    expect(await repo.list()).toEqual([]);
    await expect(repo.manifest(manifest.id)).rejects.toThrow(/not stored in this browser/);
  });

  it('a pack built file by file is invisible until committed whole, replaces the same pack, and a failed build leaves nothing', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, new Map([...files, ['README.md', new Uint8Array([1])]]), 1);
    const staging = newStagingId(2, 'build-2');
    for (const [path, bytes] of files) await repo.stageFile(staging, path, bytes);
    expect((await repo.list()).map((p) => p.storedAt)).toEqual([1]);
    await repo.commitStaged(staging, manifest, 2);
    expect((await repo.list()).map((p) => [p.id, p.storedAt])).toEqual([[manifest.id, 2]]);
    expect([...(await repo.files(manifest.id)).keys()].sort()).toEqual([...files.keys()].sort());
    expect((await repo.files(staging)).size).toBe(0);

    const failed = newStagingId(3, 'build-3');
    await repo.stageFile(failed, 'images/c0001.png', new Uint8Array([1, 2, 3]));
    await repo.discardStaged(failed);
    expect((await repo.files(failed)).size).toBe(0);
    await expect(repo.stageFile(manifest.id, 'x.png', new Uint8Array(1))).rejects.toThrow(/not a staging id/);
    await repo.delete(manifest.id);
  });

  it("at start-up drops only stale stagings, never another tab's build in progress", async () => {
    const repo = createIdbPackRepository();
    const now = Date.UTC(2026, 11, 6);
    const running = newStagingId(now - 60_000, 'other-tab');
    const closedTab = newStagingId(now - STALE_STAGING_MS - 1, 'closed-tab');
    const legacy = '~staging-put-1733000000000-abc';
    for (const id of [running, closedTab, legacy]) await repo.stageFile(id, 'images/c0001.png', new Uint8Array([1]));
    await repo.discardStaleStaged(now);
    expect((await repo.files(running)).size).toBe(1);
    expect((await repo.files(closedTab)).size).toBe(0);
    expect((await repo.files(legacy)).size).toBe(0);
    await repo.discardStaged(running);
  });

  it('refuses, keeping the stored pack whole, a commit missing a file the manifest names', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, files, 1);
    const staging = newStagingId(2, 'cleared');
    for (const [path, bytes] of files) if (path !== 'images/c0001.png') await repo.stageFile(staging, path, bytes);
    await expect(repo.commitStaged(staging, manifest, 2)).rejects.toThrow(/1 file its manifest names is missing from the build \(images\/c0001\.png\).*Build or import the pack again/);
    expect((await repo.list()).map((p) => p.storedAt)).toEqual([1]);
    expect((await repo.files(manifest.id)).size).toBe(files.size);
    await repo.discardStaged(staging);
    await repo.delete(manifest.id);
  });

  it('refuses a different pack with the same id and keeps the stored one', async () => {
    const repo = createIdbPackRepository();
    const files = validPackFiles();
    const manifest = readPack(files);
    await repo.put(manifest, files, 1);
    const rebuilt = { ...manifest, createdAt: '2027-01-01T00:00:00Z' };
    await expect(repo.put(rebuilt, files, 2)).rejects.toThrow(/A different pack with the id '.+' is already stored.*delete the stored pack first/);
    expect((await repo.manifest(manifest.id)).createdAt).toBe(manifest.createdAt);
    expect((await repo.files(manifest.id)).size).toBe(files.size);
    // The same pack again (its keys in another order) is stored over itself.
    const reordered = Object.fromEntries(Object.entries(manifest).reverse()) as typeof manifest;
    await repo.put(reordered, files, 3);
    expect((await repo.list()).map((p) => p.storedAt)).toEqual([3]);
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

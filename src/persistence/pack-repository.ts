/**
 * Case packs in IndexedDB: one record per pack (its manifest) and one per file, written in a single transaction so
 * a pack is stored whole or not at all (IndexedDB transactions are atomic). Nothing leaves the browser; export
 * builds a zip the user saves.
 */
import { missingPackFiles, packReplacementProblem, type PackManifest } from '../pack-format/index.js';
import { openTrainerDb } from './db.js';
import { describeStorageFailure, StorageError } from './session-repository.js';

export interface StoredPackSummary {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly licence: string;
  readonly cases: number;
  readonly fakes: number;
  readonly flaggedCases: number;
  readonly reviewed: boolean;
  readonly storedAt: number;
  readonly bytes: number;
}

export interface PackRepository {
  list(): Promise<StoredPackSummary[]>;
  manifest(id: string): Promise<PackManifest>;
  file(id: string, path: string): Promise<Uint8Array>;
  /** All files of a pack (for export), manifest.json included. */
  files(id: string): Promise<Map<string, Uint8Array>>;
  /** Stores a pack; one with the same id is replaced only by the same pack (see `commitStaged`). */
  put(manifest: PackManifest, files: ReadonlyMap<string, Uint8Array>, now: number): Promise<void>;
  /**
   * Stores one file of a pack still being built, under a staging id that no list shows, so a large pack is never
   * held in memory whole. `commitStaged` turns the staged files into the pack `manifest.id` in one transaction; it
   * refuses, changing nothing, when a file the manifest names is not staged or a different pack has that id.
   * `discardStaged` drops them after a failed build.
   */
  stageFile(stagingId: string, path: string, bytes: Uint8Array): Promise<void>;
  commitStaged(stagingId: string, manifest: PackManifest, now: number): Promise<void>;
  discardStaged(stagingId: string): Promise<void>;
  /**
   * Drops the staged files of builds that never finished (the tab was closed mid-build), run at start-up: only
   * stagings older than `maxAgeMs`, since another tab may be building right now.
   */
  discardStaleStaged(now: number, maxAgeMs?: number): Promise<void>;
  delete(id: string): Promise<void>;
}

const summary = (m: PackManifest, storedAt: number, bytes: number): StoredPackSummary => ({
  id: m.id, title: m.title, author: m.author, licence: m.licence, cases: m.cases.length,
  fakes: m.cases.filter((c) => c.truth.kind !== 'authentic').length,
  flaggedCases: m.review.flaggedCases, reviewed: m.review.reviewed, storedAt, bytes,
});

async function guarded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw describeStorageFailure(err);
  }
}

/**
 * Staging ids start with a character no pack id may start with, so staged files never pass for a pack, and carry
 * when the build started, so start-up can tell a build abandoned long ago from one running in another tab.
 */
const STAGING_PREFIX = '~staging-';
export const newStagingId = (now: number, nonce: string): string => `${STAGING_PREFIX}${Math.floor(now)}-${nonce}`;
const isStagingId = (id: string): boolean => id.startsWith(STAGING_PREFIX);
/** No build takes this long: staged files this old belong to a tab that was closed. */
export const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/** Whether a staging was abandoned: older than `maxAgeMs`, or with no start time (made before ids carried one). */
export function isStaleStaging(stagingId: string, now: number, maxAgeMs = STALE_STAGING_MS): boolean {
  const started = /^~staging-(\d{10,})-/.exec(stagingId)?.[1];
  return started === undefined || now - Number(started) > maxAgeMs;
}

async function deleteFilesOf(packId: string): Promise<void> {
  const db = await openTrainerDb();
  const tx = db.transaction('packFiles', 'readwrite');
  for (const key of await tx.store.index('packId').getAllKeys(packId)) await tx.store.delete(key);
  await tx.done;
}

export function createIdbPackRepository(): PackRepository {
  const missing = (id: string): Error => new Error(`Pack '${id}' is not stored in this browser. Import it from the case packs screen (K), then try again.`);
  const repo: PackRepository = {
    list: () =>
      guarded(async () => {
        const all = await (await openTrainerDb()).getAll('packs');
        return all.map((r) => summary(r.manifest, r.storedAt, r.bytes)).sort((a, b) => b.storedAt - a.storedAt);
      }),
    manifest: async (id) => {
      const r = await guarded(async () => (await openTrainerDb()).get('packs', id));
      if (!r) throw missing(id);
      return r.manifest;
    },
    file: async (id, path) => {
      const r = await guarded(async () => (await openTrainerDb()).get('packFiles', [id, path]));
      if (!r) throw new Error(`Pack '${id}' is missing its file ${path}. Delete the pack and import it again.`);
      return r.bytes;
    },
    files: (id) =>
      guarded(async () => {
        const db = await openTrainerDb();
        const rows = await db.getAllFromIndex('packFiles', 'packId', id);
        return new Map(rows.map((r) => [r.path, r.bytes]));
      }),
    // Through the staging area too: the same one-transaction swap as a build, so the two paths cannot differ.
    put: async (manifest, files, now) => {
      const staging = newStagingId(now, `put-${Math.random().toString(36).slice(2)}`);
      try {
        for (const [path, data] of files) await repo.stageFile(staging, path, data);
        await repo.commitStaged(staging, manifest, now);
      } catch (err) {
        await repo.discardStaged(staging).catch(() => undefined);
        throw err;
      }
    },
    stageFile: (stagingId, path, bytes) =>
      guarded(async () => {
        if (!isStagingId(stagingId)) throw new Error(`stageFile: '${stagingId}' is not a staging id`);
        await (await openTrainerDb()).put('packFiles', { packId: stagingId, path, bytes });
      }),
    commitStaged: (stagingId, manifest, now) =>
      guarded(async () => {
        const db = await openTrainerDb();
        const tx = db.transaction(['packs', 'packFiles'], 'readwrite');
        const fileStore = tx.objectStore('packFiles');
        // Checked before anything is deleted: a build whose files were cleared (by another tab) or a different pack
        // with this id leaves the stored pack as it was.
        const staged = new Set((await fileStore.index('packId').getAllKeys(stagingId)).map((k) => k[1]));
        const missing = missingPackFiles(manifest, staged);
        if (missing.length > 0) {
          throw new StorageError('failed', `${missing.length === 1 ? '1 file' : `${missing.length} files`} its manifest names ${missing.length === 1 ? 'is' : 'are'} missing from the build ` +
            `(${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '...' : ''}), perhaps cleared by another tab of the game. ` +
            'Build or import the pack again; any pack stored before is kept.');
        }
        const before = await tx.objectStore('packs').get(manifest.id);
        const refusal = before ? packReplacementProblem(before.manifest, manifest) : null;
        if (refusal) throw new StorageError('failed', refusal);
        for (const key of await fileStore.index('packId').getAllKeys(manifest.id)) await fileStore.delete(key);
        let bytes = 0;
        // One row at a time: the pack is never in memory whole, and the transaction makes the swap atomic.
        for (let cursor = await fileStore.index('packId').openCursor(stagingId); cursor; cursor = await cursor.continue()) {
          const row = cursor.value;
          bytes += row.bytes.byteLength;
          await fileStore.put({ packId: manifest.id, path: row.path, bytes: row.bytes });
          await cursor.delete();
        }
        await tx.objectStore('packs').put({ id: manifest.id, manifest, storedAt: now, bytes });
        await tx.done;
      }),
    discardStaged: (stagingId) => guarded(() => deleteFilesOf(stagingId)),
    discardStaleStaged: (now, maxAgeMs) =>
      guarded(async () => {
        const db = await openTrainerDb();
        const range = IDBKeyRange.bound(STAGING_PREFIX, `${STAGING_PREFIX}\uffff`);
        const tx = db.transaction('packFiles', 'readwrite');
        for (const key of await tx.store.index('packId').getAllKeys(range)) {
          if (isStaleStaging(key[0], now, maxAgeMs)) await tx.store.delete(key);
        }
        await tx.done;
      }),
    delete: (id) =>
      guarded(async () => {
        const db = await openTrainerDb();
        const tx = db.transaction(['packs', 'packFiles'], 'readwrite');
        const fileStore = tx.objectStore('packFiles');
        for (const key of await fileStore.index('packId').getAllKeys(id)) await fileStore.delete(key);
        await tx.objectStore('packs').delete(id);
        await tx.done;
      }),
  };
  return repo;
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { caseId, createSession, getMode, toStoredSession } from '../../../src/domain/index.js';
import { createIdbSessionRepository, describeStorageFailure, DB_NAME } from '../../../src/persistence/index.js';

function stored(id: string, updatedAt: number) {
  const mode = { ...getMode('practice'), casesPerRound: 1, rounds: 1 };
  const s = createSession({ mode, deckId: 'demo', seed: 1, rounds: [[caseId('a')]] });
  return toStoredSession(s, { id, startedAt: 1, generator: 'test' }, updatedAt);
}

describe('the IndexedDB session repository', () => {
  it('keeps sessions, lists the newest first, and deletes everything on request', async () => {
    const repo = createIdbSessionRepository();
    await repo.deleteAll();
    await repo.put(stored('old', 10));
    await repo.put(stored('new', 20));
    await repo.put({ ...stored('old', 30), status: 'complete' });
    const listed = await repo.list();
    expect(listed.sessions.map((s) => [s.id, s.status])).toEqual([['old', 'complete'], ['new', 'in-progress']]);
    await repo.deleteAll();
    expect((await repo.list()).sessions).toEqual([]);
  });

  it('skips a corrupt record with its reason and still lists the rest', async () => {
    const repo = createIdbSessionRepository();
    await repo.deleteAll();
    await repo.put(stored('good', 10));
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME);
      open.onsuccess = () => {
        const tx = open.result.transaction('sessions', 'readwrite');
        tx.objectStore('sessions').put({ id: 'bad', updatedAt: 5, schemaVersion: 1, answers: 'nope' });
        // A version-1 record whose migration used to throw and hide every session.
        tx.objectStore('sessions').put({ ...stored('null-answer', 6), schemaVersion: 1, answers: [null] });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const listed = await repo.list();
    expect(listed.sessions.map((s) => s.id)).toEqual(['good']);
    expect(listed.unreadable).toEqual([expect.stringMatching(/^bad: invalid session record/), expect.stringMatching(/^null-answer: invalid session record .*answers\.0/)]);
  });

  it('turns storage failures into messages that say what to do', () => {
    expect(describeStorageFailure({ name: 'QuotaExceededError' })).toMatchObject({ problem: 'full', message: expect.stringMatching(/Export your results now/) });
    expect(describeStorageFailure({ name: 'SecurityError' })).toMatchObject({ problem: 'unavailable', message: expect.stringMatching(/private browsing/) });
    expect(describeStorageFailure(new Error('disk on fire'))).toMatchObject({ problem: 'failed', message: expect.stringMatching(/disk on fire/) });
  });
});

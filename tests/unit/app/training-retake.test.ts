import { describe, expect, it, vi } from 'vitest';
import { createTraining, type Training, type TrainingDeps } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import { memoryOutboxStore, memoryReaderKeyStore, sessionLink, verifyResultFile, type ReaderKeyStore } from '../../../src/delivery/index.js';
import { toStoredSession, type StoredSession } from '../../../src/domain/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import type { JoinRecord, PackRepository, TrainingRepository } from '../../../src/persistence/index.js';
import { createGameStore, type GameStore } from '../../../src/store/index.js';
import { signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { answerDemoCases, truthOf } from '../../helpers/test-game.js';

/**
 * A signed training session is read once: after the reader finished it, or stopped it (quit, or opened it for review)
 * having seen the truth of the cases answered (after-case feedback), the same link on a new page over the same stored
 * history and the same browser stores offers only the result file, never a new session.
 */
interface Browser {
  readonly repo: TrainingRepository;
  readonly keys: ReaderKeyStore;
  readonly downloads: { name: string; data: string | Uint8Array }[];
}

function browser(): Browser {
  const joins = new Map<string, JoinRecord>();
  const repo: TrainingRepository = {
    instructorKeyFile: async () => null, saveInstructorKeyFile: async () => undefined,
    joins: async () => [...joins.values()].sort((a, b) => b.joinedAt - a.joinedAt), putJoin: async (j) => void joins.set(j.storedSessionId, j), deleteAll: async () => joins.clear(),
  };
  return { repo, keys: memoryReaderKeyStore(), downloads: [] };
}

const noPacks = { list: async () => [], files: async () => { throw new Error('no pack'); }, manifest: async () => { throw new Error('no pack'); } } as unknown as PackRepository;

function page(b: Browser, now: () => number, history: readonly StoredSession[] = []): { store: GameStore; training: Training } {
  const store = createGameStore({ now });
  store.getState().setPastSessions(history);
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const deps: TrainingDeps = {
    store, library, packs: noPacks, repo: b.repo, readerKeys: b.keys, outboxStore: memoryOutboxStore(), techniques: TECHNIQUE_IDS,
    say: () => undefined, now, download: (name, data) => void b.downloads.push({ name, data }), pick: () => undefined,
    gameAddress: 'https://teaching.example.org/xray/', app: { name: 'xray-deepfake-trainer', version: '0.1.0' }, connectAllowed: () => true,
    copyText: async () => undefined, refreshHistory: async () => undefined,
  };
  return { store, training: createTraining(deps, async () => undefined, () => undefined) };
}

/** Answers `n` cases with 6, seeing each case's truth afterwards (after-case feedback). */
function answer(store: GameStore, n: number): void {
  const st = () => store.getState();
  st().startRound();
  answerDemoCases(store, TECHNIQUE_IDS, { n });
  while (st().session?.phase === 'roundReview') st().continueSession();
}

describe('a signed training session that ended is not started again', () => {
  const now = () => Date.parse('2026-03-02T09:05:00Z');

  for (const ending of ['finished', 'stopped'] as const) {
    it(`${ending}: the reopened link offers only the result file, and Join starts nothing`, async () => {
      const b = browser();
      const signed = await signedSession({}, { casesPerRound: 4, feedback: 'after-case' });
      const first = page(b, now);
      await first.training.openFromHash(sessionLink(signed));
      first.training.handle({ kind: 'joinName', value: 'Ana' });
      first.training.handle({ kind: 'join' });
      await vi.waitFor(() => expect(first.store.getState().session?.phase).toBe('briefing'));
      answer(first.store, ending === 'finished' ? 4 : 2);
      expect(first.store.getState().session?.phase).toBe(ending === 'finished' ? 'summary' : 'loading');
      const stored = toStoredSession(first.store.getState().session!, first.store.getState().meta!, now());
      const kept: StoredSession = ending === 'finished' ? stored : { ...stored, status: 'abandoned' };

      const again = page(b, now, [kept]);
      await again.training.afterStart(sessionLink(signed));
      expect(again.store.getState().training.join?.status).toBe(ending === 'finished' ? 'done' : 'stopped');
      again.training.handle({ kind: 'join' });
      await vi.waitFor(() => expect(b.downloads).toHaveLength(1));
      expect(again.store.getState().session).toBeNull();
      const check = await verifyResultFile(b.downloads[0]!.data as Uint8Array, null);
      if (!check.ok) throw new Error(check.message);
      expect(check.file.result.complete).toBe(ending === 'finished');
      expect(check.file.result.answers).toHaveLength(ending === 'finished' ? 4 : 2);
    });
  }
});

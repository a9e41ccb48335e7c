import { describe, expect, it } from 'vitest';
import { createTraining, type TrainingDeps } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import { memoryOutboxStore, memoryReaderKeyStore, sessionLink } from '../../../src/delivery/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import type { JoinRecord, PackRepository, TrainingRepository } from '../../../src/persistence/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { answerDemoCases, truthOf } from '../../helpers/test-game.js';

/**
 * What a closed tab left in the LRS queue: a reader finishes offline and closes the tab at the summary; the next
 * visit (online, the finished session not resumed) sends it at start-up, to the session's own LRS and nowhere else.
 */
const wait = async (f: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 300 && !(await f()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('LRS statements left queued when the tab closed', () => {
  it('are sent at the next start-up although the finished session is not resumed', async () => {
    const joins = new Map<string, JoinRecord>();
    const repo: TrainingRepository = {
      instructorKeyFile: async () => null, saveInstructorKeyFile: async () => undefined, joins: async () => [...joins.values()],
      putJoin: async (j) => void joins.set(j.storedSessionId, j), deleteAll: async () => joins.clear(),
    };
    const outbox = memoryOutboxStore();
    const readerKeys = memoryReaderKeyStore();
    const now = Date.parse('2026-03-02T09:05:00Z');
    const hosts: string[] = [];
    const page = (online: boolean) => {
      const store = createGameStore({ now: () => now });
      const library = createCaseLibrary({
        prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
        dispose: () => undefined,
      }, 8);
      const deps: TrainingDeps = {
        store, library, packs: {} as PackRepository, repo, readerKeys, outboxStore: outbox, techniques: TECHNIQUE_IDS, say: () => undefined, now: () => now,
        download: () => undefined, pick: () => undefined, gameAddress: 'https://x.example/', app: { name: 'a', version: '1' }, connectAllowed: () => true,
        copyText: async () => undefined, refreshHistory: async () => undefined,
        fetch: async (url) => {
          hosts.push(new URL(String(url)).host);
          if (!online) throw new TypeError('Failed to fetch');
          return new Response('[]', { status: 200 });
        },
      };
      return { store, training: createTraining(deps, async () => undefined, () => undefined) };
    };
    const lrs = { endpoint: 'https://lrs.example.org/xapi/', token: 'Basic d3JpdGU6b25seQ==', tokenExpiresAt: '2026-03-10T09:00:00.000Z', activityBase: 'https://x.example/' };
    const signed = await signedSession({ lrs }, { casesPerRound: 3 });

    const first = page(false);
    const st = () => first.store.getState();
    await first.training.openFromHash(sessionLink(signed));
    first.training.handle({ kind: 'joinName', value: 'Ana' });
    first.training.handle({ kind: 'join' });
    await wait(() => st().session?.phase === 'briefing');
    st().startRound();
    answerDemoCases(first.store, TECHNIQUE_IDS);
    st().continueSession();
    await wait(() => (st().training.active?.outbox?.pending ?? 0) === 3);
    expect(await outbox.all()).toHaveLength(3);

    const second = page(true);
    hosts.length = 0;
    second.store.getState().setPastSessions([{ id: [...joins.values()][0]!.storedSessionId, status: 'complete' } as never]);
    await second.training.afterStart(sessionLink(signed));
    await wait(async () => (await outbox.all()).length === 0);
    expect(await outbox.all()).toHaveLength(0);
    expect(new Set(hosts)).toEqual(new Set(['lrs.example.org']));
    expect(second.store.getState().training.join?.status).toBe('done');
  });
});

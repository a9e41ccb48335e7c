import { expect, it, vi } from 'vitest';
import { createDrillApp, createTraining, type TrainingDeps } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import {
  buildSessionBundle, createInstructorKey, memoryOutboxStore, memoryReaderKeyStore, packContentSha256, randomUuid, signSession,
} from '../../../src/delivery/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { drillModeFrom } from '../../../src/lms/index.js';
import { readPack, unzipPack, type PackManifest } from '../../../src/pack-format/index.js';
import type { PackRepository, TrainingRepository } from '../../../src/persistence/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { fakePackZip } from '../../helpers/lms-pack.js';
import { truthOf } from '../../helpers/test-game.js';

/**
 * A signed case-pack drill's bundle dropped on the title screen (as the drill's join page tells readers to do) opens
 * the drill's join page, not a training session's: Start gives the reader's AI badges, the drill's stored id.
 */
it('a dropped drill bundle opens the drill join page, and its start carries the reader\'s AI badges', async () => {
  const now = () => Date.parse('2026-06-02T09:00:00Z');
  const files = unzipPack(await fakePackZip(8, 5));
  const manifest = readPack(files);
  const stored = new Map<string, { manifest: PackManifest; files: ReadonlyMap<string, Uint8Array> }>();
  const packs = {
    list: async () => [], put: async (m: PackManifest, f: ReadonlyMap<string, Uint8Array>) => void stored.set(m.id, { manifest: m, files: f }),
    files: async (id: string) => new Map(stored.get(id)?.files ?? []),
    manifest: async (id: string) => { const s = stored.get(id); if (!s) throw new Error('no pack'); return s.manifest; },
  } as unknown as PackRepository;
  const mode = drillModeFrom({ cases: 4, prevalence: 0.5, seconds: 60, prompted: true, aiHint: 0.8, opens: null, closes: null, worklistTitle: null, briefing: null });
  const signed = await signSession({
    sessionId: randomUuid(), title: 'Week 23', instructor: 'Lead', deck: { kind: 'pack', packId: manifest.id, sha256: await packContentSha256(files), seed: 1 },
    mode, order: 'counterbalanced', issuedAt: new Date(now()).toISOString(),
  }, (await createInstructorKey('Lead')).key);
  const bundle = await buildSessionBundle(signed, files);

  const store = createGameStore({ now });
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const drill = createDrillApp({
    store, library, techniques: TECHNIQUE_IDS, keys: memoryReaderKeyStore(), manifest: (id) => packs.manifest(id),
    names: { get: () => null, set: () => undefined }, signedDrills: { get: () => null, set: () => undefined },
    now, say: () => undefined, download: () => undefined, pickFiles: () => undefined, print: () => undefined, app: { name: 'a', version: '1' },
  });
  const repo = { joins: async () => [], putJoin: async () => undefined } as unknown as TrainingRepository;
  const deps: TrainingDeps = {
    store, library, packs, repo, readerKeys: memoryReaderKeyStore(), outboxStore: memoryOutboxStore(), techniques: TECHNIQUE_IDS,
    say: () => undefined, now, download: () => undefined, pick: () => undefined, gameAddress: 'https://x.example/', app: { name: 'a', version: '1' },
    connectAllowed: () => true, copyText: async () => undefined, refreshHistory: async () => undefined, openDrill: (s) => drill.openSigned(s),
  };
  const training = createTraining(deps, async () => undefined, () => undefined);

  expect(await training.routeDrop([{ path: 'week23-bundle.zip', blob: new Blob([bundle as Uint8Array<ArrayBuffer>]) }])).toBe(true);
  expect(store.getState().training.join).toBeNull();
  expect(store.getState().screen.name).not.toBe('session-join');
  expect(store.getState().drill.join).toMatchObject({ instructor: 'Lead', prompted: true, started: false, ended: null });
  expect(drill.hasPendingJoin()).toBe(true);

  store.getState().setDrillReaderName('Ana');
  drill.join();
  await vi.waitFor(() => expect(store.getState().session).not.toBeNull());
  expect(store.getState().meta?.id).toMatch(new RegExp(`^drill:${signed.session.sessionId}:`));
  const hints = store.getState().session!.config.hints ?? {};
  expect(Object.keys(hints)).toHaveLength(2); // the AI-hint arm badges half of the reader's films
  expect(store.getState().session!.config.deckId).toBe(manifest.id);
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTraining, type Training, type TrainingDeps } from '../../../src/app/index.js';
import { createCaseLibrary, planDemoDeck, type DemoCaseSpec } from '../../../src/decks/index.js';
import {
  buildSessionBundle, memoryOutboxStore, memoryReaderKeyStore, packContentSha256, sessionLink, trainingSettings, verifyResultFile,
} from '../../../src/delivery/index.js';
import { readPack, unzipPack, type PackManifest } from '../../../src/pack-format/index.js';
import { currentCaseId, type Rating } from '../../../src/domain/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import type { JoinRecord, PackRepository, TrainingRepository } from '../../../src/persistence/index.js';
import { createGameStore, type GameStore } from '../../../src/store/index.js';
import { signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { fakePackZip } from '../../helpers/lms-pack.js';
import { startFixtureLrs, type FixtureLrs } from '../../helpers/fixture-lrs.js';
import { truthOf } from '../../helpers/test-game.js';

/**
 * The training use cases headless (store, delivery, memory stores; no DOM): an instructor signs on the setup screen,
 * a resident opens the link, joins, plays with the settings locked, each answer goes to an LRS (a fixture that
 * validates every statement), and J saves a result file the dashboard's check accepts.
 */
const WRITE = 'Basic d3JpdGU6b25seQ==';
let lrs: FixtureLrs;
beforeAll(async () => {
  lrs = await startFixtureLrs({ credentials: { [WRITE]: { write: true } } });
});
afterAll(async () => lrs.close());

function memoryRepo(): TrainingRepository {
  let key: unknown = null;
  const joins = new Map<string, JoinRecord>();
  return {
    instructorKeyFile: async () => key,
    saveInstructorKeyFile: async (f) => {
      key = f;
    },
    joins: async () => [...joins.values()].sort((a, b) => b.joinedAt - a.joinedAt),
    putJoin: async (j) => void joins.set(j.storedSessionId, j),
    deleteAll: async () => joins.clear(),
  };
}

const noPacks = { list: async () => [], files: async () => { throw new Error('no pack'); }, manifest: async () => { throw new Error('no pack'); } } as unknown as PackRepository;

interface Person {
  readonly store: GameStore;
  readonly training: Training;
  readonly said: string[];
  readonly downloads: { name: string; data: string | Uint8Array }[];
}

function person(now: () => number, packs: PackRepository = noPacks): Person {
  const store = createGameStore({ now });
  const specs = new Map<string, DemoCaseSpec>();
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const said: string[] = [];
  const downloads: Person['downloads'] = [];
  const deps: TrainingDeps = {
    store, library: { ...library, setSpecs: (xs) => { for (const x of xs) specs.set(x.id, x as DemoCaseSpec); library.setSpecs(xs); } },
    packs, repo: memoryRepo(), readerKeys: memoryReaderKeyStore(), outboxStore: memoryOutboxStore(), techniques: TECHNIQUE_IDS,
    say: (t) => void said.push(t), now, download: (name, data) => void downloads.push({ name, data }), pick: () => undefined,
    gameAddress: 'https://teaching.example.org/xray/', app: { name: 'xray-deepfake-trainer', version: '0.1.0' }, connectAllowed: () => true,
    copyText: async () => undefined, refreshHistory: async () => undefined,
  };
  return { store, training: createTraining(deps, async () => undefined, () => undefined), said, downloads };
}

/** Plays the round through the store as the case flow and the keys would: each case shown, rated, given. */
async function play(p: Person, rate: (k: number) => Rating) {
  const st = () => p.store.getState();
  st().startRound();
  for (let k = 1; st().session?.phase === 'loading'; k++) {
    const s = st().session!;
    const spec = planDemoDeck(7, s.config.mode, TECHNIQUE_IDS).rounds.flat().find((c) => c.id === currentCaseId(s))!;
    st().caseShown(truthOf(spec));
    st().rate(rate(k));
    st().confirm();
  }
  st().continueSession();
}

describe('a training session, headless', () => {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;

  it('signs a session, a resident joins with the settings locked, answers reach the LRS, J saves a verifiable file', async () => {
    const instructor = person(clock);
    const t = instructor.training;
    t.handle({ kind: 'openSetup' });
    await vi.waitFor(() => expect(instructor.store.getState().screen.name).toBe('session-setup'));
    for (const [field, value] of [['title', 'Tuesday reading'], ['instructor', 'Dr A. Rossi'], ['seed', '7'], ['casesPerRound', '6'], ['order', 'counterbalanced'],
      ['lrsEndpoint', `${lrs.endpoint}`], ['lrsToken', WRITE], ['lrsTokenExpires', '2026-03-03T09:00']] as const) {
      t.handle({ kind: 'setupField', field, value });
    }
    t.handle({ kind: 'sign' });
    await vi.waitFor(() => expect(instructor.store.getState().training.setup.output).not.toBeNull());
    const out = instructor.store.getState().training.setup.output!;
    expect(out.joinAddress).toMatch(/^https:\/\/teaching\.example\.org\/xray\/#session=/);
    expect(out.qrSvg).toMatch(/^<svg/);

    const ana = person(clock);
    await ana.training.afterStart(new URL(out.joinAddress).hash);
    const view = ana.store.getState().training.join!;
    expect(view).toMatchObject({ status: 'ready', title: 'Tuesday reading', instructor: 'Dr A. Rossi', fingerprint: out.fingerprint });
    expect(view.details).toContainEqual(['Cases', '1 round of 6, 45 seconds each']);
    expect(view.warnings.join(' ')).toMatch(/Each answer also goes to 127\.0\.0\.1:\d+ as an xAPI statement/);
    ana.training.handle({ kind: 'join' });
    await vi.waitFor(() => expect(ana.store.getState().training.join?.problem).toMatch(/Type a display name/));
    ana.training.handle({ kind: 'joinName', value: 'Ana' });
    ana.training.handle({ kind: 'join' });
    await vi.waitFor(() => expect(ana.store.getState().session?.phase).toBe('briefing'));
    const s = ana.store.getState().session!;
    expect(s.config.mode).toEqual(trainingSettings({ casesPerRound: 6, secondsPerCase: 45, fakeShare: 0.5 }));
    expect(ana.store.getState().screen.name).toBe('game');

    now += 60_000;
    await play(ana, (k) => (k % 2 ? 6 : 1));
    expect(ana.store.getState().session?.phase).toBe('summary');
    await vi.waitFor(() => expect(lrs.statements).toHaveLength(6), { timeout: 10_000 });
    expect(lrs.invalid).toEqual([]);
    await vi.waitFor(() => expect(ana.store.getState().training.active?.outbox).toMatchObject({ phase: 'idle', pending: 0 }));
    expect(JSON.stringify(lrs.statements)).not.toContain('Ana');

    ana.training.handle({ kind: 'saveResult' });
    await vi.waitFor(() => expect(ana.downloads).toHaveLength(1));
    const file = ana.downloads[0]!;
    expect(file.name).toBe('tuesday-reading-ana-result.json');
    const check = await verifyResultFile(file.data as Uint8Array, null);
    if (!check.ok) throw new Error(check.message);
    expect(check.file.result.reader.displayName).toBe('Ana');
    expect(check.file.result.complete).toBe(true);
    expect(check.file.result.answers.map((a) => a.rating)).toEqual([6, 1, 6, 1, 6, 1]);
    expect(ana.store.getState().training.active?.savedAs).toBe(file.name);

    // A second resident gets the same cases, in an order of the Williams design drawn from their own key.
    const ben = person(clock);
    await ben.training.openFromHash(new URL(out.joinAddress).hash);
    ben.training.handle({ kind: 'joinName', value: 'Ben' });
    ben.training.handle({ kind: 'join' });
    await vi.waitFor(() => expect(ben.store.getState().session?.phase).toBe('briefing'));
    const order = (p: Person) => p.store.getState().session!.config.rounds[0]!;
    expect([...order(ben)].sort()).toEqual([...order(ana)].sort());
  });

  it('refuses a damaged link and an altered session with the reason, and starts nothing', async () => {
    const p = person(clock);
    await p.training.openFromHash('#session=AAAA');
    expect(p.store.getState().training.join).toMatchObject({ status: 'refused' });
    expect(p.store.getState().training.join?.refusal).toMatch(/The link is damaged/);
    const instructor = person(clock);
    instructor.training.handle({ kind: 'openSetup' });
    await vi.waitFor(() => expect(instructor.store.getState().screen.name).toBe('session-setup'));
    for (const [field, value] of [['title', 'Tuesday'], ['instructor', 'Dr B'], ['seed', '3'], ['expires', '2026-03-02T10:00']] as const) instructor.training.handle({ kind: 'setupField', field, value });
    instructor.training.handle({ kind: 'sign' });
    await vi.waitFor(() => expect(instructor.store.getState().training.setup.output).not.toBeNull());
    const later = person(() => Date.parse('2026-03-05T09:00:00Z'));
    await later.training.openFromHash(new URL(instructor.store.getState().training.setup.output!.joinAddress).hash);
    expect(later.store.getState().training.join?.refusal).toMatch(/The session closed on 2026-03-02T10:00:00\.000Z/);
    expect(later.store.getState().session).toBeNull();
  });

  it('J outside a training session says what it does instead of saving anything', async () => {
    const p = person(clock);
    p.training.handle({ kind: 'saveResult' });
    await vi.waitFor(() => expect(p.said.at(-1)).toMatch(/J saves a result file in a training session/));
    expect(p.downloads).toEqual([]);
  });

  it('a case-pack session: the link asks for the bundle; the dropped bundle stores the pack and the session plays its cases', async () => {
    const files = unzipPack(await fakePackZip(8, 5));
    const manifest = readPack(files);
    const signed = await signedSession({ issuedAt: new Date(now).toISOString(), deck: { kind: 'pack', packId: manifest.id, sha256: await packContentSha256(files), seed: 3 } }, { casesPerRound: 4 });
    const stored = new Map<string, { manifest: PackManifest; files: ReadonlyMap<string, Uint8Array> }>();
    const packs = {
      ...noPacks,
      put: async (m: PackManifest, f: ReadonlyMap<string, Uint8Array>) => void stored.set(m.id, { manifest: m, files: f }),
      files: async (id: string) => new Map(stored.get(id)?.files ?? []),
      manifest: async (id: string) => stored.get(id)?.manifest as PackManifest,
    } as unknown as PackRepository;
    const p = person(clock, packs);
    await p.training.openFromHash(sessionLink(signed));
    expect(p.store.getState().training.join?.status).toBe('needs-bundle');
    const bundle = await buildSessionBundle(signed, files);
    await p.training.received('bundle', [{ path: 'tuesday-bundle.zip', blob: new Blob([bundle as Uint8Array<ArrayBuffer>]) }]);
    const view = p.store.getState().training.join!;
    expect(view.status).toBe('ready');
    expect(view.details[0]).toEqual(['Case pack', 'Test pack (8 cases), from the bundle']);
    p.training.handle({ kind: 'joinName', value: 'Ana' });
    p.training.handle({ kind: 'join' });
    await vi.waitFor(() => expect(p.store.getState().session?.phase).toBe('briefing'));
    expect(stored.has('test-pack')).toBe(true);
    const config = p.store.getState().session!.config;
    expect(config.deckId).toBe('test-pack');
    expect(config.rounds[0]).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import { createDrillApp, type DrillApp } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import {
  createInstructorKey, memoryReaderKeyStore, randomUuid, sessionLink, signSession, verifyResultFile, type ReaderKeyStore, type SignedSession,
} from '../../../src/delivery/index.js';
import { toStoredSession, type StoredSession } from '../../../src/domain/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { drillModeFrom } from '../../../src/lms/index.js';
import { createGameStore, type GameStore } from '../../../src/store/index.js';
import { TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { answerDemoCases, truthOf } from '../../helpers/test-game.js';

/**
 * A signed readiness drill is read once: after the reader finished it (the debrief showed the fakes) or stopped it,
 * the same link on a new page over the same stored history offers only the signed result file, never a new start.
 * The browser's stores (reader keys, names, signed drills) outlive the page; the history is what persistence kept.
 */
const wait = async (f: () => boolean): Promise<void> => {
  for (let i = 0; i < 300 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
};

interface Browser {
  readonly keys: ReaderKeyStore;
  readonly names: Map<string, string>;
  readonly drills: Map<string, unknown>;
  readonly downloads: { name: string; data: string | Uint8Array }[];
  now: number;
}

interface Page {
  readonly store: GameStore;
  readonly app: DrillApp;
}

function openPage(b: Browser, history: readonly StoredSession[] = []): Page {
  const store = createGameStore({ now: () => b.now });
  store.getState().setPastSessions(history);
  const library = createCaseLibrary({
    prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
    dispose: () => undefined,
  }, 8);
  const app = createDrillApp({
    store, library, techniques: TECHNIQUE_IDS, keys: b.keys, manifest: async () => { throw new Error('no pack'); },
    names: { get: (id) => b.names.get(id) ?? null, set: (id, n) => void b.names.set(id, n) },
    signedDrills: { get: (id) => b.drills.get(id) ?? null, set: (d) => void b.drills.set(d.session.sessionId, d) },
    now: () => b.now, say: () => undefined, download: (name, data) => void b.downloads.push({ name, data }), pickFiles: () => undefined, print: () => undefined,
    app: { name: 'xray-deepfake-trainer', version: '0.1.0' },
  });
  return { store, app };
}

async function drill(): Promise<SignedSession> {
  const mode = drillModeFrom({ cases: 4, prevalence: 0.5, seconds: 60, prompted: true, aiHint: null, opens: '2026-06-01', closes: '2026-06-14', worklistTitle: null, briefing: null });
  const key = (await createInstructorKey('Lead')).key;
  return signSession({ sessionId: randomUuid(), title: 'Week 23', instructor: 'Lead', deck: { kind: 'demo', seed: 7 }, mode, order: 'counterbalanced', issuedAt: '2026-06-02T08:00:00.000Z' }, key);
}

/** Opens the link as main.ts does (fragment, start-up's history, then the resumed session), types a name, Starts. */
async function join(p: Page, signed: SignedSession): Promise<void> {
  await p.app.openFromFragment(sessionLink(signed));
  await p.app.adoptResumed();
  p.store.getState().setDrillReaderName('Ana');
  p.app.join();
  await wait(() => p.store.getState().session !== null);
}

/** Answers `n` films (each rated 6), as the case flow and the keys would. */
function answer(p: Page, n: number): void {
  const st = () => p.store.getState();
  st().startRound();
  answerDemoCases(p.store, TECHNIQUE_IDS, { n });
  while (st().session?.phase === 'roundReview') st().continueSession();
}

/** What persistence keeps of the page's session (finished, or 'abandoned' when the reader quit it). */
const kept = (p: Page, now: number, status?: 'abandoned'): StoredSession => {
  const stored = toStoredSession(p.store.getState().session!, p.store.getState().meta!, now);
  return status ? { ...stored, status } : stored;
};

describe('a signed drill that ended is not started again', () => {
  it('finished: the reopened link shows no Start, Enter and J save the signed result file of the finished run', async () => {
    const b: Browser = { keys: memoryReaderKeyStore(), names: new Map(), drills: new Map(), downloads: [], now: Date.parse('2026-06-02T09:00:00Z') };
    const signed = await drill();
    const p1 = openPage(b);
    await join(p1, signed);
    answer(p1, 4);
    expect(p1.store.getState().session?.phase).toBe('summary');
    const finished = kept(p1, b.now);

    b.now += 3_600_000;
    const p2 = openPage(b, [finished]);
    await p2.app.openFromFragment(sessionLink(signed));
    await p2.app.adoptResumed();
    expect(p2.store.getState().drill.join?.ended).toBe('complete');
    p2.store.getState().setDrillReaderName('Ana');
    p2.app.join();
    await wait(() => b.downloads.length > 0);
    expect(p2.store.getState().session).toBeNull();
    const check = await verifyResultFile(b.downloads[0]!.data as Uint8Array, null);
    if (!check.ok) throw new Error(check.message);
    expect(check.file.result.complete).toBe(true);
    expect(Date.parse(check.file.result.startedAt)).toBe(finished.startedAt);
    expect(check.file.result.answers.map((a) => a.caseId)).toEqual(finished.answers.map((a) => a.caseId));
  });

  it('stopped early: the reopened link says so and starts nothing; the result file says it was not finished', async () => {
    const b: Browser = { keys: memoryReaderKeyStore(), names: new Map(), drills: new Map(), downloads: [], now: Date.parse('2026-06-02T09:00:00Z') };
    const signed = await drill();
    const p1 = openPage(b);
    await join(p1, signed);
    answer(p1, 2);
    const stopped = kept(p1, b.now, 'abandoned');

    const p2 = openPage(b, [stopped]);
    await join(p2, signed);
    expect(p2.store.getState().session).toBeNull();
    expect(p2.store.getState().drill.join?.ended).toBe('stopped');
    expect(p2.app.hasPendingJoin()).toBe(true);
    await wait(() => b.downloads.length > 0);
    const check = await verifyResultFile(b.downloads[0]!.data as Uint8Array, null);
    if (!check.ok) throw new Error(check.message);
    expect(check.file.result.complete).toBe(false);
    expect(check.file.result.answers).toHaveLength(2);
  });

  it('J on the drill\'s row in results and history saves its signed result file, on a page opened without the link', async () => {
    const b: Browser = { keys: memoryReaderKeyStore(), names: new Map(), drills: new Map(), downloads: [], now: Date.parse('2026-06-02T09:00:00Z') };
    const signed = await drill();
    const p1 = openPage(b);
    await join(p1, signed);
    answer(p1, 4);
    const p2 = openPage(b, [kept(p1, b.now)]);
    p2.app.saveResultFile(0);
    await wait(() => b.downloads.length > 0);
    expect(b.downloads[0]!.name).toMatch(/^week-23-ana-2026-06-02\.json$/);
    const check = await verifyResultFile(b.downloads[0]!.data as Uint8Array, null);
    if (!check.ok) throw new Error(check.message);
    expect(check.file.result.session.session.sessionId).toBe(signed.session.sessionId);
    expect(check.file.result.answers.map((a) => a.rating)).toEqual([6, 6, 6, 6]);
  });
});

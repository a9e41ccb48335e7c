import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardActions } from '../../../src/app/dashboard-actions.js';
import type { TrainingDeps } from '../../../src/app/index.js';
import { createCaseLibrary, type DemoCaseSpec } from '../../../src/decks/index.js';
import { answerStatement, createLrsClient, memoryOutboxStore, memoryReaderKeyStore, randomUuid, sessionSha256 } from '../../../src/delivery/index.js';
import { createGrayImage } from '../../../src/imaging/index.js';
import { createGameStore } from '../../../src/store/index.js';
import { answersFor, readerSaves, signedSession, TECHNIQUE_IDS } from '../../helpers/delivery.js';
import { startFixtureLrs, type FixtureLrs } from '../../helpers/fixture-lrs.js';
import { truthOf } from '../../helpers/test-game.js';

/**
 * The dashboard reads the session's statements from an LRS with the instructor's read credentials: readers only the
 * LRS holds are in the figures and in every export (answers CSV, .lrc, iMRMC), the same readers as on the screen.
 */
const WRITE = 'Basic d3JpdGU6b25seQ==';
const READ = 'Basic cmVhZDpvbmx5';
let lrs: FixtureLrs;
beforeAll(async () => {
  lrs = await startFixtureLrs({ credentials: { [WRITE]: { write: true }, [READ]: { read: true } }, pageSize: 5 });
});
afterAll(async () => lrs.close());

describe('the dashboard reads an LRS', () => {
  it('adds the readers only the LRS holds to the figures and to the answers CSV, .lrc and iMRMC exports', async () => {
    const block = { endpoint: lrs.endpoint, token: WRITE, tokenExpiresAt: '2026-03-10T09:00:00.000Z', activityBase: 'https://teaching.example.org/xray/' };
    const s = await signedSession({ lrs: block }, { casesPerRound: 6 });
    const sha = await sessionSha256(s);
    const answers = await answersFor(s, (i) => (i % 2 ? 6 : 1));
    const fingerprints = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'];
    const statements = fingerprints.flatMap((fp) => answers.map((a) => answerStatement({
      statementId: randomUuid(), session: s.session, sessionSha256: sha, lrs: block, readerFingerprint: fp, answer: a, truth: 'fake', app: { name: 'a', version: '1' },
    })));
    await createLrsClient({ endpoint: lrs.endpoint, authorization: WRITE }).sendStatements(statements);

    const store = createGameStore({ now: () => Date.parse('2026-03-02T12:00:00Z') });
    const library = createCaseLibrary({
      prepare: async (spec) => ({ id: spec.id, image: createGrayImage(8, 8, 12), original: null, truth: truthOf(spec as DemoCaseSpec), header: [], generationMs: 0 }),
      dispose: () => undefined,
    }, 8);
    const downloads: { name: string; data: string }[] = [];
    const deps = {
      store, library, packs: {} as never, repo: {} as never, readerKeys: memoryReaderKeyStore(), outboxStore: memoryOutboxStore(), techniques: TECHNIQUE_IDS,
      say: () => undefined, now: () => Date.parse('2026-03-02T12:00:00Z'), download: (name: string, data: string | Uint8Array) => void downloads.push({ name, data: String(data) }),
      pick: () => undefined, gameAddress: 'https://teaching.example.org/xray/', app: { name: 'a', version: '1' }, connectAllowed: () => true,
      copyText: async () => undefined, refreshHistory: async () => undefined,
    } as unknown as TrainingDeps;
    const dash = createDashboardActions(deps);
    // One reader handed in a file as well; the two others are known only to the LRS.
    const ana = await readerSaves(s, 'Ana', await answersFor(s, (_i, fake) => (fake ? 5 : 2)));
    await dash.add([{ path: 'ana.json', blob: new Blob([ana.bytes as BlobPart]) } as never]);
    await dash.readLrs('', READ);
    const view = store.getState().training.dashboard;
    expect(view.lrsMessage).toMatch(/Read 12 statements of 2 readers from the LRS/);
    expect(view.readers).toHaveLength(3);

    dash.export('answers-csv');
    dash.export('lrc');
    dash.export('imrmc');
    const csv = downloads.find((f) => f.name.endsWith('-answers.csv'))!.data;
    for (const fp of fingerprints) expect(csv.split('\r\n').filter((l) => l.includes(fp))).toHaveLength(6);
    expect(csv.split('\r\n').filter((l) => l.startsWith('Ana,'))).toHaveLength(6);
    const lrc = downloads.find((f) => f.name.endsWith('.lrc'))!.data;
    expect(lrc.split('\n').filter((l) => /^R\d+$/.test(l))).toEqual(['R1', 'R2', 'R3']);
    expect(downloads.find((f) => f.name.endsWith('.imrmc'))!.data).toMatch(/R3/);
  });
});

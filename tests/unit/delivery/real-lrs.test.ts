/**
 * The outbox and the dashboard reader against a real LRS: Learning Locker's statement service (see tests/lrs/README.md).
 * `npm test` installs it (tests/tools/ensure-system.ts); run alone, the test fails saying how to install it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerStatement, createLrsClient, createOutbox, memoryOutboxStore, randomUuid, sessionActivityId, sessionSha256, VERB_ANSWERED,
} from '../../../src/delivery/index.js';
import { answersFor, ISSUED, signedSession } from '../../helpers/delivery.js';

const SERVER = resolve('tests/lrs/node_modules/xapi-statements/dist/server.js');
const installed = existsSync(SERVER);
const WRITE = 'Bearer session-write-token';
const READ = 'Basic aW5zdHJ1Y3RvcjpyZWFk';

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

describe('real LRS (Learning Locker xapi-statements)', () => {
  let auth: Server;
  let lrs: ChildProcess;
  let endpoint = '';
  const storage = mkdtempSync(join(tmpdir(), 'lrs-'));

  beforeAll(async () => {
    if (!installed) throw new Error('The test LRS is not installed: run `npm run lrs:install` (npm test does it), see tests/lrs/README.md.');
    // Learning Locker asks this endpoint who a credential is and what it may do (its "fetch" auth).
    const scopes: Record<string, string[]> = { [WRITE]: ['statements/write'], [READ]: ['statements/read'] };
    auth = createServer((req, res) => {
      const s = scopes[String(req.headers.authorization ?? '')];
      res.writeHead(s ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(s ? { _id: '5988f0f00000000000000000', title: 'test', authority: { objectType: 'Agent', mbox: 'mailto:lrs@example.org' }, isTrusted: true, lrs_id: '5988f0f00000000000000001', organisation: '5988f0f00000000000000002', scopes: s } : {}));
    });
    await new Promise<void>((ok) => auth.listen(0, '127.0.0.1', ok));
    const port = await freePort();
    lrs = spawn(process.execPath, [SERVER], {
      cwd: storage,
      env: {
        PATH: process.env.PATH, EXPRESS_PORT: String(port), AUTH_REPO: 'fetch', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'local',
        LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${(auth.address() as AddressInfo).port}/`, FS_LOCAL_STORAGE_DIR: storage,
        EXPRESS_MORGAN_DIRECTORY: join(storage, 'logs'), WINSTON_CONSOLE_LEVEL: 'error',
      },
      stdio: 'ignore',
    });
    endpoint = `http://127.0.0.1:${port}/xAPI/`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${endpoint}about`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('the LRS did not start within 10 s');
  }, 20_000);

  afterAll(async () => {
    if (lrs?.pid) process.kill(lrs.pid);
    await new Promise<void>((ok) => auth.close(() => ok()));
    rmSync(storage, { recursive: true, force: true });
  });

  it('stores each answer once through a flaky network and gives them back page by page', async () => {
    const s = await signedSession();
    const lrsBlock = { endpoint, token: WRITE, tokenExpiresAt: new Date(ISSUED + 86400_000).toISOString(), activityBase: 'https://teaching.example.org/xray' };
    const sha = await sessionSha256(s);
    const answers = await answersFor(s, (i) => (i === 2 ? null : (i % 6) + 1));
    const statements = answers.map((answer) => answerStatement({ statementId: randomUuid(), session: s.session, sessionSha256: sha, lrs: lrsBlock, readerFingerprint: 'ABCD-EFGH-IJKL-MNOP', answer, truth: 'fake', app: { name: 'xray-deepfake-trainer', version: '0.1.0' } }));
    let n = 0;
    const flaky = async (url: string, init: RequestInit): Promise<Response> => {
      n++;
      if (n % 2 === 0) {
        await fetch(url, init); // the LRS stores the batch, the reply is lost
        throw new TypeError('connection reset');
      }
      return fetch(url, init);
    };
    const store = memoryOutboxStore();
    const retries: (() => void)[] = [];
    const outbox = createOutbox({ store, client: createLrsClient({ endpoint, authorization: WRITE, fetch: flaky }), batchSize: 2, schedule: (fn) => (retries.push(fn), () => undefined) });
    await outbox.enqueue(statements);
    for (let i = 0; i < 30 && (await store.all()).length > 0; i++) {
      await outbox.flush();
      retries.splice(0).forEach((fn) => fn());
    }
    expect(outbox.status()).toMatchObject({ pending: 0, rejected: 0 });

    const reader = createLrsClient({ endpoint, authorization: READ });
    const back = await reader.readStatements({ registration: s.session.sessionId, verb: VERB_ANSWERED.id, activity: sessionActivityId(s.session, lrsBlock), relatedActivities: true, limit: 2 });
    expect(back.map((x) => x.id).sort()).toEqual(statements.map((x) => x.id).sort());
    // The session token may write but not read; the instructor's credential reads.
    await expect(createLrsClient({ endpoint, authorization: WRITE }).readStatements({ limit: 1 })).rejects.toThrow(/403/);
    await expect(createLrsClient({ endpoint, authorization: 'Bearer nobody' }).sendStatements(statements.slice(0, 1))).rejects.toThrow(/401/);
  }, 30_000);
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as validation from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerStatement, caseActivityId, createLrsClient, createOutbox, memoryOutboxStore, randomUuid, readersFromStatements,
  sessionActivityId, sessionSha256, VERB_ANSWERED, type Answer, type Fetch, type LrsBlock, type SignedSession,
} from '../../../src/delivery/index.js';
import { answersFor, ISSUED, signedSession } from '../../helpers/delivery.js';
import { startFixtureLrs, type FixtureLrs } from '../../helpers/fixture-lrs.js';

const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (s: unknown) => unknown[];
const WRITE = 'Basic c2Vzc2lvbjp3cml0ZQ==';
const READ = 'Basic aW5zdHJ1Y3RvcjpyZWFk';

let lrsServer: FixtureLrs;
beforeAll(async () => {
  lrsServer = await startFixtureLrs({ credentials: { [WRITE]: { write: true }, [READ]: { read: true } }, pageSize: 4 });
});
afterAll(async () => lrsServer.close());

const lrsBlock = (endpoint: string): LrsBlock => ({ endpoint, token: WRITE, tokenExpiresAt: new Date(ISSUED + 86400_000).toISOString(), activityBase: 'https://teaching.example.org/xray' });

async function statementsFor(s: SignedSession, lrs: LrsBlock, fingerprint: string, answers: readonly Answer[]) {
  const sha = await sessionSha256(s);
  return answers.map((answer, i) =>
    answerStatement({ statementId: randomUuid(), session: s.session, sessionSha256: sha, lrs, readerFingerprint: fingerprint, answer, truth: i % 2 === 0 ? 'fake' : 'authentic', app: { name: 'xray-deepfake-trainer', version: '0.1.0' } }),
  );
}

describe('xAPI statements', () => {
  it('every kind of answer gives a statement the validator accepts, with a pseudonymous account actor', async () => {
    const s = await signedSession();
    const lrs = lrsBlock('https://lrs.example.org/xapi/');
    const answers = await answersFor(s, (i) => (i === 1 ? null : (i % 6) + 1));
    answers[2] = { ...answers[2]!, marks: [{ x: 10.5, y: 20 }, { x: 0, y: 0 }], toolsUsed: ['windowLevel', 'lens', 'reset'], interrupted: true };
    const statements = await statementsFor(s, lrs, 'ABCD-EFGH-IJKL-MNOP', answers);
    for (const st of statements) expect(validate(st), JSON.stringify(st).slice(0, 200)).toEqual([]);
    const timedOut = statements[1]!;
    expect(timedOut.result).toMatchObject({ success: false, completion: false });
    expect(timedOut.result?.response).toBeUndefined();
    expect(statements[0]!.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://teaching.example.org/xray', name: 'ABCD-EFGH-IJKL-MNOP' } });
    expect(JSON.stringify(statements)).not.toMatch(/mbox|mailto|Ana/);
    expect(statements[0]!.context?.registration).toBe(s.session.sessionId);
    expect(statements[0]!.result?.duration).toBe('PT4.00S');
    // read-and-flag answers carry their read and flag.
    const rf = await signedSession({}, { answer: 'read-and-flag' });
    const [st] = await statementsFor(rf, lrs, 'ABCD-EFGH-IJKL-MNOP', [{ ...answers[0]!, read: 'abnormal', flagged: true }]);
    expect(validate(st)).toEqual([]);
    expect(Object.values(st!.result?.extensions ?? {})).toContain('abnormal');
  });
});

describe('outbox and LRS (fixture LRS)', () => {
  it('sends every answer exactly once through a flaky network, then the dashboard reads them back page by page', async () => {
    const s = await signedSession({ sessionId: '2b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f' });
    const lrs = lrsBlock(lrsServer.endpoint);
    const statements = await statementsFor(s, lrs, 'ABCD-EFGH-IJKL-MNOP', await answersFor(s, (i) => (i % 6) + 1));
    // Fails before the request, or after the LRS stored it (the reply is lost): the case that tempts duplicates.
    let n = 0;
    const flaky: Fetch = async (url, init) => {
      n++;
      if (n % 3 === 1) throw new TypeError('network down');
      const res = await fetch(url, init);
      if (n % 3 === 2) throw new TypeError('connection reset after the request was sent');
      return res;
    };
    const store = memoryOutboxStore();
    const pending: (() => void)[] = [];
    const outbox = createOutbox({ store, client: createLrsClient({ endpoint: lrs.endpoint, authorization: WRITE, fetch: flaky }), batchSize: 2, schedule: (fn) => (pending.push(fn), () => undefined) });
    await outbox.enqueue(statements.slice(0, 3));
    await outbox.enqueue(statements.slice(3));
    for (let i = 0; i < 50 && (await store.all()).length > 0; i++) {
      await outbox.flush();
      expect(outbox.status().phase).not.toBe('blocked');
      pending.splice(0).forEach((fn) => fn());
    }
    expect(await store.all()).toEqual([]);
    expect(outbox.status()).toMatchObject({ pending: 0, rejected: 0, phase: 'idle' });
    // 6 statements in batches of 2 = 3 batches; two of every three calls failed, so many were retried.
    expect(n).toBeGreaterThanOrEqual(9);
    expect(lrsServer.log.filter((l) => l.method === 'POST' && l.status === 200).length).toBeGreaterThan(3);
    const mine = lrsServer.statements.filter((x) => (x.context as { registration?: string }).registration === s.session.sessionId);
    expect(mine.map((x) => x.id).sort()).toEqual(statements.map((x) => x.id).sort());
    expect(lrsServer.invalid).toEqual([]);

    const reader = createLrsClient({ endpoint: lrs.endpoint, authorization: READ });
    const back = await reader.readStatements({ registration: s.session.sessionId, verb: VERB_ANSWERED.id, activity: sessionActivityId(s.session, lrs), relatedActivities: true });
    expect(back.map((x) => x.id).sort()).toEqual(statements.map((x) => x.id).sort());
    expect(lrsServer.log.filter((l) => l.method === 'GET').length).toBeGreaterThan(1);
    const prefix = `${sessionActivityId(s.session, lrs)}/cases/`;
    const readers = readersFromStatements(back, (id) => (id.startsWith(prefix) ? decodeURIComponent(id.slice(prefix.length)) : null));
    expect(readers).toHaveLength(1);
    expect(readers[0]!.answers.map((a) => a.rating).sort()).toEqual(statements.map((x) => Number(x.result?.response)).sort());
    expect(caseActivityId(s.session, lrs, 'demo-7-r1c1')).toBe(`${prefix}demo-7-r1c1`);
  });

  it('keeps statements when the token is refused, and keeps (never drops) one the LRS rejects', async () => {
    const s = await signedSession({ sessionId: '3b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f' });
    const lrs = lrsBlock(lrsServer.endpoint);
    const statements = await statementsFor(s, lrs, 'ABCD-EFGH-IJKL-MNOP', (await answersFor(s, () => 2)).slice(0, 3));
    const store = memoryOutboxStore();
    const refusedToken = createOutbox({ store, client: createLrsClient({ endpoint: lrs.endpoint, authorization: 'Bearer expired' }), schedule: () => () => undefined });
    await refusedToken.enqueue(statements);
    await refusedToken.flush();
    expect(refusedToken.status()).toMatchObject({ phase: 'blocked', pending: 3 });
    expect(refusedToken.status().lastError).toMatch(/token was refused/);
    // A new page load with a good token sends what was left.
    const bad = { ...statements[1]!, verb: { id: 'not an iri' } };
    await store.put([{ id: bad.id as string, statement: bad, seq: 1, state: 'pending', lastError: null }]);
    const later = createOutbox({ store, client: createLrsClient({ endpoint: lrs.endpoint, authorization: WRITE }), schedule: () => () => undefined });
    await later.flush();
    expect(later.status()).toMatchObject({ pending: 0, rejected: 1 });
    const kept = await store.all();
    expect(kept.map((k) => k.id)).toEqual([bad.id]);
    expect(kept[0]!.lastError).toMatch(/400/);
    expect(lrsServer.statements.filter((x) => x.id === statements[0]!.id || x.id === statements[2]!.id)).toHaveLength(2);
  });

  it('the fixture refuses a request without the xAPI version header or with unknown credentials', async () => {
    const noVersion = await fetch(`${lrsServer.endpoint}statements`, { headers: { Authorization: READ } });
    expect(noVersion.status).toBe(400);
    const unknown = await fetch(`${lrsServer.endpoint}statements`, { headers: { Authorization: 'Basic eDp5', 'X-Experience-API-Version': '1.0.3' } });
    expect(unknown.status).toBe(401);
    const writeCannotRead = createLrsClient({ endpoint: lrsServer.endpoint, authorization: WRITE });
    await expect(writeCannotRead.readStatements({})).rejects.toThrow(/403/);
  });

  it('refuses a "more" link to another origin: no request, and so no credentials, reach the other server', async () => {
    const other: string[] = [];
    const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => void }> => {
      const server = createServer(handler);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
    };
    const elsewhere = await listen((req, res) => {
      other.push(`${req.url} ${req.headers.authorization}`);
      res.setHeader('content-type', 'application/json');
      res.end('{"statements":[]}');
    });
    // Same host, other port: another origin all the same.
    const lrs = await listen((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ statements: [], more: `${elsewhere.url.replace('127.0.0.1', 'localhost')}/collect` }));
    });
    try {
      const client = createLrsClient({ endpoint: `${lrs.url}/xapi/`, authorization: READ });
      await expect(client.readStatements({ registration: '0b6f3c1e-8f5a-4c3e-9d2a-7e4b1c2d3e4f' })).rejects.toThrow(/another address .*not followed/);
      expect(other).toEqual([]);
    } finally {
      elsewhere.close();
      lrs.close();
    }
  });
});

/**
 * A small LRS for tests (node:http on loopback): the parts of the xAPI 1.0.3 statement resource this game uses.
 * POST and PUT /statements (batch, client-set ids, the duplicate rules of Part 3 2.1.1-2.1.2), GET /statements with
 * registration, verb, activity (+ related_activities), limit and `more` paging; the X-Experience-API-Version header
 * and the Authorization header are checked on every request (write-only and read-only credentials, as a session
 * token and an instructor's key), and every statement received is validated with Learning Locker's maintained
 * validator (@learninglocker/xapi-validation). It is a fixture, not an LRS: it keeps statements in memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as validation from '@learninglocker/xapi-validation';

type Json = Record<string, unknown>;
const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (s: unknown) => unknown[];

export interface FixtureLrs {
  readonly endpoint: string;
  readonly statements: Json[];
  /** Every request's method, path and status, for assertions. */
  readonly log: { method: string; path: string; status: number }[];
  /** Validation warnings of statements refused with 400. */
  readonly invalid: unknown[];
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Authorization header value → what it may do. */
  readonly credentials: Record<string, { write?: boolean; read?: boolean }>;
  readonly pageSize?: number;
}

const withoutStoredFields = (s: Json): string => {
  const { stored: _s, authority: _a, version: _v, ...rest } = s;
  return JSON.stringify(rest, Object.keys(rest).sort());
};

export async function startFixtureLrs(opts: FixtureOptions): Promise<FixtureLrs> {
  const statements: Json[] = [];
  const log: FixtureLrs['log'] = [];
  const invalid: unknown[] = [];
  const cursors = new Map<string, { rest: Json[] }>();
  const pageSize = opts.pageSize ?? 3;

  // Browsers reach an LRS across origins: answer CORS as LRSs do (the game sends no cookies, so any origin may call).
  const CORS = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
    'Access-Control-Expose-Headers': 'X-Experience-API-Version',
  };
  const send = (res: ServerResponse, status: number, body?: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...CORS });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  /** Stores a batch all or nothing; the status and body to answer with. */
  const store = (incoming: Json[]): { status: number; body: unknown; ids: string[] } => {
    const ids = new Set<string>();
    for (const s of incoming) {
      const warnings = validate(s);
      if (warnings.length > 0) {
        invalid.push(warnings);
        return { status: 400, body: { message: 'invalid statement', warnings }, ids: [] };
      }
      if (typeof s.id === 'string' && ids.has(s.id)) return { status: 400, body: { message: 'two statements with one id in a batch' }, ids: [] };
      if (typeof s.id === 'string') ids.add(s.id);
      const existing = statements.find((x) => x.id === s.id);
      if (existing && withoutStoredFields(existing) !== withoutStoredFields(s)) return { status: 409, body: { message: `statement ${String(s.id)} exists with other content` }, ids: [] };
    }
    const out: string[] = [];
    for (const s of incoming) {
      const id = typeof s.id === 'string' ? s.id : crypto.randomUUID();
      out.push(id);
      if (statements.some((x) => x.id === id)) continue; // the same statement again: stored once (Part 3 2.1.2)
      statements.push({ ...s, id, stored: new Date().toISOString(), authority: { objectType: 'Agent', mbox: 'mailto:fixture@example.org' }, version: '1.0.0' });
    }
    return { status: 200, body: out, ids: out };
  };

  const matches = (s: Json, q: URLSearchParams): boolean => {
    const ctx = (s.context ?? {}) as Json;
    if (q.get('registration') && ctx.registration !== q.get('registration')) return false;
    if (q.get('verb') && (s.verb as Json | undefined)?.id !== q.get('verb')) return false;
    const activity = q.get('activity');
    if (activity) {
      const related = q.get('related_activities') === 'true';
      const ca = (ctx.contextActivities ?? {}) as Record<string, Json[]>;
      const ids = [(s.object as Json).id, ...(related ? Object.values(ca).flat().map((a) => a.id) : [])];
      if (!ids.includes(activity)) return false;
    }
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body?: unknown): void => {
      log.push({ method: req.method ?? '', path: url.pathname, status });
      send(res, status, body);
    };
    if (req.method === 'OPTIONS') {
      log.push({ method: 'OPTIONS', path: url.pathname, status: 204 });
      res.writeHead(204, CORS);
      return void res.end();
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (!/^1\.0\.\d+$/.test(String(req.headers['x-experience-api-version'] ?? ''))) return reply(400, { message: 'X-Experience-API-Version header missing or not 1.0.x' });
    const who = opts.credentials[String(req.headers.authorization ?? '')];
    if (!who) return reply(401, { message: 'unknown credentials' });
    if (url.pathname !== '/xapi/statements') return reply(404, { message: 'not found' });
    if (req.method === 'POST' || req.method === 'PUT') {
      if (!who.write) return reply(403, { message: 'this credential may not write' });
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { message: 'body is not JSON' });
      }
      const list = (Array.isArray(body) ? body : [body]) as Json[];
      if (req.method === 'PUT') {
        const id = url.searchParams.get('statementId');
        if (!id || list.length !== 1) return reply(400, { message: 'PUT needs statementId and one statement' });
        list[0] = { ...list[0], id };
      }
      const r = store(list);
      return r.status === 200 && req.method === 'PUT' ? reply(204) : reply(r.status, r.body);
    }
    if (req.method === 'GET') {
      if (!who.read) return reply(403, { message: 'this credential may not read' });
      const cursor = url.searchParams.get('cursor');
      let rest: Json[];
      if (cursor) {
        const c = cursors.get(cursor);
        if (!c) return reply(400, { message: 'unknown cursor' });
        rest = c.rest;
      } else {
        // Newest first, as the spec's default order is by stored time, descending.
        rest = [...statements].reverse().filter((s) => matches(s, url.searchParams));
      }
      const limit = Math.min(Number(url.searchParams.get('limit') ?? pageSize) || pageSize, pageSize);
      const page = rest.slice(0, limit);
      let more = '';
      if (rest.length > limit) {
        const id = crypto.randomUUID();
        cursors.set(id, { rest: rest.slice(limit) });
        more = `/xapi/statements?cursor=${id}`;
      }
      return reply(200, { statements: page, more });
    }
    return reply(405, { message: 'method not allowed' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    statements, log, invalid,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import validateStatement from '@learninglocker/xapi-validation';

/**
 * The cmi5 LMS and LRS fixture (no real LRS runs here): the parts of the cmi5 launch an AU uses (cmi5 Quartz,
 * section 8: the launch URL with endpoint, fetch, actor, registration and activityId; the one-time fetch URL that
 * returns the auth token; the LMS.LaunchData state document, section 10) and an xAPI 1.0.3 subset (statements,
 * state and agent profile resources). Every statement is checked with Learning Locker's maintained validator
 * (@learninglocker/xapi-validation) and against the auth token, and kept in order for the test to read.
 */
export interface Cmi5LaunchOptions {
  readonly auId: string;
  readonly launchPath: string;
  readonly masteryScore?: number;
  readonly moveOn?: string;
  readonly launchMode?: 'Normal' | 'Browse' | 'Review';
  readonly actorName?: string;
}

type Statement = Record<string, unknown> & { id?: string; verb?: { id?: string; display?: Record<string, string> } };

function matches(s: Statement, q: URLSearchParams): boolean {
  if (q.get('verb') && s.verb?.id !== q.get('verb')) return false;
  const activity = q.get('activity');
  if (!activity) return true;
  const ca = ((s['context'] as { contextActivities?: Record<string, { id?: string }[]> } | undefined)?.contextActivities ?? {}) as Record<string, { id?: string }[]>;
  const ids = [(s['object'] as { id?: string }).id, ...(q.get('related_activities') === 'true' ? Object.values(ca).flat().map((a) => a.id) : [])];
  return ids.includes(activity);
}

export class Cmi5Lrs {
  /** The lead's own read credentials (lead:read), for the drill report's reading of the statements. */
  static readonly LEAD_READ = `Basic ${Buffer.from('lead:read').toString('base64')}`;
  static readonly RETURN_PATH = '/lms/return';
  readonly statements: Statement[] = [];
  /** Statements the validator refused, with its messages (a test expects none). */
  readonly invalid: { statement: unknown; problems: string[] }[] = [];
  readonly state = new Map<string, string>();
  fetchCalls = 0;
  private tokens = new Map<string, { token: string; used: boolean }>();
  private validTokens = new Set<string>();

  constructor(private readonly origin: string) {}

  handles(url: URL): boolean {
    return url.pathname.startsWith('/cmi5/') || url.pathname.startsWith('/xapi/') || url.pathname === Cmi5Lrs.RETURN_PATH;
  }

  /** What the LMS does at launch: writes LMS.LaunchData and "launched", issues a fetch URL, returns the launch URL. */
  launch(o: Cmi5LaunchOptions): { url: string; registration: string; actor: object } {
    const registration = randomUUID();
    const sessionId = randomUUID();
    const actor = { objectType: 'Agent', name: o.actorName ?? 'Nguyễn Thị Minh', account: { homePage: 'https://lms.example.org', name: 'r-0042' } };
    const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: o.auId }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId } };
    const launchData = {
      contextTemplate, launchMode: o.launchMode ?? 'Normal', moveOn: o.moveOn ?? 'CompletedAndPassed', returnURL: `${this.origin}${Cmi5Lrs.RETURN_PATH}`,
      ...(o.masteryScore !== undefined ? { masteryScore: o.masteryScore } : {}),
    };
    this.state.set(this.stateKey(o.auId, actor, registration, 'LMS.LaunchData'), JSON.stringify(launchData));
    const fetchId = randomUUID();
    const token = Buffer.from(`au-${fetchId}:secret`).toString('base64');
    this.tokens.set(fetchId, { token, used: false });
    this.record({
      id: randomUUID(), actor, verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: o.auId }, timestamp: new Date().toISOString(),
      context: { ...contextTemplate, registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] }, extensions: { ...contextTemplate.extensions, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchData.launchMode, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': launchData.moveOn, 'https://w3id.org/xapi/cmi5/context/extensions/launchurl': `${this.origin}${o.launchPath}`, ...(o.masteryScore !== undefined ? { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': o.masteryScore } : {}) } },
    });
    const q = new URLSearchParams({ endpoint: `${this.origin}/xapi/`, fetch: `${this.origin}/cmi5/fetch/${fetchId}`, actor: JSON.stringify(actor), registration, activityId: o.auId });
    return { url: `${this.origin}${o.launchPath}${o.launchPath.includes('?') ? '&' : '?'}${q}`, registration, actor };
  }

  /** Verb ids in the order the LRS received them (short names: the last path segment). */
  get verbs(): string[] {
    return this.statements.map((s) => (s.verb?.id ?? '').split('/').pop() ?? '');
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const json = (status: number, data: unknown): void => void res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' }).end(JSON.stringify(data));
    // The LMS page the AU goes back to after terminated (LaunchData returnURL, cmi5 section 10.0).
    if (url.pathname === Cmi5Lrs.RETURN_PATH) return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>LMS</title><p>Back in the LMS.</p>');
    if (url.pathname.startsWith('/cmi5/fetch/') && req.method === 'POST') {
      this.fetchCalls++;
      const t = this.tokens.get(url.pathname.slice('/cmi5/fetch/'.length));
      // Section 8.2.3: the fetch URL works once; afterwards the LMS answers with an error code.
      if (!t || t.used) return json(200, { 'error-code': '1', 'error-text': 'Already in use' });
      t.used = true;
      this.validTokens.add(t.token);
      return json(200, { 'auth-token': t.token });
    }
    const path = url.pathname.slice('/xapi/'.length);
    // The lead reads the statements with read credentials of their own (never the AU's token): GET /statements with
    // verb, activity and related_activities, as the drill report asks (xAPI Part 3, 2.1.3).
    if (path === 'statements' && req.method === 'GET' && req.headers.authorization === Cmi5Lrs.LEAD_READ) return json(200, { statements: this.statements.filter((s) => matches(s, url.searchParams)), more: '' });
    const auth = (req.headers.authorization ?? '').replace(/^Basic /, '');
    if (!this.validTokens.has(auth)) return json(401, { error: 'unknown or missing auth token' });
    if (path === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      const parsed = JSON.parse(body) as Statement | Statement[];
      const list = Array.isArray(parsed) ? parsed : [parsed];
      list.forEach((s) => this.record(s));
      return json(200, list.map((s) => s.id));
    }
    if (path === 'activities/state') {
      const key = this.stateKey(url.searchParams.get('activityId') ?? '', JSON.parse(url.searchParams.get('agent') ?? '{}'), url.searchParams.get('registration') ?? '', url.searchParams.get('stateId') ?? '');
      if (req.method === 'GET') {
        const doc = this.state.get(key);
        return doc === undefined ? json(404, { error: 'no such document' }) : void res.writeHead(200, { 'Content-Type': 'application/json' }).end(doc);
      }
      if (url.searchParams.get('stateId') === 'LMS.LaunchData') return json(403, { error: 'LMS.LaunchData is written by the LMS only (cmi5 10.0)' });
      this.state.set(key, body);
      return void res.writeHead(204).end();
    }
    if (path === 'agents/profile') return json(404, { error: 'no learner preferences' });
    json(404, { error: `not in this fixture: ${req.method} ${url.pathname}` });
  }

  private record(s: Statement): void {
    const problems = validateStatement(s).map((w: { message?: string; path?: string[] } | unknown) => JSON.stringify(w));
    if (problems.length > 0) this.invalid.push({ statement: s, problems });
    this.statements.push(s);
  }

  private stateKey(activityId: string, agent: object, registration: string, stateId: string): string {
    const a = agent as { account?: { name?: string } };
    return [activityId, a.account?.name ?? JSON.stringify(agent), registration, stateId].join('|');
  }
}

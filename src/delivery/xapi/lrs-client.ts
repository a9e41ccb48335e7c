import type XAPI from '@xapi/xapi';
import type { Statement } from '@xapi/xapi';

/**
 * The LRS over HTTP, through @xapi/xapi (URL building, the X-Experience-API-Version header, the statement
 * resource) with an adapter of our own around an injectable fetch: the queue needs the HTTP status to tell a
 * retry from a refusal, tests inject a flaky fetch, and every request times out instead of hanging.
 */
export const XAPI_VERSION = '1.0.3';
const REQUEST_TIMEOUT_MS = 30_000;
/** A paging loop stops here: an LRS returning 1000 pages of `more` for one session is broken or hostile. */
const MAX_PAGES = 1000;

/** @xapi/xapi's adapter function type (not exported by name from the package's entry). */
type AdapterFunction = Extract<NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>, (...args: never[]) => unknown>;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class LrsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`LRS answered HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'LrsHttpError';
  }
}

function fetchAdapter(doFetch: Fetch): AdapterFunction {
  return (async ({ url, method, data, headers }: { url: string; method: string; data?: unknown; headers?: Record<string, string> }) => {
    const res = await doFetch(url, {
      method,
      headers,
      body: data === undefined ? undefined : JSON.stringify(data),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      // Credentials are in the Authorization header; cookies of the game's origin must not go to the LRS.
      credentials: 'omit',
    });
    const text = await res.text();
    if (!res.ok) throw new LrsHttpError(res.status, text);
    let body: unknown = text;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      // A 2xx reply that is not JSON (some LRSs answer a PUT with plain text) carries nothing we read.
    }
    return { data: body, headers: Object.fromEntries(res.headers.entries()), status: res.status };
  }) as AdapterFunction;
}

export interface LrsConnection {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi/ */
  readonly endpoint: string;
  /** The Authorization header value: the session's write token, or the instructor's read credentials. */
  readonly authorization: string;
  readonly fetch?: Fetch;
}

export interface LrsClient {
  /** POST /statements with a batch (throws LrsHttpError or the fetch's network error). */
  sendStatements(statements: readonly Statement[]): Promise<void>;
  /** GET /statements with the filters given, following `more` until the last page. */
  readStatements(query: StatementQuery): Promise<Statement[]>;
}

export interface StatementQuery {
  readonly registration?: string;
  readonly verb?: string;
  readonly activity?: string;
  readonly relatedActivities?: boolean;
  readonly limit?: number;
}

export function createLrsClient(c: LrsConnection): LrsClient {
  const doFetch: Fetch = c.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const adapter = fetchAdapter(doFetch);
  // The xAPI client (and the HTTP library it brings) loads when a session first talks to its LRS, not with the page.
  let client: Promise<XAPI> | null = null;
  const xapiClient = (): Promise<XAPI> => {
    client ??= import('@xapi/xapi').then(({ default: Xapi }) => new Xapi({ endpoint: c.endpoint, auth: c.authorization, version: XAPI_VERSION, adapter }));
    return client;
  };
  const headers = { 'X-Experience-API-Version': XAPI_VERSION, Authorization: c.authorization };
  return {
    sendStatements: async (statements) => {
      await (await xapiClient()).sendStatements({ statements: [...statements] });
    },
    readStatements: async (q) => {
      const first = await (await xapiClient()).getStatements({
        ...(q.registration ? { registration: q.registration } : {}),
        ...(q.verb ? { verb: q.verb } : {}),
        ...(q.activity ? { activity: q.activity } : {}),
        ...(q.relatedActivities ? { related_activities: true } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      });
      const out: Statement[] = [];
      let page = first.data as { statements?: Statement[]; more?: string };
      const seen = new Set<string>();
      for (let n = 0; ; n++) {
        out.push(...(page.statements ?? []));
        const more = page.more;
        if (!more) break;
        // `more` is an IRL relative to the LRS (xAPI Part 3 section 2.1.3, "StatementResult"): resolve it against the
        // endpoint, which handles a path ("/xapi/statements?..."), a relative reference or a full address alike.
        const nextUrl = new URL(more, c.endpoint);
        // The credentials go only to the LRS the user typed: a `more` naming another origin is refused, not followed.
        if (nextUrl.origin !== new URL(c.endpoint).origin) {
          throw new Error(`readStatements: the LRS's next page points to another address (${nextUrl.origin}, not ${new URL(c.endpoint).origin}); it was not followed, so your credentials were not sent there, and nothing was read. Ask the LRS's administrator why its "more" link names another host.`);
        }
        const next = nextUrl.toString();
        if (seen.has(next) || n >= MAX_PAGES) throw new Error(`readStatements: the LRS keeps returning more pages (${n + 1}); stopped`);
        seen.add(next);
        page = (await adapter({ url: next, method: 'GET', headers })).data as typeof page;
      }
      return out;
    },
  };
}

export type SendOutcome =
  | { readonly kind: 'retry'; readonly why: string }
  | { readonly kind: 'unauthorized'; readonly why: string }
  | { readonly kind: 'conflict'; readonly why: string }
  | { readonly kind: 'rejected'; readonly why: string };

/**
 * What a failed send means for the queue. Network errors, time-outs, 408, 429 and 5xx are passing: retry later.
 * 401 and 403: the token is wrong or expired, retrying will not help until it changes. 409: a statement with one of
 * these ids is already stored. Other 4xx: the LRS refuses the statements themselves.
 */
export function classifySendError(e: unknown): SendOutcome {
  if (e instanceof LrsHttpError) {
    const s = e.status;
    if (s === 408 || s === 429 || s >= 500) return { kind: 'retry', why: e.message };
    if (s === 401 || s === 403) return { kind: 'unauthorized', why: e.message };
    if (s === 409) return { kind: 'conflict', why: e.message };
    return { kind: 'rejected', why: e.message };
  }
  return { kind: 'retry', why: e instanceof Error ? `network: ${e.message}` : 'network error' };
}

/**
 * Each answer of a training session with a usable LRS block goes out as an xAPI statement through delivery's
 * outbox (kept in IndexedDB until the LRS has stored it; retried with back-off; 401/403 block it until retried).
 * The status the reader sees (pending, rejected, blocked, or why nothing is sent) is written to the store.
 */
import {
  answerStatement, createLrsClient, createOutbox, randomUuid, verifySession, type Outbox, type OutboxItem, type OutboxStatus, type OutboxStore,
  type SignedSession,
} from '../delivery/index.js';
import type { OutboxView } from '../store/index.js';
import { toAnswer } from './training-answers.js';
import type { TrainingDeps } from './training-deps.js';

export interface LrsTarget {
  readonly signed: SignedSession;
  readonly sha256: string;
  readonly readerFingerprint: string;
  /** verifySession's lrsUsable: the block is there and its token has not expired. */
  readonly usable: boolean;
}

export interface LrsLink {
  start(t: LrsTarget): void;
  stop(): void;
  retry(): void;
  /**
   * At start-up, after the resumed session (if any) was started: sends what a closed tab left queued for the other
   * sessions this browser joined, each to its own session's LRS only (the delivery README's "flush() at start").
   */
  flushLeftovers(): Promise<void>;
}

/** The queue holds one session's statements at a time; items of another session (another LRS) are never sent here. */
export function scopedOutboxStore(base: OutboxStore, sessionId: string): OutboxStore {
  const mine = (i: OutboxItem): boolean => (i.statement.context as { registration?: string } | undefined)?.registration === sessionId;
  return { all: async () => (await base.all()).filter(mine), put: (items) => base.put(items), delete: (ids) => base.delete(ids) };
}

export function outboxView(host: string, s: OutboxStatus): OutboxView {
  const note = s.phase === 'blocked' || s.rejected > 0 || s.phase === 'waiting' ? s.lastError : null;
  return { host, pending: s.pending, rejected: s.rejected, phase: s.phase, note };
}

export function createLrsLink(d: TrainingDeps): LrsLink {
  let outbox: Outbox | null = null;
  let activeSessionId: string | null = null;
  /** Queues of finished sessions flushed at start-up, by session id; they keep retrying with back-off while the page is open. */
  const leftovers = new Map<string, Outbox>();
  const cleanups: (() => void)[] = [];
  const show = (view: OutboxView | null): void => d.store.getState().patchActiveTraining({ outbox: view });

  const stop = (): void => {
    outbox?.dispose();
    outbox = null;
    activeSessionId = null;
    while (cleanups.length > 0) cleanups.pop()?.();
  };

  const start = (t: LrsTarget): void => {
    stop();
    // One queue per session at a time, so a statement is never sent twice at once.
    activeSessionId = t.signed.session.sessionId;
    leftovers.get(activeSessionId)?.dispose();
    leftovers.delete(activeSessionId);
    const lrs = t.signed.session.lrs;
    if (!lrs) return show(null);
    const host = new URL(lrs.endpoint).host;
    if (!t.usable) return show({ host, pending: 0, rejected: 0, phase: 'off', note: `The session's LRS token expired on ${lrs.tokenExpiresAt}: answers go only into your result file (J).` });
    if (!d.connectAllowed(lrs.endpoint)) {
      return show({ host, pending: 0, rejected: 0, phase: 'off', note: `This copy of the game may not contact ${host} (its security policy allows only its own address): answers go only into your result file (J).` });
    }
    const box = createOutbox({
      store: scopedOutboxStore(d.outboxStore, t.signed.session.sessionId),
      client: createLrsClient({ endpoint: lrs.endpoint, authorization: lrs.token, ...(d.fetch ? { fetch: d.fetch } : {}) }),
      onStatus: (s) => show(outboxView(host, s)),
    });
    outbox = box;
    show({ host, pending: 0, rejected: 0, phase: 'idle', note: null });
    void box.flush();
    const storedId = d.store.getState().training.active?.storedSessionId;
    let sent = d.store.getState().session?.records.length ?? 0;
    cleanups.push(
      d.store.subscribe(
        (st) => (st.meta?.id === storedId && !st.reviewOnly ? st.session?.records ?? null : null),
        (records) => {
          if (!records || records.length <= sent) return;
          const fresh = records.slice(sent);
          sent = records.length;
          const statements = fresh.map((r) =>
            answerStatement({
              statementId: randomUuid(), session: t.signed.session, sessionSha256: t.sha256, lrs, readerFingerprint: t.readerFingerprint,
              answer: toAnswer(r), truth: r.truth.kind === 'authentic' ? 'authentic' : 'fake', app: d.app,
            }),
          );
          box.enqueue(statements).catch((e: unknown) => show({ host, pending: box.status().pending, rejected: box.status().rejected, phase: 'waiting', note: `Could not queue an answer: ${(e as Error).message}` }));
        },
      ),
    );
    if (typeof window !== 'undefined') {
      const online = (): void => void box.resume();
      window.addEventListener('online', online);
      cleanups.push(() => window.removeEventListener('online', online));
    }
  };

  const flushLeftovers = async (): Promise<void> => {
    const [queued, joins] = await Promise.all([d.outboxStore.all(), d.repo.joins()]).catch(() => [[], []] as const);
    const waiting = new Set(queued.map((i) => (i.statement.context as { registration?: string } | undefined)?.registration));
    for (const rec of joins) {
      const signed = rec.session as { session?: { sessionId?: string; issuedAt?: string } };
      const id = signed.session?.sessionId;
      if (!id || !waiting.has(id) || id === activeSessionId || leftovers.has(id)) continue;
      // Checked as of its issue date, as restoreActive does; the LRS is the one the instructor signed into the session.
      const check = await verifySession(rec.session, Date.parse(String(signed.session?.issuedAt)) || d.now());
      const lrs = check.ok ? check.signed.session.lrs : undefined;
      if (!check.ok || !lrs || Date.parse(lrs.tokenExpiresAt) <= d.now() || !d.connectAllowed(lrs.endpoint)) continue;
      if (id === activeSessionId || leftovers.has(id)) continue; // started while this one was checked
      const box = createOutbox({
        store: scopedOutboxStore(d.outboxStore, id),
        client: createLrsClient({ endpoint: lrs.endpoint, authorization: lrs.token, ...(d.fetch ? { fetch: d.fetch } : {}) }),
      });
      leftovers.set(id, box);
      void box.flush();
    }
  };
  if (typeof window !== 'undefined') window.addEventListener('online', () => { for (const box of leftovers.values()) void box.resume(); });

  const stopAll = (): void => {
    stop();
    for (const box of leftovers.values()) box.dispose();
    leftovers.clear();
  };

  return { start, stop: stopAll, retry: () => void outbox?.resume(), flushLeftovers };
}

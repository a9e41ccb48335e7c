/**
 * Each answer of a training session with a usable LRS block goes out as an xAPI statement through delivery's
 * outbox (kept in IndexedDB until the LRS has stored it; retried with back-off; 401/403 block it until retried).
 * The status the reader sees (pending, rejected, blocked, or why nothing is sent) is written to the store.
 */
import {
  answerStatement, createLrsClient, createOutbox, randomUuid, type Outbox, type OutboxItem, type OutboxStatus, type OutboxStore, type SignedSession,
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
  const cleanups: (() => void)[] = [];
  const show = (view: OutboxView | null): void => d.store.getState().patchActiveTraining({ outbox: view });

  const stop = (): void => {
    outbox?.dispose();
    outbox = null;
    while (cleanups.length > 0) cleanups.pop()?.();
  };

  const start = (t: LrsTarget): void => {
    stop();
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

  return { start, stop, retry: () => void outbox?.resume() };
}

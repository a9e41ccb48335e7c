import type { Statement } from '@xapi/xapi';
import { classifySendError, type LrsClient } from './lrs-client.js';

/**
 * The outbound statement queue. A statement is written to the store before any send is tried and deleted only
 * after the LRS has stored it, so a closed tab, a crash or a dead network loses nothing: the next start sends what
 * is left. Ids are fixed when queued, so re-sending after a lost reply stores nothing twice (xAPI Part 3 2.1.1-2.1.2).
 * Passing failures are retried with exponential back-off; a refused statement is kept (state 'rejected') and
 * reported, never dropped; a refused token stops sending until `resume()`.
 */
export interface OutboxItem {
  /** The statement's id (a UUID set by the game). */
  readonly id: string;
  readonly statement: Statement;
  /** Enqueue order: items are sent oldest first. */
  readonly seq: number;
  readonly state: 'pending' | 'rejected';
  readonly lastError: string | null;
}

/** The storage port: IndexedDB in the browser (wired by the app), a Map in tests. Each call is atomic. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(items: readonly OutboxItem[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
}

export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()].map((i) => ({ ...i })),
    put: async (xs) => xs.forEach((i) => items.set(i.id, { ...i })),
    delete: async (ids) => ids.forEach((id) => items.delete(id)),
  };
}

export interface OutboxStatus {
  readonly pending: number;
  readonly rejected: number;
  /** 'sending' while a flush runs; 'waiting' until a retry; 'blocked' after 401/403; 'idle' when nothing is left. */
  readonly phase: 'idle' | 'sending' | 'waiting' | 'blocked';
  readonly lastError: string | null;
  readonly nextRetryAt: number | null;
}

export interface OutboxOptions {
  readonly store: OutboxStore;
  readonly client: LrsClient;
  readonly now?: () => number;
  /** Runs `fn` after `ms`; returns a cancel function (setTimeout by default; tests drive time themselves). */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
  readonly batchSize?: number;
  /** Back-off after the n-th failure in a row: min(maxMs, baseMs x 2^(n-1)), times 0.5..1 jitter so a class back online does not retry in step. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
  readonly onStatus?: (s: OutboxStatus) => void;
}

export interface Outbox {
  enqueue(statements: readonly Statement[]): Promise<void>;
  /** Sends what is pending now; resolves when this pass is over (sent, waiting for a retry, or blocked). */
  flush(): Promise<void>;
  /** After 'blocked' (a new token) or on the browser's 'online' event: try again at once. */
  resume(): Promise<void>;
  status(): OutboxStatus;
  dispose(): void;
}

export function createOutbox(o: OutboxOptions): Outbox {
  const now = o.now ?? Date.now;
  const schedule = o.schedule ?? ((fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  });
  const batchSize = o.batchSize ?? 50;
  const base = o.baseDelayMs ?? 2_000;
  const max = o.maxDelayMs ?? 5 * 60_000;
  const random = o.random ?? Math.random;
  let counts = { pending: 0, rejected: 0 };
  let phase: OutboxStatus['phase'] = 'idle';
  let lastError: string | null = null;
  let nextRetryAt: number | null = null;
  let failures = 0;
  let seq = 0;
  let running: Promise<void> | null = null;
  let cancelRetry: (() => void) | null = null;
  let disposed = false;

  const status = (): OutboxStatus => ({ ...counts, phase, lastError, nextRetryAt });
  let started = false;
  const publish = async (): Promise<OutboxItem[]> => {
    started = true;
    const all = (await o.store.all()).sort((a, b) => a.seq - b.seq);
    counts = { pending: all.filter((i) => i.state === 'pending').length, rejected: all.filter((i) => i.state === 'rejected').length };
    seq = Math.max(seq, ...all.map((i) => i.seq + 1));
    o.onStatus?.(status());
    return all;
  };

  const waitAndRetry = (why: string): void => {
    failures++;
    lastError = why;
    const delay = Math.min(max, base * 2 ** (failures - 1)) * (0.5 + random() / 2);
    nextRetryAt = now() + delay;
    phase = 'waiting';
    cancelRetry?.();
    cancelRetry = schedule(() => void flush(), delay);
  };

  /** Sends one batch; on a conflict or a refusal of a batch, each statement alone, to find the one at fault. */
  const sendBatch = async (batch: readonly OutboxItem[]): Promise<'continue' | 'stop'> => {
    try {
      await o.client.sendStatements(batch.map((i) => i.statement));
      await o.store.delete(batch.map((i) => i.id));
      return 'continue';
    } catch (e) {
      const out = classifySendError(e);
      if (out.kind === 'retry') {
        waitAndRetry(out.why);
        return 'stop';
      }
      if (out.kind === 'unauthorized') {
        phase = 'blocked';
        lastError = `${out.why}. The session's LRS token was refused (expired or revoked); answers stay queued and in your result file.`;
        return 'stop';
      }
      if (batch.length > 1) {
        for (const item of batch) if ((await sendBatch([item])) === 'stop') return 'stop';
        return 'continue';
      }
      const item = batch[0] as OutboxItem;
      // A lone 409: the LRS already holds a statement with this id. Ids are random UUIDs made by this game, so it is
      // this statement, stored by an earlier send whose reply was lost: done.
      if (out.kind === 'conflict') await o.store.delete([item.id]);
      else await o.store.put([{ ...item, state: 'rejected', lastError: out.why }]);
      return 'continue';
    }
  };

  const pass = async (): Promise<void> => {
    phase = 'sending';
    nextRetryAt = null;
    cancelRetry?.();
    cancelRetry = null;
    for (;;) {
      const pending = (await publish()).filter((i) => i.state === 'pending');
      if (pending.length === 0) {
        phase = 'idle';
        failures = 0;
        break;
      }
      if ((await sendBatch(pending.slice(0, batchSize))) === 'stop') break;
      failures = 0;
    }
    await publish();
  };

  function flush(): Promise<void> {
    if (disposed || phase === 'blocked') return running ?? Promise.resolve();
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    enqueue: async (statements) => {
      // Items left by an earlier page load carry sequence numbers: continue after them.
      if (!started) await publish();
      const items = statements.map((s): OutboxItem => {
        if (typeof s.id !== 'string') throw new Error('Outbox.enqueue: every statement needs its id set before it is queued');
        return { id: s.id, statement: s, seq: seq++, state: 'pending', lastError: null };
      });
      await o.store.put(items);
      void flush();
    },
    flush,
    resume: async () => {
      if (phase === 'blocked') phase = 'idle';
      failures = 0;
      await flush();
    },
    status,
    dispose: () => {
      disposed = true;
      cancelRetry?.();
    },
  };
}

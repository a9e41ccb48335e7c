/**
 * The two per-file jobs of a build (pass 1: probe a file; pass 2: build a case) behind one interface, so they run
 * in-process (tests, a single core) or on a pool of workers (worker threads in Node, Web Workers in the browser;
 * see worker/job-pool.ts). Either way results are taken in input order, so a pack does not depend on which worker
 * finished first.
 */
import type { CodecSet } from '../ingest/types.js';
import { buildCase, type BuiltCase, type CaseJob } from './build-case.js';
import { probeBytes, type BadFile, type ProbeFacts } from './probe.js';

export interface BuildJobs {
  /** How many jobs may usefully run at once. */
  readonly concurrency: number;
  probe(path: string, bytes: Uint8Array): Promise<ProbeFacts | BadFile>;
  buildCase(job: CaseJob): Promise<BuiltCase>;
}

/** One job at a time on the calling thread. */
export function inProcessJobs(codecs: CodecSet): BuildJobs {
  return { concurrency: 1, probe: (path, bytes) => probeBytes(path, bytes, codecs), buildCase: (job) => buildCase(job, codecs) };
}

/** The messages a job worker understands and answers (structured-cloneable). */
export type JobRequest =
  | { readonly id: number; readonly type: 'probe'; readonly path: string; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'case'; readonly job: CaseJob };

export type JobReply =
  | { readonly id: number; readonly ok: true; readonly result: ProbeFacts | BadFile | BuiltCase }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** What a job worker does with one request (the same code in a worker thread and a Web Worker). */
export async function answerJob(req: JobRequest, codecs: CodecSet): Promise<JobReply> {
  try {
    const result = req.type === 'probe' ? await probeBytes(req.path, req.bytes, codecs) : await buildCase(req.job, codecs);
    return { id: req.id, ok: true, result };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Buffers a reply transfers instead of copying: the PNGs a case produces. */
export function replyTransfers(reply: JobReply): ArrayBuffer[] {
  if (!reply.ok || !('files' in reply.result)) return [];
  return [...new Set(reply.result.files.map((f) => f.bytes.buffer as ArrayBuffer))];
}

/**
 * Runs `start` on up to `limit` items at a time and hands each result to `handle` in input order: workers stay busy
 * while results are written in a fixed order.
 */
export async function forEachInOrder<T, R>(
  items: readonly T[],
  limit: number,
  start: (item: T, i: number) => Promise<R>,
  handle: (result: R, item: T, i: number) => Promise<void>,
): Promise<void> {
  const pending = new Map<number, Promise<R>>();
  let next = 0;
  try {
    for (let i = 0; i < items.length; i++) {
      for (; next < items.length && next < i + Math.max(1, limit); next++) {
        const p = start(items[next] as T, next);
        p.catch(() => undefined); // awaited below, in order; this only keeps an early rejection from going unhandled
        pending.set(next, p);
      }
      const result = await (pending.get(i) as Promise<R>);
      pending.delete(i);
      await handle(result, items[i] as T, i);
    }
  } finally {
    await Promise.allSettled(pending.values());
  }
}

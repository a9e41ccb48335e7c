/**
 * A pool of job workers behind `BuildJobs`, for any kind of worker: the command line gives it Node worker threads,
 * the browser's build worker gives it Web Workers (both through the small `JobPort` adapter). Jobs wait in one queue
 * and a worker is handed the next only when it is free, so a slow job (a large JPEG 2000) never holds others queued
 * behind it on its worker while another worker idles. Input bytes are transferred, not copied. A worker that dies fails
 * only the job it held (its file is listed as bad) and is replaced.
 */
import type { BuildJobs, JobReply, JobRequest } from '../build/jobs.js';
import type { BadFile, BuiltCase, CaseJob, ProbeFacts } from '../build/index.js';

export interface JobPort {
  post(req: JobRequest, transfer: ArrayBuffer[]): void;
  /** Registers the reply and failure handlers (called once, right after the port is made). */
  listen(onReply: (reply: JobReply) => void, onFailure: (why: string) => void): void;
  terminate(): void;
}

export interface JobPool extends BuildJobs {
  close(): void;
}

interface Pending {
  readonly resolve: (r: unknown) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  port: JobPort;
  /** The job this worker runs, if any. */
  job: { readonly id: number; readonly pending: Pending } | null;
}

/**
 * The bytes as their own buffer, so transferring them detaches nothing else (Node pools small file reads). Empty
 * bytes get a fresh empty array: a detached buffer (bytes already transferred) in a transfer list is dropped
 * silently by Node, and the job would wait for ever.
 */
function owned(b: Uint8Array): Uint8Array {
  if (b.byteLength === 0) return new Uint8Array(0);
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice();
}

export function jobPool(size: number, makePort: () => JobPort): JobPool {
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = [];
  const queue: { readonly make: (id: number) => { req: JobRequest; transfer: ArrayBuffer[] }; readonly pending: Pending }[] = [];
  const pump = (): void => {
    for (const slot of slots) {
      const next = slot.job === null ? queue.shift() : undefined;
      if (!next) continue;
      const id = nextId++;
      const { req, transfer } = next.make(id);
      slot.job = { id, pending: next.pending };
      slot.port.post(req, transfer);
    }
  };
  const spawn = (slot?: Slot): Slot => {
    const s: Slot = slot ?? { port: makePort(), job: null };
    if (slot) s.port = makePort();
    const port = s.port;
    port.listen(
      (reply) => {
        if (s.port !== port || s.job?.id !== reply.id) return;
        const { pending } = s.job;
        s.job = null;
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new Error(reply.error));
        pump();
      },
      (why) => {
        if (s.port !== port) return;
        s.job?.pending.reject(new Error(`the worker stopped (${why})`));
        s.job = null;
        port.terminate();
        if (!closed) {
          spawn(s);
          pump();
        }
      },
    );
    return s;
  };
  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  function run<R>(make: (id: number) => { req: JobRequest; transfer: ArrayBuffer[] }): Promise<R> {
    if (closed) return Promise.reject(new Error('the job pool is closed'));
    return new Promise<R>((resolve, reject) => {
      queue.push({ make, pending: { resolve: resolve as (r: unknown) => void, reject } });
      pump();
    });
  }

  return {
    concurrency: slots.length,
    probe: (path, bytes) =>
      run<ProbeFacts | BadFile>((id) => {
        const own = owned(bytes);
        return { req: { id, type: 'probe', path, bytes: own }, transfer: [own.buffer as ArrayBuffer] };
      }),
    buildCase: (job: CaseJob) =>
      run<BuiltCase>((id) => {
        const own = owned(job.bytes);
        return { req: { id, type: 'case', job: { ...job, bytes: own } }, transfer: [own.buffer as ArrayBuffer] };
      }),
    close: () => {
      closed = true;
      for (const q of queue.splice(0)) q.pending.reject(new Error('the build was stopped'));
      for (const s of slots) {
        s.job?.pending.reject(new Error('the build was stopped'));
        s.job = null;
        s.port.terminate();
      }
    },
  };
}

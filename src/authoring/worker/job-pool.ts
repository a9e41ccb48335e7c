/**
 * A pool of job workers behind `BuildJobs`, for any kind of worker: the command line gives it Node worker threads,
 * the browser's build worker gives it Web Workers (both through the small `JobPort` adapter). Each job goes to the
 * worker with the fewest in flight; input bytes are transferred, not copied. A worker that dies fails only the jobs
 * it held (their files are listed as bad) and is replaced.
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

interface Slot {
  port: JobPort;
  readonly inFlight: Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>;
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
  const spawn = (slot?: Slot): Slot => {
    const s: Slot = slot ?? { port: makePort(), inFlight: new Map() };
    if (slot) s.port = makePort();
    const port = s.port;
    port.listen(
      (reply) => {
        const job = s.inFlight.get(reply.id);
        if (!job) return;
        s.inFlight.delete(reply.id);
        if (reply.ok) job.resolve(reply.result);
        else job.reject(new Error(reply.error));
      },
      (why) => {
        if (s.port !== port) return;
        for (const job of s.inFlight.values()) job.reject(new Error(`the worker stopped (${why})`));
        s.inFlight.clear();
        port.terminate();
        if (!closed) spawn(s);
      },
    );
    return s;
  };
  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());

  function run<R>(make: (id: number) => { req: JobRequest; transfer: ArrayBuffer[] }): Promise<R> {
    if (closed) return Promise.reject(new Error('the job pool is closed'));
    const slot = slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    const id = nextId++;
    return new Promise<R>((resolve, reject) => {
      const { req, transfer } = make(id);
      slot.inFlight.set(id, { resolve: resolve as (r: unknown) => void, reject });
      slot.port.post(req, transfer);
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
      for (const s of slots) {
        for (const job of s.inFlight.values()) job.reject(new Error('the build was stopped'));
        s.port.terminate();
      }
    },
  };
}

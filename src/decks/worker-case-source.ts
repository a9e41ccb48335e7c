import type { QueryPairs } from '../domain/index.js';
import type { CaseSource, DemoCaseSpec, PreparedCase } from './case-types.js';
import { workerNameFor, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/**
 * Starts the demo-case worker with the page's query, before the game's code has loaded: for a deep link to the demo
 * deck the worker makes the first case at once (demo-case.worker.ts), and createWorkerCaseSource takes it over.
 */
export function startDemoCaseWorker(query: QueryPairs): Worker {
  return new Worker(new URL('./demo-case.worker.ts', import.meta.url), { type: 'module', name: workerNameFor(query) });
}

/** The browser's CaseSource: one module worker that generates cases in request order. */
export function createWorkerCaseSource(worker: Worker = startDemoCaseWorker([])): CaseSource<DemoCaseSpec> {
  let nextId = 1;
  const pending = new Map<number, { resolve: (c: PreparedCase) => void; reject: (e: Error) => void; spec: DemoCaseSpec }>();

  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const reply = e.data;
    const p = pending.get(reply.requestId);
    if (!p) return;
    pending.delete(reply.requestId);
    if (reply.ok) {
      p.resolve({ id: p.spec.id, image: reply.image, original: reply.original, truth: reply.truth, header: reply.header, generationMs: reply.generationMs, madeAhead: reply.madeAhead });
    } else {
      p.reject(new Error(reply.error));
    }
  };
  worker.onerror = (e: ErrorEvent) => {
    const err = new Error(`The case generator stopped (${e.message || 'worker error'}). Reload the page to try again.`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  return {
    prepare: (spec) =>
      new Promise<PreparedCase>((resolve, reject) => {
        const requestId = nextId++;
        pending.set(requestId, { resolve, reject, spec });
        const msg: WorkerRequest = { requestId, spec };
        worker.postMessage(msg);
      }),
    dispose: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('The case generator was closed.'));
      pending.clear();
    },
  };
}

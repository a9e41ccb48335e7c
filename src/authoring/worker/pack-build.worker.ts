/**
 * Web Worker entry: builds or imports a case pack from files dropped on the page, with the same pipeline as the
 * command line, the per-file jobs spread over job workers (one per core). Inputs are read one at a time from the
 * Blobs the page passed (never all at once); zips are opened with the zip-slip and zip-bomb checks; the finished
 * pack is posted back file by file (transferred, not copied) for the page to store. The wasm codecs are served by
 * the game itself: nothing is fetched from anywhere else.
 */
import { buildPack, type PackInputs } from '../build/index.js';
import { expandInputs } from '../pack-inputs.js';
import { dropBuildOptions } from './drop-options.js';
import { jobPool, type JobPort } from './job-pool.js';
import type { JobReply } from '../build/jobs.js';
import type { PackBuildReply, PackBuildRequest } from './pack-build-protocol.js';
import { browserCodecs } from './wasm-urls.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<PackBuildRequest>) => void) | null;
  postMessage(message: PackBuildReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const codecs = browserCodecs();

/** One job worker per core, at most four (each holds its own codecs and one image), at least one. */
const JOB_WORKERS = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

function jobWorkerPort(): JobPort {
  const worker = new Worker(new URL('./case-job.worker.ts', import.meta.url), { type: 'module', name: 'pack-job' });
  return {
    post: (req, transfer) => worker.postMessage(req, transfer),
    listen: (onReply, onFailure) => {
      worker.onmessage = (e: MessageEvent<JobReply>) => onReply(e.data);
      worker.onerror = (e: ErrorEvent) => onFailure(e.message || 'worker error');
    },
    terminate: () => worker.terminate(),
  };
}

scope.onmessage = (e) => {
  void run(e.data).catch((err: unknown) => {
    scope.postMessage({ type: 'failed', error: `The pack could not be built: ${(err as Error).message ?? String(err)}`, report: null }, []);
  });
};

async function run(req: PackBuildRequest): Promise<void> {
  const expanded = await expandInputs(req.items);
  const send = (path: string, bytes: Uint8Array): void => {
    // A view on a larger buffer is copied first, so only its own bytes are transferred.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    scope.postMessage({ type: 'file', path, bytes: own }, [own.buffer as ArrayBuffer]);
  };
  if (expanded.kind === 'pack') {
    // One file at a time, each checked as it is read: an import never holds the whole pack.
    for (const path of expanded.paths) send(path, await expanded.read(path));
    scope.postMessage({ type: 'done', how: 'imported', manifest: expanded.manifest, report: null }, []);
    return;
  }
  const inputs: PackInputs = { paths: expanded.paths, read: expanded.read, skipped: expanded.skipped };
  // Nested workers need a browser that supports them (all current ones do); without, the build runs here.
  const jobs = typeof Worker === 'function' ? jobPool(JOB_WORKERS, jobWorkerPort) : undefined;
  try {
    const result = await buildPack(inputs, dropBuildOptions(req, expanded), {
      codecs,
      ...(jobs ? { jobs } : {}),
      sink: { write: async (path, bytes) => send(path, bytes) },
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }, []),
      now: () => Date.now(),
    });
    if (!result.ok) {
      scope.postMessage({ type: 'failed', error: result.error, report: result.report }, []);
      return;
    }
    scope.postMessage({ type: 'done', how: 'built', manifest: result.manifest, report: result.report }, []);
  } finally {
    jobs?.close();
  }
}

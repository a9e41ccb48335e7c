import type { BuildProgress } from './build/index.js';
import type { PackBuildReply, PackBuildRequest } from './pack-build-protocol.js';

export type PackBuildOutcome = Extract<PackBuildReply, { type: 'done' } | { type: 'failed' }>;

/**
 * Runs one build or import in its own worker (browser only) and ends the worker afterwards, so the codecs' memory
 * is returned as soon as the pack is done.
 */
export function runPackBuildInWorker(req: PackBuildRequest, onProgress: (p: BuildProgress) => void): Promise<PackBuildOutcome> {
  const worker = new Worker(new URL('./pack-build.worker.ts', import.meta.url), { type: 'module', name: 'pack-builder' });
  return new Promise<PackBuildOutcome>((resolve) => {
    worker.onmessage = (e: MessageEvent<PackBuildReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') {
        onProgress(reply.progress);
        return;
      }
      worker.terminate();
      resolve(reply);
    };
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      resolve({ type: 'failed', error: `The pack builder stopped (${e.message || 'worker error'}). Reload the page and try again.`, report: null });
    };
    worker.postMessage(req);
  });
}

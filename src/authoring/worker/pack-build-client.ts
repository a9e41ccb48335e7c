import type { BuildProgress } from '../build/index.js';
import type { PackBuildReply, PackBuildRequest } from './pack-build-protocol.js';

export type PackBuildOutcome = Extract<PackBuildReply, { type: 'done' } | { type: 'failed' }>;

/**
 * Runs one build or import in its own worker (browser only) and ends the worker afterwards, so the codecs' memory
 * is returned as soon as the pack is done. Each file is handed to `onFile` as it arrives, in order; the outcome is
 * reported only once every file has been handled (a file that cannot be handled fails the build).
 */
export function runPackBuildInWorker(
  req: PackBuildRequest,
  onProgress: (p: BuildProgress) => void,
  onFile: (path: string, bytes: Uint8Array) => Promise<void>,
): Promise<PackBuildOutcome> {
  const worker = new Worker(new URL('./pack-build.worker.ts', import.meta.url), { type: 'module', name: 'pack-builder' });
  let stored: Promise<void> = Promise.resolve();
  return new Promise<PackBuildOutcome>((resolve) => {
    worker.onmessage = (e: MessageEvent<PackBuildReply>) => {
      const reply = e.data;
      if (reply.type === 'progress') {
        onProgress(reply.progress);
        return;
      }
      if (reply.type === 'file') {
        stored = stored.then(() => onFile(reply.path, reply.bytes));
        return;
      }
      worker.terminate();
      stored.then(
        () => resolve(reply),
        (err: unknown) => resolve({ type: 'failed', error: `The pack could not be stored in this browser: ${(err as Error).message}`, report: reply.report }),
      );
    };
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      resolve({ type: 'failed', error: `The pack builder stopped (${e.message || 'worker error'}). Reload the page and try again.`, report: null });
    };
    worker.postMessage(req);
  });
}

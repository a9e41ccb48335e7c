/**
 * The command line's build workers: Node worker threads running job-worker.ts, one per core (at most four: each
 * holds its own codecs and one image). The sources are TypeScript, so each thread registers tsx first (job-worker-boot.mjs).
 * The caller closes the pool when the build ends (the threads would keep the process alive otherwise).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { jobPool, type JobPool, type JobReply } from '../authoring/index.js';

export const MAX_JOB_THREADS = 4;

export function jobThreads(count = Math.min(MAX_JOB_THREADS, availableParallelism())): JobPool {
  return jobPool(count, () => {
    const worker = new Worker(new URL('./job-worker-boot.mjs', import.meta.url), { name: 'pack-job' });
    return {
      post: (req, transfer) => worker.postMessage(req, transfer),
      listen: (onReply, onFailure) => {
        worker.on('message', (reply: JobReply) => onReply(reply));
        worker.on('error', (e) => onFailure(e.message));
        worker.on('exit', (code) => onFailure(`exit code ${code}`));
      },
      terminate: () => void worker.terminate(),
    };
  });
}

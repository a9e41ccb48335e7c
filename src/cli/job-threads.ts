/**
 * The command line's build workers: Node worker threads running job-worker.ts, one per core (at most four: each
 * holds its own codecs and one image), from the bundle job-worker-bundle.ts makes (or, failing that, through tsx:
 * job-worker-boot.mjs). The caller closes the pool when the build ends (the threads would keep the process alive).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { jobPool, type JobPool, type JobReply } from '../authoring/index.js';
import { jobWorkerEntry } from './job-worker-bundle.js';

export const MAX_JOB_THREADS = 4;

export async function jobThreads(count = Math.min(MAX_JOB_THREADS, availableParallelism())): Promise<JobPool> {
  const entry = await jobWorkerEntry();
  return jobPool(count, () => {
    const worker = new Worker(entry, { name: 'pack-job' });
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

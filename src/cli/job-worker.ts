/**
 * A worker thread of `npm run pack`: answers probe and case jobs (authoring/build/jobs.ts) with its own codecs, so
 * the build uses every core. Started by job-threads.ts.
 */
import { parentPort } from 'node:worker_threads';
import { answerJob, createCodecSet, replyTransfers, type JobRequest } from '../authoring/index.js';

const codecs = createCodecSet();
const port = parentPort;
if (!port) throw new Error('job-worker.ts runs as a worker thread of the pack command; run `npm run pack` instead');
port.on('message', (req: JobRequest) => {
  void answerJob(req, codecs).then((reply) => port.postMessage(reply, replyTransfers(reply)));
});

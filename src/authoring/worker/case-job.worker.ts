/**
 * A job worker of the browser's pack build (started by pack-build.worker.ts, one per core up to four): answers probe
 * and case jobs with its own codecs, as a Node worker thread does for the command line.
 */
import { answerJob, replyTransfers, type JobReply, type JobRequest } from '../build/jobs.js';
import { browserCodecs } from './wasm-urls.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const codecs = browserCodecs();

scope.onmessage = (e) => {
  void answerJob(e.data, codecs).then((reply) => scope.postMessage(reply, replyTransfers(reply)));
};

import { generateDemoCase } from './generate-case.js';
import { transferablesOf, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** Web Worker entry: simulates and forges demo cases off the main thread, so the frame loop never stalls. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { requestId, spec } = e.data;
  let reply: WorkerReply;
  try {
    const c = generateDemoCase(spec, () => performance.now());
    reply = { requestId, ok: true, image: c.image, original: c.original, truth: c.truth, header: c.header, generationMs: c.generationMs };
  } catch (err) {
    reply = { requestId, ok: false, error: `Could not generate case ${spec.id}: ${(err as Error).message}` };
  }
  scope.postMessage(reply, transferablesOf(reply));
};

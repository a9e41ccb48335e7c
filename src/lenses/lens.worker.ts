import { computeLens } from './index.js';
import type { LensReply, LensRequest } from './lens-worker-protocol.js';

/** Web Worker entry: computes forensic lenses off the main thread. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<LensRequest>) => void) | null;
  postMessage(message: LensReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { requestId, lensId, image } = e.data;
  try {
    const t0 = performance.now();
    const out = computeLens(lensId as Parameters<typeof computeLens>[0], image);
    scope.postMessage({ requestId, ok: true, image: out, ms: performance.now() - t0 }, [out.data.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ requestId, ok: false, error: `The ${lensId} lens could not be computed: ${(err as Error).message}` }, []);
  }
};

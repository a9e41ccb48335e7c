import { TECHNIQUE_SUMMARIES } from '../forgery/index.js';
import { firstCaseOfDeepLink } from './demo-deck.js';
import { generateDemoCase } from './generate-case.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';
import { transferablesOf, type WarmRequest, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** Web Worker entry: simulates and forges demo cases off the main thread, so the frame loop never stalls. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest | WarmRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** The first case of a deep link, made before the game asked for it; handed over once, then dropped. */
let warmed: { readonly key: string; readonly made: PreparedCase } | null = null;
const keyOf = (spec: DemoCaseSpec): string => JSON.stringify(spec);

function warm(query: WarmRequest['warm']): void {
  const first = firstCaseOfDeepLink(query, TECHNIQUE_SUMMARIES);
  if (first) warmed = { key: keyOf(first), made: generateDemoCase(first, () => performance.now()) };
}

scope.onmessage = (e) => {
  if ('warm' in e.data) {
    try {
      warm(e.data.warm);
    } catch {
      warmed = null; // the game's own request for the case says what went wrong
    }
    return;
  }
  const { requestId, spec } = e.data;
  let reply: WorkerReply;
  try {
    const ready = warmed?.key === keyOf(spec) ? warmed.made : null;
    warmed = null;
    const c = ready ?? generateDemoCase(spec, () => performance.now());
    reply = { requestId, ok: true, image: c.image, original: c.original, truth: c.truth, header: c.header, generationMs: c.generationMs, madeAhead: ready !== null };
  } catch (err) {
    reply = { requestId, ok: false, error: `Could not generate case ${spec.id}: ${(err as Error).message}` };
  }
  scope.postMessage(reply, transferablesOf(reply));
};

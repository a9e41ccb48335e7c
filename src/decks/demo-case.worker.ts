import { TECHNIQUE_SUMMARIES } from '../forgery/technique-list.js';
import { firstCaseOfDeepLink } from './demo-deck.js';
import { generateAuthenticCase } from './generate-authentic.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';
import { queryOfWorkerName, transferablesOf, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

/** Web Worker entry: simulates and forges demo cases off the main thread, so the frame loop never stalls. */
interface WorkerScope {
  readonly name: string;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const now = (): number => performance.now();

/**
 * The forgery engine, about half of this worker's code, loaded on first need: a deep link's authentic first case is
 * made without waiting for it to be fetched, compiled and run (generate-authentic.ts).
 */
let engine: Promise<typeof import('./generate-case.js')> | null = null;
const loadEngine = (): Promise<typeof import('./generate-case.js')> => (engine ??= import('./generate-case.js'));

const make = async (spec: DemoCaseSpec): Promise<PreparedCase> =>
  spec.forgery ? (await loadEngine()).generateDemoCase(spec, now) : generateAuthenticCase(spec, now);

/** The first case of a deep link, made before the game asked for it; handed over once, then dropped. */
let warmed: { readonly key: string; readonly made: Promise<PreparedCase> } | null = null;
const keyOf = (spec: DemoCaseSpec): string => JSON.stringify(spec);

function warm(): void {
  const first = firstCaseOfDeepLink(queryOfWorkerName(scope.name), TECHNIQUE_SUMMARIES);
  if (!first) return;
  // Marks on the worker's own timeline, read by `npm run bench -- page` to place the work after navigation.
  performance.mark('made-ahead-start');
  const made = make(first).then((c) => {
    performance.mark('made-ahead-end');
    return c;
  });
  // The game's own request for the case says what went wrong.
  made.catch(() => undefined);
  warmed = { key: keyOf(first), made };
}

scope.onmessage = async (e) => {
  const { requestId, spec } = e.data;
  let reply: WorkerReply;
  try {
    const ready = warmed?.key === keyOf(spec) ? warmed.made : null;
    warmed = null;
    const c = await (ready ?? make(spec));
    reply = { requestId, ok: true, image: c.image, original: c.original, truth: c.truth, header: c.header, generationMs: c.generationMs, madeAhead: ready !== null };
  } catch (err) {
    // The reader sees this before answering: the engine's message may name the technique, so it goes to the console.
    console.error(`generateDemoCase ${spec.id}:`, err);
    reply = { requestId, ok: false, error: `Case ${spec.id} could not be prepared.` };
  }
  scope.postMessage(reply, transferablesOf(reply));
};

try {
  warm();
} catch {
  warmed = null;
}
// Loaded after the first case (when it was authentic), before the game asks for a fake.
void loadEngine().catch(() => undefined);

import type { CaseHeader, CaseTruth, QueryPairs } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { DemoCaseSpec } from './case-types.js';

/** Messages between the main thread and the case worker. Pixel buffers travel as transferables. */
export interface WorkerRequest {
  readonly requestId: number;
  readonly spec: DemoCaseSpec;
}

/**
 * The page's query travels in the worker's name, read as the worker starts: for a deep link to the demo deck with a
 * seed the worker plans that deck and makes its first case at once. A message posted at creation would wait for the
 * page's main thread to deliver it, and that thread is busy loading the game (measured: 200-300 ms later).
 */
const NAME = 'demo-cases';

export function workerNameFor(query: QueryPairs): string {
  return query.length > 0 ? `${NAME}?${new URLSearchParams(query.map(([k, v]) => [k, v]))}` : NAME;
}

export function queryOfWorkerName(name: string): QueryPairs {
  const q = name.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(name.slice(q + 1))];
}

export type WorkerReply =
  | {
      readonly requestId: number;
      readonly ok: true;
      readonly image: GrayImage;
      readonly original: GrayImage | null;
      readonly truth: CaseTruth;
      readonly header: CaseHeader;
      readonly generationMs: number;
      readonly madeAhead: boolean;
    }
  | { readonly requestId: number; readonly ok: false; readonly error: string };

export function transferablesOf(reply: WorkerReply): ArrayBuffer[] {
  if (!reply.ok) return [];
  const out = [reply.image.data.buffer as ArrayBuffer];
  if (reply.original && reply.original.data.buffer !== reply.image.data.buffer) {
    out.push(reply.original.data.buffer as ArrayBuffer);
  }
  return out;
}

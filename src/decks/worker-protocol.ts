import type { CaseHeader, CaseTruth, QueryPairs } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { DemoCaseSpec } from './case-types.js';

/** Messages between the main thread and the case worker. Pixel buffers travel as transferables. */
export interface WorkerRequest {
  readonly requestId: number;
  readonly spec: DemoCaseSpec;
}

/**
 * Sent once, by the page's first script, before the game's code has loaded: the page's query. When it is a deep link
 * to the demo deck with a seed, the worker plans that deck and makes its first case at once, so the case is ready
 * (or nearly) when the game asks for it.
 */
export interface WarmRequest {
  readonly warm: QueryPairs;
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

import type { CaseHeader, CaseId, CaseTruth, ForgeryStep } from '../domain/index.js';
import type { GrayImage } from '../imaging/types.js';

/** How to make one demo case: everything needed to regenerate it bit for bit. */
export interface DemoCaseSpec {
  readonly id: CaseId;
  readonly simSeed: number;
  readonly forgery: readonly ForgeryStep[] | null;
}

/** A case ready to show: pixels plus its truth. `original` is the untouched image behind a forgery (review compare). */
export interface PreparedCase {
  readonly id: CaseId;
  readonly image: GrayImage;
  readonly original: GrayImage | null;
  readonly truth: CaseTruth;
  /** The de-identified header shown in the header panel (forged too, for metadata fakes). */
  readonly header: CaseHeader;
  readonly generationMs: number;
}

/** Anything that can produce prepared cases: the worker in the browser, a direct call in Node. */
export interface CaseSource {
  prepare(spec: DemoCaseSpec): Promise<PreparedCase>;
  dispose(): void;
}

import type { CaseHeader, CaseId, CaseTruth, ForgeryStep } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

/** How to make one demo case: everything needed to regenerate it bit for bit. */
export interface DemoCaseSpec {
  readonly id: CaseId;
  readonly simSeed: number;
  readonly forgery: readonly ForgeryStep[] | null;
}

/** One case of a stored case pack: the pack's id and the case's id inside the pack's manifest. */
export interface PackCaseSpec {
  readonly id: CaseId;
  readonly packId: string;
  readonly packCaseId: string;
}

export type CaseSpec = DemoCaseSpec | PackCaseSpec;

export const isPackCaseSpec = (s: CaseSpec): s is PackCaseSpec => 'packId' in s;

/** A device, normal variant or incidental finding on a simulated film (simulator/findings.ts). */
export interface FilmFinding {
  readonly kind: string;
  readonly category: 'device' | 'finding' | 'variant';
  readonly description: string;
}

/** A case ready to show: pixels plus its truth. `original` is the untouched image behind a forgery (review compare). */
export interface PreparedCase {
  readonly id: CaseId;
  readonly image: GrayImage;
  readonly original: GrayImage | null;
  readonly truth: CaseTruth;
  /** The de-identified header shown in the header panel (forged too, for metadata fakes). */
  readonly header: CaseHeader;
  /**
   * Demo cases: the devices, variants and findings the simulator put on the film (real on an authentic case; on a
   * fake, what the original under the forgery shows). Absent for pack cases.
   */
  readonly filmFindings?: readonly FilmFinding[];
  readonly generationMs: number;
  /** Made before the game asked (a deep link's first case, warmed by boot.ts); for the page bench. */
  readonly madeAhead?: boolean;
}

/** Anything that can produce prepared cases: the worker in the browser, a direct call in Node, a stored pack. */
export interface CaseSource<S extends CaseSpec = CaseSpec> {
  prepare(spec: S): Promise<PreparedCase>;
  dispose(): void;
}

/** One source for both kinds of case: demo specs go to `demo`, pack specs to `pack`. */
export function routeCaseSource(demo: CaseSource<DemoCaseSpec>, pack: CaseSource<PackCaseSpec>): CaseSource {
  return {
    prepare: (spec) => (isPackCaseSpec(spec) ? pack.prepare(spec) : demo.prepare(spec)),
    dispose: () => {
      demo.dispose();
      pack.dispose();
    },
  };
}

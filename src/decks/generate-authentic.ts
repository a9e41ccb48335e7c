import { simulateChest } from '../simulator/index.js';
import type { DemoCaseSpec, PreparedCase } from './case-types.js';
import { demoHeader } from './demo-header.js';

/**
 * An authentic demo case: the simulated radiograph and its header, with no forgery engine behind it. Apart from
 * generate-case.ts so that the case worker can make a deep link's first case, when it is authentic, before the
 * engine (half of the worker's code) has loaded (demo-case.worker.ts).
 */
export function generateAuthenticCase(spec: DemoCaseSpec, clock: () => number = () => 0): PreparedCase {
  const t0 = clock();
  const sim = simulateChest(spec.simSeed);
  return {
    id: spec.id, image: sim.image, original: null, header: demoHeader(sim, spec.simSeed),
    truth: { kind: 'authentic', authenticityCues: sim.authenticityCues },
    filmFindings: sim.findings,
    generationMs: clock() - t0,
  };
}
